import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { S3_ACCESS_LOGGING } from '../rule-ids.js';

export const s3AccessLogging = defineRule({
  id: S3_ACCESS_LOGGING,
  title: 'Bucket access logging off',
  severity: 'medium',
  families: ['s3', 'logging'],
  equivalents: { checkov: ['CKV_AWS_18'], trivy: ['AWS-0089'], securityHub: ['S3.9'], cdkNag: ['AwsSolutions-S1'] },
  rationale: 'Server access logs record every request to the bucket: without them, who read or deleted what cannot be answered.',
  fix: 'Add an `aws_s3_bucket_logging` for the bucket, writing to a separate log bucket.',
  appliesTo: ['aws_s3_bucket'],
  check(context) {
    if (companions(context, 'aws_s3_bucket_logging', 'bucket').length > 0) return;
    if (context.resource.first('logging') || context.resource.hasDynamic('logging')) return;
    context.report(context.resource.site, `${context.resource.name} keeps no access logs: no aws_s3_bucket_logging.`);
  },
});
