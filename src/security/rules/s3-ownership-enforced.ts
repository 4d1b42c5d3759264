import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { S3_OWNERSHIP_ENFORCED } from '../rule-ids.js';

export const s3OwnershipEnforced = defineRule({
  id: S3_OWNERSHIP_ENFORCED,
  title: 'Bucket still uses ACLs',
  severity: 'medium',
  families: ['s3', 'public-access'],
  equivalents: { checkov: ['CKV2_AWS_65'], securityHub: ['S3.12'] },
  rationale: 'With ACLs enabled, objects can be owned and shared by other accounts outside the bucket policy; `BucketOwnerEnforced` turns ACLs off.',
  fix: 'Add an `aws_s3_bucket_ownership_controls` with `rule { object_ownership = "BucketOwnerEnforced" }`.',
  appliesTo: ['aws_s3_bucket'],
  check(context) {
    const controls = companions(context, 'aws_s3_bucket_ownership_controls', 'bucket');
    if (controls.length === 0) {
      context.report(context.resource.site, `${context.resource.name} still honours ACLs: no aws_s3_bucket_ownership_controls.`);
      return;
    }
    for (const control of controls) {
      const node = control.first('rule')?.attr('object_ownership');
      const ownership = str(node);
      if (isUnknown(ownership) || ownership === 'BucketOwnerEnforced') continue;
      context.report(node?.site ?? control.site, `${context.resource.name} still honours ACLs: object_ownership is ${ownership === undefined ? 'not set' : `"${ownership}"`}.`);
    }
  },
});
