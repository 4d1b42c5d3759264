import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { CF_ACCESS_LOGGING } from '../rule-ids.js';

export const cfAccessLogging = defineRule({
  id: CF_ACCESS_LOGGING,
  title: 'CloudFront access logging off',
  severity: 'medium',
  families: ['cloudfront', 'logging'],
  equivalents: { checkov: ['CKV_AWS_86'], trivy: ['AWS-0010'], securityHub: ['CloudFront.5'], cdkNag: ['AwsSolutions-CFR3'] },
  rationale: 'Without access logs there is no record of who requested what from the distribution.',
  fix: 'Add `logging_config { bucket = ... }`, or deliver standard logs (v2) with `aws_cloudwatch_log_delivery_source` for the distribution.',
  appliesTo: ['aws_cloudfront_distribution'],
  check(context) {
    if (context.resource.hasDynamic('logging_config')) return;
    const logging = context.resource.first('logging_config');
    const bucket = str(logging?.attr('bucket'));
    if (isUnknown(bucket) || (bucket !== undefined && bucket !== '')) return;
    if (context.module.referrers('aws_cloudwatch_log_delivery_source', 'resource_arn', context.resource.decl).length > 0) return;
    context.report(logging?.site ?? context.resource.site, `${context.resource.name} keeps no access logs: no logging_config bucket and no log delivery source.`);
  },
});
