/**
 * `aws_cloudfront_distribution`: data out and requests at the US/Mexico/Canada rates, every
 * request at the HTTPS rate (the higher one). The always-free tier is not confirmed, so not applied.
 */
import { isUnknown, readBool } from '../../terraform/index.js';
import { charge, type ResourceEstimator } from './estimator.js';

export const estimateCloudFront: ResourceEstimator = (ctx) => {
  const enabled = readBool(ctx, 'enabled') ?? true;
  if (isUnknown(enabled)) return enabled;
  if (!enabled) return { components: [], details: ['disabled: serves no traffic'] };
  const usage = ctx.usage.cloudfront;
  return {
    components: [
      charge(ctx.prices, 'cloudfront.data_out_gb', { service: 'CloudFront', name: 'Data out', quantity: usage.data_out_gb_per_distribution, assumptions: ['cloudfront.data_out_gb_per_distribution'] }),
      charge(ctx.prices, 'cloudfront.https_10k', { service: 'CloudFront', name: 'Requests (HTTPS rate)', quantity: usage.requests_per_distribution / 10_000, assumptions: ['cloudfront.requests_per_distribution'] }),
    ],
  };
};
