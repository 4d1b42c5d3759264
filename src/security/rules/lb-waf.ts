import { bool, isUnknown } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LOAD_BALANCER_TYPES, loadBalancerType } from './support/load-balancers.js';
import { LB_WAF } from '../rule-ids.js';

export const lbWaf = defineRule({
  id: LB_WAF,
  title: 'Public ALB without a web application firewall',
  severity: 'medium',
  families: ['elb', 'public-access'],
  equivalents: { checkov: ['CKV2_AWS_28'], securityHub: ['ELB.16'] },
  rationale: 'A WAF web ACL blocks common exploits, bad bots and floods before they reach the application.',
  fix: 'Associate a WAFv2 web ACL with `aws_wafv2_web_acl_association { resource_arn = aws_lb.x.arn }` (the AWS managed rule groups are a good start).',
  appliesTo: LOAD_BALANCER_TYPES,
  check(context) {
    if (loadBalancerType(context.resource) !== 'application') return;
    const internal = bool(context.resource.attr('internal'));
    if (internal === true || isUnknown(internal)) return;
    if (context.module.referrers('aws_wafv2_web_acl_association', 'resource_arn', context.resource.decl).length > 0) return;
    context.report(context.resource.site, `${context.resource.name} is internet-facing with no aws_wafv2_web_acl_association.`);
  },
});
