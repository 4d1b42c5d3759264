/**
 * The diagram of any Terraform configuration, inferred from resource types and the references
 * between them: load balancers and CloudFront in front, ECS services (workers when nothing routes
 * to them) in their subnets, and what their task definitions refer to (databases, file systems,
 * secrets, queues), Cloud Map hostnames between services, public hosts outside AWS.
 */
import { blocksOf, buildStack, evaluateIn, findAttribute, type InstanceContext, isUnknown, literalString, type ModuleIndex, nestedBodies, readBool, readString, referencedAddresses, type Stack, type StackResource } from '../terraform/index.js';
import { DiagramBuilder } from './builder.js';
import { externalHostOf } from './external-hosts.js';
import { discoveryHostnames, discoveryServiceName, internetOpenGroups, keyOf, targetGroupKeys, targetGroupRoutes, typeOf, LOAD_BALANCERS } from './terraform/links.js';
import { allExpressions, referencesOf } from './terraform/walk.js';
import type { ArchitectureDiagram, DiagramNode, NodeKind, Zone } from './types.js';

/** What a task definition may refer to, and how it shows. */
const DEPENDENCIES: ReadonlyMap<string, { kind: NodeKind; zone: Zone; prefix: string; style: 'traffic' | 'uses' }> = new Map([
  ['aws_db_instance', { kind: 'database', zone: 'private', prefix: 'RDS', style: 'traffic' }],
  ['aws_rds_cluster', { kind: 'database', zone: 'private', prefix: 'Aurora', style: 'traffic' }],
  ['aws_elasticache_cluster', { kind: 'data', zone: 'private', prefix: 'ElastiCache', style: 'traffic' }],
  ['aws_elasticache_replication_group', { kind: 'data', zone: 'private', prefix: 'ElastiCache', style: 'traffic' }],
  ['aws_efs_file_system', { kind: 'file-system', zone: 'private', prefix: 'EFS', style: 'uses' }],
  ['aws_s3_bucket', { kind: 'bucket', zone: 'regional', prefix: 'S3', style: 'traffic' }],
  ['aws_sqs_queue', { kind: 'data', zone: 'regional', prefix: 'SQS', style: 'traffic' }],
  ['aws_sns_topic', { kind: 'data', zone: 'regional', prefix: 'SNS', style: 'traffic' }],
  ['aws_dynamodb_table', { kind: 'data', zone: 'regional', prefix: 'DynamoDB', style: 'traffic' }],
]);

export function diagramFromModules(modules: readonly ModuleIndex[], title?: string): ArchitectureDiagram {
  const stack = buildStack(modules);
  const d = new DiagramBuilder();
  const internet = (): string => d.node('internet', { kind: 'internet', zone: 'internet', label: 'Internet' });
  const managed = stack.resources.filter((r) => r.decl.mode === 'managed');
  const ofType = (...types: string[]) => managed.filter((r) => types.includes(r.decl.type));
  const nodeFor = (resource: StackResource, spec: Omit<DiagramNode, 'id'>): string => d.node(`${spec.kind}:${keyOf(resource.owner, resource.decl.address)}`, spec, resource.decl.name);
  const openGroups = internetOpenGroups(stack);

  for (const lb of ofType(...LOAD_BALANCERS)) {
    const ctx = firstInstance(stack, lb);
    const internal = ctx ? readBool(ctx, 'internal') === true : false;
    const type = ctx ? readString(ctx, 'load_balancer_type') : undefined;
    const name = type === 'network' ? 'NLB' : type === 'gateway' ? 'GWLB' : 'ALB';
    const id = nodeFor(lb, { kind: 'load-balancer', zone: internal ? 'private' : 'public', label: `${name}: ${lb.decl.name}`, detail: internal ? 'internal' : 'internet-facing' });
    if (!internal) d.edge(internet(), id, 'traffic', openPortsOf(lb, 'security_groups', openGroups));
  }
  for (const cdn of ofType('aws_cloudfront_distribution')) {
    const id = nodeFor(cdn, { kind: 'cdn', zone: 'edge', label: `CloudFront: ${cdn.decl.name}` });
    d.edge(internet(), id, 'traffic', 'HTTPS');
    for (const origin of blocksOf(cdn.decl.block.body, 'origin')) {
      const domain = findAttribute(origin.body, 'domain_name');
      for (const address of domain ? referencedAddresses(domain.expr) : []) {
        const target = stack.find(cdn.owner, address);
        if (target && typeOf(address) === 'aws_s3_bucket') d.edge(id, nodeFor(target, { kind: 'bucket', zone: 'edge', label: `S3: ${target.decl.name}`, detail: 'origin' }), 'traffic', 'origin');
        if (target && LOAD_BALANCERS.has(typeOf(address))) d.edge(id, d.idOf(`load-balancer:${keyOf(cdn.owner, address)}`) ?? internet(), 'traffic', 'origin');
      }
    }
  }
  const nats = ofType('aws_nat_gateway').reduce((n, r) => n + (isUnknown(r.instances) ? 1 : r.instances.length), 0);
  if (nats > 0) d.edge(d.node('nat', { kind: 'nat', zone: 'public', label: `NAT gateway${nats > 1 ? ` ×${nats}` : ''}`, detail: 'outbound for private subnets' }), internet(), 'traffic');
  for (const resource of managed) {
    const dependency = DEPENDENCIES.get(resource.decl.type);
    if (dependency && (dependency.zone === 'private' || resource.decl.type === 'aws_efs_file_system')) {
      const ctx = firstInstance(stack, resource);
      const isPublic = ctx ? readBool(ctx, 'publicly_accessible') === true : false;
      nodeFor(resource, { kind: dependency.kind, zone: isPublic ? 'public' : dependency.zone, label: `${dependency.prefix}: ${resource.decl.name}`, ...detailOf(stack, resource) });
    }
  }
  addServices(stack, d, internet, nodeFor, openGroups);
  return d.build(title ?? `Terraform in ${stack.roots.join(', ')}`);
}

