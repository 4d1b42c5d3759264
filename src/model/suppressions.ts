/** Accepted findings from x-ecsform, project-wide or for one service's resources, each with its reason. */
import type { ClassifiedService } from './classify.js';
import type { ProjectSettings } from './settings.js';
import type { Suppression } from './types.js';

export function suppressions(settings: ProjectSettings, classified: readonly ClassifiedService[]): Suppression[] {
  const out: Suppression[] = settings.ext.suppress.map((s) => ({ rule: s.rule, ...(s.resource ? { resource: s.resource } : {}), reason: s.reason, origin: { at: settings.firstFileAt, path: 'x-ecsform.suppress' } }));
  for (const c of classified) for (const s of c.ext.suppress) out.push({ rule: s.rule, ...(s.resource ? { resource: s.resource } : {}), service: c.compose.name, reason: s.reason, origin: c.extOrigin });
  return out;
}
