/**
 * Who reaches whom: a service reaches the services it names in its environment and the ones it
 * depends on; a database's clients are the services that name it or depend on it.
 */
import type { ClassifiedService } from './classify.js';
import type { ModelContext } from './context.js';
import type { ServiceEnvironment } from './environment.js';
import type { Database } from './types.js';

/** The ECS services `c` reaches. */
export function referencesOf(c: ClassifiedService, ecs: readonly ClassifiedService[], env: ServiceEnvironment, ctx: ModelContext): Set<string> {
  const refs = new Set(env.references);
  for (const d of c.compose.dependsOn) {
    const target = ecs.find((e) => e.compose.name === d.service);
    if (!target) continue;
    refs.add(d.service);
    // Compose networks allow every port; security groups only open declared ones.
    if (target.compose.ports.length === 0 && target.compose.expose.length === 0) {
      ctx.warn(
        'HOSTNAME_UNRESOLVED',
        `${c.compose.name} depends on ${d.service}, which declares no ports, so no security group rule can let ${c.compose.name} reach it.`,
        { at: d.at, path: `services.${c.compose.name}.depends_on` },
        `Add \`expose: ["<port>"]\` to ${d.service} with the port it listens on.`,
        'medium',
      );
    }
  }
  return refs;
}

/** Each database with the services that connect to it, sorted. */
export function withClients(databases: readonly Database[], ecs: readonly ClassifiedService[], env: ReadonlyMap<string, ServiceEnvironment>): Database[] {
  return databases.map((database) => {
    const clients = ecs
      .filter((c) => env.get(c.compose.name)!.databases.has(database.name) || c.compose.dependsOn.some((d) => d.service === database.name))
      .map((c) => c.compose.name)
      .sort();
    return { ...database, clients };
  });
}
