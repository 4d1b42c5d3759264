/**
 * How an `aws_ecs_service`'s tasks split between Fargate on-demand and Fargate Spot: `launch_type`,
 * else its `capacity_provider_strategy` (literal or dynamic blocks), else the default strategy of
 * its cluster (`aws_ecs_cluster_capacity_providers`). Strategy `base` tasks come first, the rest
 * follow the weights, as ECS places them.
 */
import type { Body } from '../../../hcl/index.js';
import { findAttribute, type InstanceContext, isUnknown, nestedBodies, readNumber, readString, readValue, referencedResource, Unknown } from '../../../terraform/index.js';

export interface CapacitySplit {
  /** Fractions of the tasks, adding up to 1. */
  readonly onDemand: number;
  readonly spot: number;
  /** Where the split comes from, for the details line. */
  readonly source: string;
}

interface StrategyItem {
  readonly provider: string;
  readonly base: number;
  readonly weight: number;
}

export function capacityOf(service: InstanceContext, tasks: number): CapacitySplit | Unknown {
  const launchType = readValue(service, 'launch_type');
  if (launchType !== undefined && isUnknown(launchType)) return launchType;
  if (typeof launchType === 'string') {
    if (launchType === 'FARGATE') return { onDemand: 1, spot: 0, source: 'launch_type FARGATE' };
    return new Unknown(`launch_type is ${launchType}: the cost is that of the instances it runs on, which ecsform does not price`);
  }
  const own = strategyOf(service, 'capacity_provider_strategy');
  if (isUnknown(own)) return own;
  if (own.length > 0) return split(own, tasks, 'capacity_provider_strategy');
  const fallback = clusterDefaultStrategy(service);
  if (isUnknown(fallback)) return fallback;
  return split(fallback, tasks, 'the cluster default capacity provider strategy');
}

function strategyOf(ctx: InstanceContext, blockType: string): readonly StrategyItem[] | Unknown {
  const bodies = nestedBodies(ctx, blockType);
  if (isUnknown(bodies)) return bodies;
  const items: StrategyItem[] = [];
  for (const body of bodies) {
    const item = strategyItem(ctx, body, blockType);
    if (isUnknown(item)) return item;
    items.push(item);
  }
  return items;
}

function strategyItem(ctx: InstanceContext, body: Body, blockType: string): StrategyItem | Unknown {
  const provider = readString(ctx, 'capacity_provider', body);
  const base = readNumber(ctx, 'base', body);
  const weight = readNumber(ctx, 'weight', body);
  for (const read of [provider, base, weight]) if (read !== undefined && isUnknown(read)) return new Unknown(`${blockType} ${read.why}`);
  return { provider: typeof provider === 'string' ? provider : '', base: typeof base === 'number' ? base : 0, weight: typeof weight === 'number' ? weight : 0 };
}

/** The default strategy of the cluster the service runs in, when this configuration sets it. */
function clusterDefaultStrategy(service: InstanceContext): readonly StrategyItem[] | Unknown {
  const none: Unknown = new Unknown('neither launch_type nor capacity_provider_strategy is set, and the default strategy of its cluster is not in this configuration');
  const clusterAttribute = findAttribute(service.resource.decl.block.body, 'cluster');
  const cluster = clusterAttribute ? referencedResource(service, clusterAttribute.expr) : undefined;
  if (!cluster) return none;
  for (const candidate of service.stack.resources) {
    if (candidate.owner !== service.resource.owner || candidate.decl.type !== 'aws_ecs_cluster_capacity_providers' || isUnknown(candidate.instances)) continue;
    for (const instance of candidate.instances) {
      const ctx: InstanceContext = { stack: service.stack, resource: candidate, instance };
      const name = findAttribute(candidate.decl.block.body, 'cluster_name');
      if (name && referencedResource(ctx, name.expr)?.resource === cluster.resource) return strategyOf(ctx, 'default_capacity_provider_strategy');
    }
  }
  return none;
}

function split(items: readonly StrategyItem[], tasks: number, source: string): CapacitySplit | Unknown {
  const other = items.find((i) => i.provider !== 'FARGATE' && i.provider !== 'FARGATE_SPOT');
  if (other) return new Unknown(`${source} uses capacity provider ${other.provider || '(unknown)'}, not Fargate`);
  let remaining = tasks;
  let spot = 0;
  let onDemand = 0;
  for (const item of items) {
    const base = Math.min(item.base, remaining);
    remaining -= base;
    if (item.provider === 'FARGATE_SPOT') spot += base;
    else onDemand += base;
  }
  const totalWeight = items.reduce((sum, i) => sum + i.weight, 0);
  if (remaining > 0 && totalWeight === 0) return new Unknown(`${source} gives no capacity provider a weight`);
  for (const item of items) {
    const share = totalWeight === 0 ? 0 : (remaining * item.weight) / totalWeight;
    if (item.provider === 'FARGATE_SPOT') spot += share;
    else onDemand += share;
  }
  // With no tasks the split only matters for the label; weights decide it.
  if (tasks === 0) {
    const spotWeight = items.filter((i) => i.provider === 'FARGATE_SPOT').reduce((sum, i) => sum + i.weight, 0);
    const fraction = totalWeight === 0 ? 0 : spotWeight / totalWeight;
    return { onDemand: 1 - fraction, spot: fraction, source };
  }
  return { onDemand: onDemand / tasks, spot: spot / tasks, source };
}
