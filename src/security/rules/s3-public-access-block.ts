import { bool, isUnknown, type ResourceInstance } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { S3_PUBLIC_ACCESS_BLOCK } from '../rule-ids.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

export const s3PublicAccessBlock = defineRule({
  id: S3_PUBLIC_ACCESS_BLOCK,
  title: 'Bucket public access not blocked',
  severity: 'high',
  families: ['s3', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV2_AWS_6'], trivy: ['AWS-0086', 'AWS-0087', 'AWS-0091', 'AWS-0093', 'AWS-0094'], securityHub: ['S3.8'], cdkNag: ['AwsSolutions-S2'] },
  rationale: 'Without all four public access block settings one ACL or policy statement is enough to publish the bucket to the internet.',
  fix: 'Add an `aws_s3_bucket_public_access_block` for the bucket with all four settings true.',
  appliesTo: ['aws_s3_bucket'],
  check(context) {
    if (accountBlocksPublicAccess(context.module.resources('aws_s3_account_public_access_block').flatMap((d) => [...context.module.instancesOf(d)]))) return;
    const blocks = companions(context, 'aws_s3_bucket_public_access_block', 'bucket');
    if (blocks.length === 0) {
      context.report(context.resource.site, `${context.resource.name} has no aws_s3_bucket_public_access_block.`);
      return;
    }
    for (const block of blocks) {
      for (const flag of FLAGS) {
        const node = block.attr(flag);
        const value = bool(node);
        if (value === true || isUnknown(value)) continue;
        context.report(node?.site ?? block.site, `${context.resource.name} does not fully block public access: ${block.name} ${flag} is ${value === undefined ? 'not set' : 'false'}.`);
      }
    }
  },
});

/** An account-wide block with all four settings covers every bucket. */
function accountBlocksPublicAccess(settings: readonly ResourceInstance[]): boolean {
  return settings.some((setting) => FLAGS.every((flag) => bool(setting.attr(flag)) === true));
}
