/**
 * The ports of a service's container, from `ports` and `expose`, and the one that serves its
 * traffic (`x-ecsform.port`, else the first published, else the first).
 */
import type { ModelContext } from '../context.js';
import type { ClassifiedService } from '../classify.js';
import type { ContainerPort, Origin } from '../types.js';

export function containerPorts(service: ClassifiedService, awsName: string, ctx: ModelContext): ContainerPort[] {
  const { compose } = service;
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
    ctx.decide('mapped', origin, `Container port ${containerPort}/${protocol}${published ? ', published' : ''}: opened in the security group only to the callers that need it.`, compose.name);
  };
  for (const p of compose.ports) {
    const origin: Origin = { at: p.at, path: p.path };
    if (p.protocol === 'sctp') ctx.error('COMPOSE_UNSUPPORTED', `${compose.name}: port ${p.target}/sctp cannot run on Fargate (ECS supports tcp and udp).`, origin, 'Use tcp or udp, or run the service on ECS with EC2 capacity.');
    else add(p.target, p.protocol, p.published, origin);
  }
  for (const e of compose.expose) add(e.value, 'tcp', undefined, { at: e.at, path: e.path });
  return [...ports.values()].sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol));
}

/** The port traffic is routed to; a kind that receives traffic without one is an error. */
export function mainPort(service: ClassifiedService, ports: readonly ContainerPort[], ctx: ModelContext): number | undefined {
  const { compose, ext, extOrigin, role } = service;
  const port = ext.port ?? ports.find((p) => p.published)?.containerPort ?? ports[0]?.containerPort;
  if (ext.port !== undefined && !ports.some((p) => p.containerPort === ext.port)) {
    ctx.error('SETTING_CONFLICT', `Service ${compose.name}: x-ecsform.port ${ext.port} is not one of its ports (${ports.map((p) => p.containerPort).join(', ') || 'none'}).`, extOrigin, 'Add the port to ports/expose, or correct x-ecsform.port.');
  }
  if ((role === 'web' || role === 'tcp' || role === 'internal') && port === undefined) {
    ctx.error('SETTING_CONFLICT', `Service ${compose.name} is kind ${role} but has no ports.`, extOrigin, 'Add ports (or expose), or make it a worker.');
  }
  return port;
}
