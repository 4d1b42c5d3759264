/**
 * How many services one project may have. Real applications have a few dozen; ECS, the load
 * balancer (100 listener rules) and a readable Terraform stop far earlier than this bound, which
 * exists so that generation time and memory stay bounded on any input.
 */
import type { FindingCollector } from './findings.js';
import { valueOf, type SourceMap } from './source-tree.js';

export const MAX_SERVICES = 1000;

/** False, after reporting, when the merged project has more services than MAX_SERVICES. */
export function withinServiceBound(merged: SourceMap, findings: FindingCollector): boolean {
  const services = valueOf(merged, 'services');
  if (services?.kind !== 'map' || services.entries.length <= MAX_SERVICES) return true;
  const first = services.entries[MAX_SERVICES]!;
  findings.report({
    code: 'COMPOSE_LIMIT',
    at: first.keyAt,
    path: `services.${first.key}`,
    message: `The project has ${services.entries.length.toLocaleString('en-US')} services; ecsform generates at most ${MAX_SERVICES.toLocaleString('en-US')} (the first one past the limit is here).`,
    hint: 'Split the application into several projects, each with its own Compose file.',
  });
  return false;
}
