/**
 * `aws_ecs_service` on Fargate: vCPU and memory hours of its tasks (x86 or ARM, on-demand or Spot),
 * ephemeral storage above 20 GB, a public IPv4 address per task with `assign_public_ip`, and a
 * Cloud Map instance per task registered through `service_registries`.
 */
import { type InstanceContext, isUnknown, nestedBodies, nestedBody, readBool, readNumber, referencedAddresses } from '../../../terraform/index.js';
import type { PriceId } from '../../prices.js';
import type { CostComponent } from '../../types.js';
import { charge, hours, type ChargeSpec, type ResourceEstimator } from '../estimator.js';
import { capacityOf } from './capacity.js';
import { taskSizeOf } from './task-size.js';

export const estimateEcsService: ResourceEstimator = (ctx) => {
  const desired = readNumber(ctx, 'desired_count');
  if (desired !== undefined && isUnknown(desired)) return desired;
  const tasks = desired ?? 0;
  const capacity = capacityOf(ctx, tasks);
  if (isUnknown(capacity)) return capacity;
  const size = taskSizeOf(ctx);
  if (isUnknown(size)) return size;
  const network = nestedBody(ctx, 'network_configuration');
  if (network !== undefined && isUnknown(network)) return network;
  const publicIp = network ? readBool(ctx, 'assign_public_ip', network) : undefined;
  if (publicIp !== undefined && isUnknown(publicIp)) return publicIp;
  const registries = nestedBodies(ctx, 'service_registries');
  if (isUnknown(registries)) return registries;

  const arm = size.architecture === 'ARM64';
  const archName = arm ? 'ARM' : 'x86';
  const taskHours = tasks * hours(ctx);
  const spotFactor = {
    value: 1 - ctx.usage.fargate.spot_discount,
    why: `Fargate Spot at ${formatPercent(ctx.usage.fargate.spot_discount)} off on-demand (an assumption: the Spot rate is not published)`,
    isAssumption: true,
  };
  const components: CostComponent[] = [];
  const fargate = (id: PriceId, name: string, quantity: number, spot: boolean, assumptions: readonly string[] = []): void => {
    const spec: ChargeSpec = { service: 'Fargate', name: `${name} (${archName}, ${spot ? 'Spot' : 'on-demand'})`, quantity, assumptions: spot ? [...assumptions, 'fargate.spot_discount'] : assumptions };
    components.push(charge(ctx.prices, id, spot ? { ...spec, factor: spotFactor } : spec));
  };
  for (const [spot, share] of [[false, capacity.onDemand], [true, capacity.spot]] as const) {
    if (share === 0) continue;
    fargate(arm ? 'fargate.linux.arm.vcpu_hour' : 'fargate.linux.x86.vcpu_hour', 'vCPU', taskHours * share * size.vcpu, spot);
    fargate(arm ? 'fargate.linux.arm.gb_hour' : 'fargate.linux.x86.gb_hour', 'Memory', taskHours * share * size.memoryGb, spot);
    if (size.extraEphemeralGb > 0) fargate('fargate.ephemeral_storage.gb_hour', 'Ephemeral storage above 20 GB', taskHours * share * size.extraEphemeralGb, spot);
  }
  if (publicIp === true) components.push(charge(ctx.prices, 'public_ipv4.hour', { service: 'Public IPv4', name: 'Public IPv4 per task (assign_public_ip)', quantity: taskHours }));
  if (registries.length > 0) {
    components.push(charge(ctx.prices, 'cloud_map.instance_month', { service: 'Cloud Map', name: 'Cloud Map registered instances', quantity: tasks * registries.length }));
  }
  const details = [
    `${plural(tasks, 'task')} of ${trim(size.vcpu)} vCPU, ${trim(size.memoryGb)} GB (${size.architecture}, ${describeCapacity(capacity.onDemand, capacity.spot)}; ${capacity.source}) from ${size.address}`,
  ];
  if (desired === undefined) details.push('desired_count is not set: the service runs 0 tasks until something scales it');
  const scaling = autoscalingRange(ctx);
  if (scaling) details.push(`autoscaling between ${scaling.min} and ${scaling.max} tasks; priced at desired_count`);
  return { components, details };
};

/** The min/max of an `aws_appautoscaling_target` whose resource_id names this service. */
function autoscalingRange(ctx: InstanceContext): { min: number; max: number } | undefined {
  for (const candidate of ctx.stack.resources) {
    if (candidate.owner !== ctx.resource.owner || candidate.decl.type !== 'aws_appautoscaling_target' || isUnknown(candidate.instances)) continue;
    const resourceId = candidate.decl.block.body.items.find((i) => i.kind === 'attribute' && i.name === 'resource_id');
    if (resourceId?.kind !== 'attribute' || !referencedAddresses(resourceId.expr).includes(ctx.resource.decl.address)) continue;
    const instance = candidate.instances[0];
    if (!instance) continue;
    const target: InstanceContext = { stack: ctx.stack, resource: candidate, instance };
    const min = readNumber(target, 'min_capacity');
    const max = readNumber(target, 'max_capacity');
    if (typeof min === 'number' && typeof max === 'number') return { min, max };
  }
  return undefined;
}

function describeCapacity(onDemand: number, spot: number): string {
  if (spot === 0) return 'on-demand';
  if (onDemand === 0) return 'Spot';
  return `${formatPercent(onDemand)} on-demand, ${formatPercent(spot)} Spot`;
}

function formatPercent(fraction: number): string {
  return `${trim(fraction * 100)}%`;
}

function trim(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function plural(n: number, word: string): string {
  return `${trim(n)} ${word}${n === 1 ? '' : 's'}`;
}
