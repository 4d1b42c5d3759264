/**
 * The container-level settings of an ECS service: image, ports, health check, volumes, process
 * settings. Everything Fargate cannot do is reported here with the Compose line.
 */
import type { ComposeService } from '../load/types.js';
import type { ModelContext } from './context.js';
import { originOf, rawEntry, scalarBoolean, scalarString, stringList, stringMap, ulimitList } from './raw-values.js';
import type { ContainerHealthCheck, ContainerPort, LinuxParameters, Origin, VolumeMount } from './types.js';

export function containerPorts(service: ComposeService, awsName: string, ctx: ModelContext): ContainerPort[] {
  const ports = new Map<string, ContainerPort>();
  const add = (containerPort: number, protocol: 'tcp' | 'udp', publishedPort: number | undefined, origin: Origin) => {
    const key = `${containerPort}/${protocol}`;
    const published = publishedPort !== undefined;
    const existing = ports.get(key);
    if (existing) {
      if (published && !existing.published) ports.set(key, { ...existing, published, publishedPort });
      return;
    }
    ports.set(key, { containerPort, protocol, published, ...(published ? { publishedPort } : {}), name: `${awsName}-${containerPort}${protocol === 'udp' ? '-udp' : ''}`, origin });
    ctx.decide('mapped', origin, `Container port ${containerPort}/${protocol}${published ? ', published' : ''}: opened in the security group only to the callers that need it.`, service.name);
  };
  for (const p of service.ports) {
    const origin: Origin = { at: p.at, path: p.path };
    if (p.protocol === 'sctp') ctx.error('COMPOSE_UNSUPPORTED', `${service.name}: port ${p.target}/sctp cannot run on Fargate (ECS supports tcp and udp).`, origin, 'Use tcp or udp, or run the service on ECS with EC2 capacity.');
    else add(p.target, p.protocol, p.published, origin);
  }
  for (const e of service.expose) add(e.value, 'tcp', undefined, { at: e.at, path: e.path });
  return [...ports.values()].sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol));
}

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

/**
 * Named volumes mount EFS access points; anonymous volumes and tmpfs become task-local scratch
 * space; bind mounts cannot run on Fargate.
 */
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
  const tmpfs = rawEntry(service.raw, 'tmpfs');
  for (const path of stringList(tmpfs)) scratchPaths.add(path.split(':')[0]!);
  return { mounts, scratchPaths: [...scratchPaths].sort() };
}

export function linuxParameters(service: ComposeService): LinuxParameters {
  const raw = service.raw;
  const init = scalarBoolean(rawEntry(raw, 'init'));
  const tty = scalarBoolean(rawEntry(raw, 'tty'));
  const stdin = scalarBoolean(rawEntry(raw, 'stdin_open'));
  return {
    ...(init !== undefined ? { initProcessEnabled: init } : {}),
    capabilitiesAdd: stringList(rawEntry(raw, 'cap_add')).map((c) => c.replace(/^CAP_/, '')).sort(),
    capabilitiesDrop: stringList(rawEntry(raw, 'cap_drop')).map((c) => c.replace(/^CAP_/, '')).sort(),
    ...(tty !== undefined ? { pseudoTerminal: tty } : {}),
    ...(stdin !== undefined ? { interactive: stdin } : {}),
  };
}

export function dockerLabels(service: ComposeService): Record<string, string> {
  return stringMap(rawEntry(service.raw, 'labels'));
}

export function ulimits(service: ComposeService): { name: string; soft: number; hard: number }[] {
  return ulimitList(rawEntry(service.raw, 'ulimits'));
}

/** `platform: linux/arm64` picks the architecture. */
export function platformArchitecture(service: ComposeService): 'x86_64' | 'arm64' | undefined {
  const platform = scalarString(rawEntry(service.raw, 'platform')) ?? service.build?.platforms[0];
  if (!platform) return undefined;
  return /arm64|aarch64/.test(platform) ? 'arm64' : /amd64|x86_64/.test(platform) ? 'x86_64' : undefined;
}

/** Fargate's stopTimeout is at most 120 seconds. */
export function stopTimeout(service: ComposeService, ctx: ModelContext, parseDurationSeconds: (text: string) => number | undefined): number | undefined {
  const node = rawEntry(service.raw, 'stop_grace_period');
  const text = scalarString(node);
  if (!node || text === undefined) return undefined;
  const seconds = parseDurationSeconds(text);
  if (seconds === undefined) return undefined;
  if (seconds > 120) {
    ctx.warn('COMPOSE_APPROXIMATED', `${service.name}: stop_grace_period ${text} is longer than Fargate allows; using 120 seconds.`, originOf(node));
    return 120;
  }
  return Math.max(2, Math.round(seconds));
}
