/**
 * What each volume of a service becomes on Fargate: named volumes mount EFS access points;
 * anonymous volumes and tmpfs become task-local scratch space; bind mounts cannot run.
 */
import type { ComposeService } from '../../load/types.js';
import type { ModelContext } from '../context.js';
import type { Origin, VolumeMount } from '../types.js';

export function volumeMounts(service: ComposeService, ctx: ModelContext): { mounts: VolumeMount[]; scratchPaths: string[] } {
  const mounts: VolumeMount[] = [];
  const scratchPaths = new Set<string>();
  for (const volume of service.volumes) {
    const origin: Origin = { at: volume.at, path: volume.path };
    if (volume.type === 'volume' && volume.source) {
      mounts.push({ volume: volume.source, containerPath: volume.target, readOnly: volume.readOnly, origin });
      ctx.decide('mapped', origin, `Volume ${volume.source} at ${volume.target} becomes an EFS access point (encrypted in transit and at rest).`, service.name);
    } else if (volume.type === 'volume' || volume.type === 'tmpfs') {
      scratchPaths.add(volume.target);
      ctx.note('VOLUME_EPHEMERAL', `${service.name}: ${volume.type === 'tmpfs' ? 'tmpfs' : 'anonymous volume'} ${volume.target} becomes task-local ephemeral storage (lost when the task stops).`, origin);
    } else if (volume.type === 'bind') {
      ctx.error(
        'BIND_MOUNT',
        `${service.name}: bind mount ${volume.source}:${volume.target} cannot run on Fargate (there is no host directory to mount).`,
        origin,
        `Copy ${volume.source} into the image (COPY in the Dockerfile) if it is code or configuration, or use a named volume (EFS) if it is data that must persist.`,
      );
    } else {
      ctx.error('COMPOSE_UNSUPPORTED', `${service.name}: ${volume.type} volume ${volume.target} cannot run on Fargate.`, origin, 'Use a named volume (EFS) instead.');
    }
  }
  for (const path of service.tmpfs) scratchPaths.add(path.value);
  return { mounts, scratchPaths: [...scratchPaths].sort() };
}
