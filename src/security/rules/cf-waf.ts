import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { CF_WAF } from '../rule-ids.js';

export const cfWaf = defineRule({
  id: CF_WAF,
  title: 'CloudFront without a web application firewall',
  severity: 'high',
  families: ['cloudfront', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_68'], trivy: ['AWS-0011'], securityHub: ['CloudFront.6'], cdkNag: ['AwsSolutions-CFR2'] },
  rationale: 'A WAF web ACL at the edge blocks common exploits, bad bots and floods before they reach the origin.',
  fix: 'Set `web_acl_id` to a WAFv2 web ACL created in us-east-1 with scope CLOUDFRONT.',
  appliesTo: ['aws_cloudfront_distribution'],
  check(context) {
    const acl = str(context.resource.attr('web_acl_id'));
    if (isUnknown(acl) || (acl !== undefined && acl !== '')) return;
    context.report(context.resource.site, `${context.resource.name} has no web ACL: web_acl_id is not set.`);
  },
});
