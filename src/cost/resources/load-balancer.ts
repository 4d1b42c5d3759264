/**
 * `aws_lb`/`aws_alb`: hours and capacity units by type, and for an internet-facing one a public
 * IPv4 address per node, i.e. per subnet (`subnets` or `subnet_mapping`).
 */
import { findAttribute, type InstanceContext, isUnknown, listLength, nestedBodies, readBool, readString, Unknown } from '../../terraform/index.js';
import type { CostComponent } from '../types.js';
import { charge, hours, type ResourceEstimator } from './estimator.js';

export const estimateLoadBalancer: ResourceEstimator = (ctx) => {
  const type = readString(ctx, 'load_balancer_type') ?? 'application';
  if (isUnknown(type)) return type;
  const internal = readBool(ctx, 'internal') ?? false;
  if (isUnknown(internal)) return internal;
  const addressType = readString(ctx, 'ip_address_type') ?? 'ipv4';
  if (isUnknown(addressType)) return addressType;

  const components: CostComponent[] = [];
  if (type === 'application') {
    components.push(charge(ctx.prices, 'alb.hour', { service: 'Load balancing', name: 'ALB hours', quantity: hours(ctx) }));
    components.push(charge(ctx.prices, 'alb.lcu_hour', { service: 'Load balancing', name: 'Load balancer capacity units', quantity: ctx.usage.load_balancer.alb_lcus * hours(ctx), assumptions: ['load_balancer.alb_lcus'] }));
  } else if (type === 'network') {
    components.push(charge(ctx.prices, 'nlb.hour', { service: 'Load balancing', name: 'NLB hours', quantity: hours(ctx) }));
    components.push(charge(ctx.prices, 'nlb.nlcu_hour', { service: 'Load balancing', name: 'Network load balancer capacity units', quantity: ctx.usage.load_balancer.nlb_nlcus * hours(ctx), assumptions: ['load_balancer.nlb_nlcus'] }));
  } else {
    return new Unknown(`load_balancer_type "${type}" has no price in the price file`);
  }
  if (internal || addressType === 'dualstack-without-public-ipv4') return { components };
  const nodes = subnetCount(ctx);
  if (isUnknown(nodes)) return { components, notEstimated: [`public IPv4 addresses of the internet-facing ${type === 'application' ? 'ALB' : 'NLB'} (one per subnet): ${nodes.why}`] };
  components.push(charge(ctx.prices, 'public_ipv4.hour', { service: 'Public IPv4', name: `Public IPv4, one per subnet (${nodes})`, quantity: nodes * hours(ctx) }));
  return { components, details: [`internet-facing ${type === 'application' ? 'ALB' : 'NLB'} in ${nodes} subnet${nodes === 1 ? '' : 's'}`] };
};

function subnetCount(ctx: InstanceContext): number | Unknown {
  const subnets = findAttribute(ctx.resource.decl.block.body, 'subnets');
  if (subnets) {
    const length = listLength(ctx, subnets.expr);
    return isUnknown(length) ? new Unknown(`the number of subnets is unknown: ${length.why}`) : length;
  }
  const mappings = nestedBodies(ctx, 'subnet_mapping');
  if (isUnknown(mappings)) return mappings;
  return mappings.length > 0 ? mappings.length : new Unknown('neither subnets nor subnet_mapping is set');
}
