/** Customer-managed KMS keys (and replicas): a key-month each, plus requests. */
import { charge, type ResourceEstimator } from './estimator.js';

export const estimateKmsKey: ResourceEstimator = (ctx) => ({
  components: [
    charge(ctx.prices, 'kms.key_month', { service: 'KMS', name: 'Customer-managed key', quantity: 1 }),
    charge(ctx.prices, 'kms.requests_10k', { service: 'KMS', name: 'Requests', quantity: ctx.usage.kms.requests_per_key / 10_000, assumptions: ['kms.requests_per_key'] }),
  ],
});
