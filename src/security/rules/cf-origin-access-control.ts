import { type BlockView, isUnknown, type ModuleView, partialText, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { CF_ORIGIN_ACCESS_CONTROL } from '../rule-ids.js';

export const cfOriginAccessControl = defineRule({
  id: CF_ORIGIN_ACCESS_CONTROL,
  title: 'S3 origin without origin access control',
  severity: 'medium',
  families: ['cloudfront', 'public-access'],
  equivalents: { checkov: ['CKV2_AWS_46'], securityHub: ['CloudFront.13'] },
  rationale: 'Without origin access control the bucket must be readable by others than CloudFront, so the files can be fetched around the CDN (and its WAF).',
  fix: 'Create an `aws_cloudfront_origin_access_control` (type s3, signing always) and set `origin_access_control_id` on the origin; allow only CloudFront in the bucket policy.',
  appliesTo: ['aws_cloudfront_distribution'],
  check(context) {
    if (context.resource.hasDynamic('origin')) return;
    for (const origin of context.resource.blocks('origin')) {
      if (!isS3Origin(origin, context.module)) continue;
      const control = str(origin.attr('origin_access_control_id'));
      if (isUnknown(control) || (control !== undefined && control !== '')) continue;
      const id = str(origin.attr('origin_id'));
      context.report(origin.site, `${context.resource.name}: S3 origin ${typeof id === 'string' ? `"${id}" ` : ''}has no origin_access_control_id.`);
    }
  },
});

/** An origin whose domain is a bucket: a reference to an `aws_s3_bucket`, or an S3 endpoint. */
function isS3Origin(origin: BlockView, view: ModuleView): boolean {
  if (origin.first('custom_origin_config')) return false;
  if (view.target(origin.attribute('domain_name')?.expr)?.type === 'aws_s3_bucket') return true;
  const domain = partialText(origin.attr('domain_name'));
  return typeof domain === 'string' && /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(domain);
}
