/** ECR repositories for the images the pipeline builds: one per `x-ecsform.image.name` (default: the service). */
import type { ProjectExtension } from '../load/x-ecsform/schema.js';
import type { ClassifiedService } from './classify.js';
import { awsName, terraformId } from './names.js';
import type { Repository, Service } from './types.js';

export function repositories(classified: readonly ClassifiedService[], services: readonly Service[], settings: ProjectExtension): Repository[] {
  const repos = new Map<string, Repository>();
  for (const c of classified) {
    if (!c.compose.build || !['web', 'internal', 'tcp', 'worker'].includes(c.role)) continue;
    const id = terraformId(c.ext.image?.name ?? c.compose.name);
    const service = services.find((s) => s.name === c.compose.name);
    const existing = repos.get(id);
    if (existing) {
      repos.set(id, { ...existing, services: [...existing.services, c.compose.name].sort() });
      continue;
    }
    const build = c.compose.build;
    repos.set(id, {
      name: awsName(c.ext.image?.name ?? c.compose.name),
      id,
      mode: c.ext.image?.repository ?? settings.registry.repositories,
      build: {
        context: build.context,
        ...(build.dockerfile ? { dockerfile: build.dockerfile } : {}),
        ...(build.target ? { target: build.target } : {}),
        args: build.args.filter((a): a is { name: string; value: string } => a.value !== undefined),
      },
      architecture: service?.architecture ?? settings.architecture,
      services: [c.compose.name],
      origin: { at: build.at, path: build.path },
    });
  }
  return [...repos.values()].sort((a, b) => a.id.localeCompare(b.id));
}
