/**
 * Container-level settings of a service: process settings, labels, limits, health check, stop
 * timeout and the memory the container reserves. Each maps one Compose key to the ECS container
 * definition field the key table names.
 */
import type { ComposeService } from '../../load/types.js';
import type { ModelContext } from '../context.js';
import type { ContainerHealthCheck, LinuxParameters, Origin } from '../types.js';

/** ECS limits: interval 5-300 s, timeout 2-60 s, retries 1-10, start period 0-300 s. */
export function containerHealthCheck(service: ComposeService, ctx: ModelContext): ContainerHealthCheck | undefined {
  const hc = service.healthcheck;
  if (!hc || hc.disable || !hc.test || hc.test[0] === 'NONE') return undefined;
  const origin: Origin = { at: hc.at, path: hc.path };
  const clamp = (value: number, min: number, max: number, key: string) => {
    if (value >= min && value <= max) return value;
    const clamped = Math.min(max, Math.max(min, value));
    ctx.warn('COMPOSE_APPROXIMATED', `${service.name}: healthcheck ${key} ${value}s is outside what ECS allows (${min}-${max}); using ${clamped}.`, origin);
    return clamped;
  };
  ctx.decide('mapped', origin, 'Container health check (ECS waits for it and replaces unhealthy tasks).', service.name);
  return {
    command: hc.test,
    intervalSeconds: clamp(hc.intervalSeconds ?? 30, 5, 300, 'interval'),
    timeoutSeconds: clamp(hc.timeoutSeconds ?? 30, 2, 60, 'timeout'),
    retries: clamp(hc.retries ?? 3, 1, 10, 'retries'),
    startPeriodSeconds: clamp(hc.startPeriodSeconds ?? 0, 0, 300, 'start_period'),
  };
}

export function linuxParameters(service: ComposeService): LinuxParameters {
  return {
    ...(service.init ? { initProcessEnabled: service.init.value } : {}),
    capabilitiesAdd: service.capAdd.map((c) => c.value),
    capabilitiesDrop: service.capDrop.map((c) => c.value),
    ...(service.tty ? { pseudoTerminal: service.tty.value } : {}),
    ...(service.stdinOpen ? { interactive: service.stdinOpen.value } : {}),
  };
}

export function dockerLabels(service: ComposeService): Record<string, string> {
  return Object.fromEntries(service.labels.map((l) => [l.name, l.value]));
}

export function ulimits(service: ComposeService): { name: string; soft: number; hard: number }[] {
  return service.ulimits.map(({ name, soft, hard }) => ({ name, soft, hard }));
}

/** `platform: linux/arm64` (or the first build platform) picks the architecture. */
export function platformArchitecture(service: ComposeService): 'x86_64' | 'arm64' | undefined {
  const platform = service.platform?.value ?? service.build?.platforms[0];
  if (!platform) return undefined;
  return /arm64|aarch64/.test(platform) ? 'arm64' : /amd64|x86_64/.test(platform) ? 'x86_64' : undefined;
}

/** Fargate's stopTimeout is 2 to 120 seconds. */
export function stopTimeout(service: ComposeService, ctx: ModelContext): number | undefined {
  const grace = service.stopGracePeriodSeconds;
  if (!grace) return undefined;
  if (grace.value > 120) {
    ctx.warn('COMPOSE_APPROXIMATED', `${service.name}: stop_grace_period of ${grace.value} seconds is longer than Fargate allows; using 120 seconds.`, { at: grace.at, path: grace.path });
    return 120;
  }
  return Math.max(2, Math.round(grace.value));
}

/**
 * The container's soft memory limit (`memoryReservation`), from `mem_reservation` or
 * `deploy.resources.reservations.memory`; it must stay below the task memory.
 */
export function memoryReservation(service: ComposeService, taskMemoryMiB: number, ctx: ModelContext): number | undefined {
  const reservation = service.memReservationMiB ?? service.deploy?.reservationMemoryMiB;
  if (!reservation) return undefined;
  const mib = Math.max(4, Math.ceil(reservation.value));
  if (mib > taskMemoryMiB) {
    ctx.warn('COMPOSE_APPROXIMATED', `${service.name}: the memory reservation of ${mib} MiB is more than the task's ${taskMemoryMiB} MiB; using the task memory.`, { at: reservation.at, path: reservation.path });
    return taskMemoryMiB;
  }
  return mib;
}