function addServices(
  stack: Stack,
  d: DiagramBuilder,
  internet: () => string,
  nodeFor: (r: StackResource, spec: Omit<DiagramNode, 'id'>) => string,
  openGroups: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const routes = targetGroupRoutes(stack);
  const services = stack.resources.filter((r) => r.decl.mode === 'managed' && r.decl.type === 'aws_ecs_service');
  const registeredBy = new Map<string, string[]>();
  const wanted: { from: string; names: { name: string; namespace: string }[] }[] = [];

  for (const service of services) {
    const body = service.decl.block.body;
    const ctx = firstInstance(stack, service);
    const network = ctx ? nestedBodies(ctx, 'network_configuration') : [];
    const networkBody = isUnknown(network) ? undefined : network[0];
    const publicIp = ctx && networkBody ? readBool(ctx, 'assign_public_ip', networkBody) === true : false;
    const openPorts = networkBody ? openPortsOf(service, 'security_groups', openGroups, networkBody) : undefined;
    const balanced = blocksOf(body, 'load_balancer');
    const registries = blocksOf(body, 'service_registries');
    const reachable = balanced.length > 0 || registries.length > 0 || blocksOf(body, 'service_connect_configuration').length > 0 || (publicIp && openPorts !== undefined);
    const tasks = taskDefinitions(stack, service);
    const ids = instanceLabels(service).map((label, i) =>
      d.node(`service:${keyOf(service.owner, service.decl.address)}#${i}`, { kind: reachable ? 'service' : 'worker', zone: publicIp ? 'public' : 'private', label, ...taskDetail(stack, tasks[0]) }, label),
    );

    const instances = isUnknown(service.instances) ? [] : service.instances;
    for (const block of balanced) {
      const tgAttribute = findAttribute(block.body, 'target_group_arn');
      const port = findAttribute(block.body, 'container_port');
      ids.forEach((id, i) => {
        const scope = instances[i]?.scope;
        const portValue = port ? evaluateIn(service.owner, port.expr, scope) : undefined;
        const fallback = portValue !== undefined && !isUnknown(portValue) ? `:${String(portValue)}` : undefined;
        const groups = tgAttribute ? targetGroupKeys(service, tgAttribute.expr, scope) : [];
        // An indexed group may be routed as a whole (`aws_lb_target_group.app`) or per instance.
        const found = groups.flatMap((tg) => [routes.get(tg), routes.get(tg.replace(/\[[^\]]*\]$/, ''))]).filter((r): r is NonNullable<typeof r> => r !== undefined);
        const lbs = found.flatMap((route) => [...route.loadBalancers].map((lb) => ({ lb, label: route.conditions.size > 0 ? conditionsLabel(route.conditions) : fallback })));
        if (lbs.length === 0) {
          const existing = d.node('load-balancer:existing', { kind: 'load-balancer', zone: 'public', label: 'Existing load balancer', detail: 'not in this configuration' });
          d.edge(existing, id, 'traffic', fallback);
        }
        for (const { lb, label } of lbs) {
          const from = d.idOf(`load-balancer:${lb}`);
          if (from) d.edge(from, id, 'traffic', label);
        }
      });
    }
    if (publicIp && openPorts !== undefined) for (const id of ids) d.edge(internet(), id, 'traffic', openPorts);

    for (const registry of registries) {
      const arn = findAttribute(registry.body, 'registry_arn');
      for (const address of arn ? referencedAddresses(arn.expr) : []) {
        const key = keyOf(service.owner, address);
        registeredBy.set(key, [...(registeredBy.get(key) ?? []), ...ids]);
      }
    }
    const readers = [service, ...tasks];
    for (const from of ids) {
      connectDependencies(stack, d, from, readers, nodeFor);
      wanted.push({ from, names: readers.flatMap((r) => discoveryHostnames(r)) });
    }
  }
  // `<name>.<namespace>` → the discovery service of that name → the ECS services registered in it.
  const discovery = stack.resources.filter((r) => r.decl.type === 'aws_service_discovery_service');
  for (const { from, names } of wanted) {
    for (const { name } of names) {
      for (const target of discovery.filter((r) => discoveryServiceName(r) === name)) {
        for (const to of registeredBy.get(keyOf(target.owner, target.decl.address)) ?? []) d.edge(from, to, 'traffic');
      }
    }
  }
}

