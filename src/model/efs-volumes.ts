/** Named volumes the services mount, each an EFS access point; every one must be declared at the top level. */
import type { ComposeProject } from '../load/types.js';
import { containersOf } from './containers.js';
import type { ModelContext } from './context.js';
import { terraformId } from './names.js';
import type { EfsVolume, Origin, Service } from './types.js';

export function efsVolumes(services: readonly Service[], project: ComposeProject, ctx: ModelContext): EfsVolume[] {
  const usage = new Map<string, string[]>();
  for (const s of services) for (const m of containersOf(s).flatMap((c) => c.mounts).filter((m) => !s.taskVolumes.includes(m.volume))) usage.set(m.volume, [...(usage.get(m.volume) ?? []), s.name]);
  const volumes: EfsVolume[] = [];
  for (const [name, usedBy] of [...usage].sort(([a], [b]) => a.localeCompare(b))) {
    const declared = project.volumes.find((v) => v.name === name);
    const origin: Origin = declared ? { at: declared.at, path: `volumes.${name}` } : services.find((s) => containersOf(s).some((c) => c.mounts.some((m) => m.volume === name)))!.origin;
    if (!declared) ctx.error('UNKNOWN_SERVICE', `Volume ${name} is used but not declared under the top-level volumes.`, origin, `Add \`${name}:\` under \`volumes:\`.`);
    if (declared?.external) ctx.warn('COMPOSE_APPROXIMATED', `Volume ${name} is external in Compose; ecsform creates a new EFS access point for it.`, origin);
    volumes.push({ name, id: terraformId(name), usedBy: [...new Set(usedBy)].sort(), origin });
  }
  return volumes;
}
