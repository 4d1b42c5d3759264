import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { CF_DEFAULT_ROOT_OBJECT } from '../rule-ids.js';

export const cfDefaultRootObject = defineRule({
  id: CF_DEFAULT_ROOT_OBJECT,
  title: 'CloudFront without a default root object',
  severity: 'critical',
  families: ['cloudfront', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_305'], securityHub: ['CloudFront.1'] },
  rationale: 'A request for `/` is passed to the origin as is; for an S3 origin that may list or expose objects nobody meant to serve.',
  fix: 'Set `default_root_object = "index.html"`.',
  appliesTo: ['aws_cloudfront_distribution'],
  check(context) {
    const root = str(context.resource.attr('default_root_object'));
    if (isUnknown(root) || (root !== undefined && root !== '')) return;
    context.report(context.resource.site, `${context.resource.name} has no default_root_object: a request for "/" goes to the origin as is.`);
  },
});
