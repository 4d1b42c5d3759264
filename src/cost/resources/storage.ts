/** Storage billed per GB-month: EFS file systems, ECR repositories, S3 buckets. */
import { isUnknown, readString, readValue } from '../../terraform/index.js';
import { charge, type ResourceEstimator } from './estimator.js';

export const estimateEfs: ResourceEstimator = (ctx) => {
  const zone = readValue(ctx, 'availability_zone_name');
  if (zone !== undefined && isUnknown(zone)) return zone;
  const oneZone = typeof zone === 'string' && zone !== '';
  const throughput = readString(ctx, 'throughput_mode') ?? 'bursting';
  const notEstimated: string[] = [];
  if (isUnknown(throughput)) notEstimated.push(`throughput: ${throughput.why}`);
  else if (throughput === 'elastic') notEstimated.push('Elastic throughput is billed per GB read and written, which the price file does not price');
  else if (throughput === 'provisioned') notEstimated.push('Provisioned throughput has no price in the price file');
  return {
    components: [
      charge(ctx.prices, oneZone ? 'efs.one_zone.gb_month' : 'efs.standard.gb_month', {
        service: 'EFS',
        name: oneZone ? 'One Zone storage' : 'Standard storage',
        quantity: ctx.usage.efs.storage_gb_per_file_system,
        assumptions: ['efs.storage_gb_per_file_system'],
      }),
    ],
    notEstimated,
  };
};

export const estimateEcrRepository: ResourceEstimator = (ctx) => ({
  components: [
    charge(ctx.prices, 'ecr.storage_gb_month', { service: 'ECR', name: 'Image storage', quantity: ctx.usage.ecr.storage_gb_per_repository, assumptions: ['ecr.storage_gb_per_repository'] }),
  ],
});

export const estimateS3Bucket: ResourceEstimator = (ctx) => ({
  components: [
    charge(ctx.prices, 's3.standard.gb_month', { service: 'S3', name: 'Standard storage', quantity: ctx.usage.s3.storage_gb_per_bucket, assumptions: ['s3.storage_gb_per_bucket'] }),
  ],
});