/** Edges from a service to what its service block and task definitions refer to. */
function connectDependencies(stack: Stack, d: DiagramBuilder, from: string, readers: readonly StackResource[], nodeFor: (r: StackResource, spec: Omit<DiagramNode, 'id'>) => string): void {
  const secrets = (): string => d.node('secrets', { kind: 'secrets', zone: 'regional', label: 'Secrets Manager' });
  for (const reader of readers) {
    for (const address of referencesOf(reader)) {
      const type = typeOf(address);
      let target = stack.find(reader.owner, address);
      if (!target) continue;
      if (type === 'aws_secretsmanager_secret' || type === 'aws_secretsmanager_secret_version') d.edge(from, secrets(), 'uses');
      if (type === 'aws_ssm_parameter') d.edge(from, d.node('ssm', { kind: 'secrets', zone: 'regional', label: 'SSM Parameter Store' }), 'uses');
      if (type === 'aws_efs_access_point') {
        const fileSystem = findAttribute(target.decl.block.body, 'file_system_id');
        const fsAddress = fileSystem ? referencedAddresses(fileSystem.expr).find((a) => typeOf(a) === 'aws_efs_file_system') : undefined;
        const found = fsAddress ? stack.find(reader.owner, fsAddress) : undefined;
        if (!found) continue;
        target = found;
      }
      const dependency = DEPENDENCIES.get(target.decl.type);
      if (!dependency) continue;
      const id = d.idOf(`${dependency.kind}:${keyOf(target.owner, target.decl.address)}`) ?? nodeFor(target, { kind: dependency.kind, zone: dependency.zone, label: `${dependency.prefix}: ${target.decl.name}` });
      d.edge(from, id, dependency.style);
    }
    for (const expr of allExpressions(reader.decl.block)) {
      if (expr.kind !== 'object') continue;
      const keys = new Map(expr.items.map((item) => [item.key.kind === 'traversal' ? item.key.root : literalString(item.key), item.value] as const));
      if (keys.has('valueFrom')) d.edge(from, secrets(), 'uses');
      const name = literalString(keys.get('name'));
      const value = literalString(keys.get('value'));
      const host = name !== undefined && value !== undefined ? externalHostOf(name, value) : undefined;
      if (host) d.edge(from, d.node(`external:${host}`, { kind: 'external', zone: 'external', label: host, detail: name }), 'traffic');
    }
  }
}

/** Ports the resource's security groups open to the internet (`TCP 443, TCP 80`); undefined when none. */
function openPortsOf(resource: StackResource, attribute: string, openGroups: ReadonlyMap<string, ReadonlySet<string>>, body = resource.decl.block.body): string | undefined {
  const groups = findAttribute(body, attribute);
  const ports = (groups ? referencedAddresses(groups.expr) : []).flatMap((g) => [...(openGroups.get(keyOf(resource.owner, g)) ?? [])]);
  return ports.length > 0 ? [...new Set(ports)].sort().join(', ') : undefined;
}

/** `/api /api/*` → `/api`: a prefix and its wildcard read as one route. */
function conditionsLabel(conditions: ReadonlySet<string>): string {
  return [...conditions]
    .filter((c) => !(c.endsWith('/*') && conditions.has(c.slice(0, -2))))
    .sort()
    .join(' ');
}

/** The task definitions an ECS service refers to. */
function taskDefinitions(stack: Stack, service: StackResource): StackResource[] {
  return [...referencesOf(service)]
    .filter((a) => typeOf(a) === 'aws_ecs_task_definition')
    .map((a) => stack.find(service.owner, a))
    .filter((r): r is StackResource => r !== undefined);
}

/** One label per instance: the `for_each` key, `name[i]` for `count`, else the name. */
function instanceLabels(resource: StackResource): string[] {
  if (isUnknown(resource.instances) || resource.instances.length === 0) return [resource.decl.name];
  return resource.instances.map((i) => (typeof i.key === 'string' ? i.key : i.key !== undefined ? `${resource.decl.name}[${i.key}]` : resource.decl.name));
}

function firstInstance(stack: Stack, resource: StackResource): InstanceContext | undefined {
  if (isUnknown(resource.instances)) return undefined;
  const instance = resource.instances[0];
  return instance ? { stack, resource, instance } : undefined;
}

function taskDetail(stack: Stack, task: StackResource | undefined): { detail?: string } {
  const ctx = task ? firstInstance(stack, task) : undefined;
  if (!ctx) return {};
  const cpu = readString(ctx, 'cpu');
  const memory = readString(ctx, 'memory');
  return typeof cpu === 'string' && typeof memory === 'string' ? { detail: `cpu ${cpu}, memory ${memory}` } : {};
}

function detailOf(stack: Stack, resource: StackResource): { detail?: string } {
  const ctx = firstInstance(stack, resource);
  if (!ctx) return {};
  const engine = readString(ctx, 'engine');
  const size = readString(ctx, 'instance_class') ?? readString(ctx, 'node_type');
  const parts = [engine, size].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? { detail: parts.join(', ') } : {};
}
