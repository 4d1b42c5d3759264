/**
 * The diagram of a generated stack, from the model: entry points (CloudFront, ALB, NLB, public
 * IPs), services and workers by subnet, their databases, file systems and secrets, and the
 * systems outside AWS they reach (external secrets, public hosts in their environment).
 */
import type { AppModel, Service } from '../model/types.js';
import { DiagramBuilder } from './builder.js';
import { externalHostOf } from './external-hosts.js';
import type { ArchitectureDiagram } from './types.js';

export function diagramFromModel(model: AppModel): ArchitectureDiagram {
  const d = new DiagramBuilder();
  const internet = (): string => d.node('internet', { kind: 'internet', zone: 'internet', label: 'Internet' });
  const services = new Map<string, string>();
  for (const service of model.services) {
    services.set(
      service.name,
      d.node(`service:${service.name}`, {
        kind: service.kind === 'worker' ? 'worker' : 'service',
        zone: service.subnets,
        label: service.name,
        detail: `${service.cpuUnits / 1024} vCPU, ${service.memoryMiB} MiB × ${service.desiredCount}${service.spot ? ' (Spot)' : ''}`,
      }),
    );
  }

  for (const site of model.staticSites) {
    const cdn = d.node(`cdn:${site.name}`, { kind: 'cdn', zone: 'edge', label: `CloudFront: ${site.name}`, detail: site.spa ? 'single-page app' : 'static site' });
    const bucket = d.node(`bucket:${site.name}`, { kind: 'bucket', zone: 'edge', label: `S3: ${site.name}`, detail: 'site files' });
    d.edge(internet(), cdn, 'traffic', 'HTTPS');
    d.edge(cdn, bucket, 'traffic', 'origin');
  }

  const alb = model.loadBalancer;
  if (alb && alb.services.length > 0) {
    const id = alb.existing
      ? d.node('alb', { kind: 'load-balancer', zone: 'public', label: 'Existing ALB', detail: `your ${alb.existing === 'listener' ? 'listener' : 'target group'}` })
      : d.node('alb', { kind: 'load-balancer', zone: 'public', label: 'ALB', detail: 'HTTPS, HTTP redirects' });
    d.edge(internet(), id, 'traffic', 'HTTPS');
    for (const name of alb.services) {
      const service = model.services.find((s) => s.name === name);
      const target = services.get(name);
      if (service && target) d.edge(id, target, 'traffic', routeLabel(service));
    }
  }
  const nlb = model.networkLoadBalancer;
  if (nlb && nlb.services.length > 0) {
    const id = d.node('nlb', { kind: 'load-balancer', zone: 'public', label: 'NLB', detail: 'TCP' });
    d.edge(internet(), id, 'traffic', 'TCP');
    for (const name of nlb.services) {
      const service = model.services.find((s) => s.name === name);
      const target = services.get(name);
      if (service && target) d.edge(id, target, 'traffic', portsLabel(service));
    }
  }
  for (const service of model.services) {
    if (service.exposure === 'public-ip') d.edge(internet(), services.get(service.name)!, 'traffic', portsLabel(service));
  }
  if (!model.network.existing && model.network.natGateways > 0 && model.services.some((s) => s.subnets === 'private')) {
    const nat = d.node('nat', { kind: 'nat', zone: 'public', label: `NAT gateway${model.network.natGateways > 1 ? ` ×${model.network.natGateways}` : ''}`, detail: 'outbound for private subnets' });
    d.edge(nat, internet(), 'traffic');
  }

  connectServices(model, d, services);
  for (const database of model.databases) {
    const id = d.node(`database:${database.name}`, {
      kind: 'database',
      zone: 'private',
      label: `RDS: ${database.name}`,
      detail: `${database.engine} ${database.engineVersion}, ${database.instanceClass}${database.multiAz ? ', Multi-AZ' : ''}`,
    });
    for (const client of database.clients) {
      const from = services.get(client);
      if (from) d.edge(from, id, 'traffic', `${database.engine} :${database.port}`);
    }
  }
  for (const volume of model.volumes) {
    const efs = d.node('efs', { kind: 'file-system', zone: 'private', label: 'EFS', detail: 'named volumes' });
    for (const user of volume.usedBy) {
      const from = services.get(user);
      if (from) d.edge(from, efs, 'uses', volume.name);
    }
  }
  connectSecrets(model, d, services);
  return d.build(`${model.project.name} (${model.project.environment}, ${model.project.region})`);
}

/** Service → service edges from `<name>.<namespace>` hostnames in the environment. */
function connectServices(model: AppModel, d: DiagramBuilder, ids: ReadonlyMap<string, string>): void {
  const byHostname = new Map<string, string>();
  for (const service of model.services) {
    byHostname.set(service.awsName, service.name);
    byHostname.set(service.name, service.name);
    if (service.discoveryName) byHostname.set(service.discoveryName, service.name);
  }
  for (const service of model.services) {
    const from = ids.get(service.name)!;
    for (const env of service.environment) {
      env.value.forEach((part, index) => {
        const before = env.value[index - 1];
        if (part.kind !== 'discovery-namespace' || before?.kind !== 'text') return;
        const host = /([a-z0-9-_]+)\.$/i.exec(before.text)?.[1];
        const target = host !== undefined ? byHostname.get(host) : undefined;
        if (target !== undefined) d.edge(from, ids.get(target)!, 'traffic');
      });
      const only = env.value.length === 1 ? env.value[0] : undefined;
      const host = only?.kind === 'text' ? externalHostOf(env.name, only.text) : undefined;
      if (host) d.edge(from, d.node(`external:${host}`, { kind: 'external', zone: 'external', label: host, detail: env.name }), 'traffic');
    }
  }
}

/** Services reading secrets use Secrets Manager; an `external` secret is a system outside AWS. */
function connectSecrets(model: AppModel, d: DiagramBuilder, ids: ReadonlyMap<string, string>): void {
  for (const secret of model.secrets) {
    for (const use of secret.usedBy) {
      const from = ids.get(use.service);
      if (!from) continue;
      d.edge(from, d.node('secrets', { kind: 'secrets', zone: 'regional', label: 'Secrets Manager' }), 'uses', undefined);
      if (secret.source === 'external') {
        const external = d.node(`external-secret:${secret.name}`, { kind: 'external', zone: 'external', label: externalLabel(secret.description, secret.name), detail: `secret ${secret.name}` });
        d.edge(from, external, 'traffic');
      }
    }
  }
}

/** The first clause of a description, when short: `Timescale Cloud connection string`. */
function externalLabel(description: string, fallback: string): string {
  const clause = description.split(/ \(|\. |, |; /)[0]?.trim() ?? '';
  return clause.length > 0 && clause.length <= 40 ? clause : fallback;
}

function routeLabel(service: Service): string {
  const routes = service.routes.map((r) => [r.host, r.pathPrefix].filter((x): x is string => x !== undefined).join('')).filter((r) => r !== '');
  return routes.length > 0 ? routes.join(' ') : `:${service.mainPort ?? ''}`;
}

function portsLabel(service: Service): string {
  const ports = service.ports.filter((p) => p.published).map((p) => `${p.protocol.toUpperCase()} ${p.containerPort}`);
  return ports.length > 0 ? ports.join(', ') : `:${service.mainPort ?? ''}`;
}
