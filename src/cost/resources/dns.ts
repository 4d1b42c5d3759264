/** Hosted zones: Route 53 zones and the one a Cloud Map DNS namespace creates. DNS queries are not estimated. */
import { charge, type ResourceEstimator } from './estimator.js';

export const estimateHostedZone: ResourceEstimator = (ctx) => ({
  components: [
    charge(ctx.prices, 'route53.hosted_zone_month', {
      service: ctx.resource.decl.type === 'aws_route53_zone' ? 'Route 53' : 'Cloud Map',
      name: ctx.resource.decl.type === 'aws_route53_zone' ? 'Hosted zone' : 'Hosted zone of the namespace',
      quantity: 1,
    }),
  ],
});
