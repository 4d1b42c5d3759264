/**
 * The first decision about each Compose service: what it becomes on AWS (its role), from
 * `x-ecsform.kind` or inferred from its image and ports. Every key of the service is walked
 * through the Compose key table on the way, so none is silently dropped.
 */
import type { ComposeService } from '../load/types.js';
import { parseServiceExtension } from '../load/x-ecsform/parse.js';
import { serviceExtensionSchema, type ServiceExtension } from '../load/x-ecsform/schema.js';
import type { ModelContext } from './context.js';
import { walkServiceKeys } from './key-walk.js';
import { originOf } from './raw-values.js';
import { inferRole, type ComposeRole } from './service-kind.js';
import type { Origin } from './types.js';

export interface ClassifiedService {
  readonly compose: ComposeService;
  readonly ext: ServiceExtension;
  /** Where the service's x-ecsform was written, else the service itself. */
  readonly extOrigin: Origin;
  readonly role: ComposeRole;
}

export function classifyService(compose: ComposeService, ctx: ModelContext): ClassifiedService {
  walkServiceKeys(compose.name, compose.raw, ctx);
  const node = compose.extensions.get('x-ecsform');
  const parsed = parseServiceExtension(node, compose.at, compose.name);
  ctx.errors.push(...parsed.findings);
  const ext = parsed.value ?? serviceExtensionSchema.parse({});
  const extOrigin: Origin = node ? originOf(node) : { at: compose.at, path: `services.${compose.name}` };
  if (ext.kind) {
    ctx.decide('mapped', extOrigin, `Kind ${ext.kind} (from x-ecsform).`, compose.name);
    return { compose, ext, extOrigin, role: ext.kind };
  }
  const inferred = inferRole(compose);
  ctx.decide('inferred', { at: compose.at, path: `services.${compose.name}` }, `Kind ${inferred.role}: ${inferred.reason}.`, compose.name);
  if (inferred.note) {
    ctx.warn('COMPOSE_APPROXIMATED', `${compose.name}: ${inferred.note}`, { at: compose.at, path: `services.${compose.name}.ports` }, 'To serve those ports on the internet, move them to a service of their own with x-ecsform.kind: tcp.');
  }
  return { compose, ext, extOrigin, role: inferred.role };
}
