/** NAT gateways (hours and data processed) and Elastic IPs (public IPv4 hours). */
import { charge, hours, type ResourceEstimator } from './estimator.js';

export const estimateNatGateway: ResourceEstimator = (ctx) => ({
  components: [
    charge(ctx.prices, 'nat_gateway.hour', { service: 'NAT Gateway', name: 'NAT gateway hours', quantity: hours(ctx) }),
    charge(ctx.prices, 'nat_gateway.data_gb', {
      service: 'NAT Gateway',
      name: 'Data processed',
      quantity: ctx.usage.nat_gateway.data_processed_gb_per_gateway,
      assumptions: ['nat_gateway.data_processed_gb_per_gateway'],
    }),
  ],
});

/** Every Elastic IP is a public IPv4 address, charged whether attached or idle. */
export const estimateElasticIp: ResourceEstimator = (ctx) => ({
  components: [charge(ctx.prices, 'public_ipv4.hour', { service: 'Public IPv4', name: 'Elastic IP (public IPv4)', quantity: hours(ctx) })],
});
