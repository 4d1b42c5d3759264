import { defineRule } from '../rule.js';
import { LOAD_BALANCER_TYPES, loadBalancerType } from './support/load-balancers.js';
import { requireTrue } from './support/flags.js';
import { LB_DROP_INVALID_HEADERS } from '../rule-ids.js';

export const lbDropInvalidHeaders = defineRule({
  id: LB_DROP_INVALID_HEADERS,
  title: 'ALB forwards invalid HTTP headers',
  severity: 'high',
  families: ['elb', 'hardening'],
  equivalents: { checkov: ['CKV_AWS_131'], trivy: ['AWS-0052'], securityHub: ['ELB.4'] },
  rationale: 'Malformed header names are a request-smuggling vector against the applications behind the load balancer.',
  fix: 'Set `drop_invalid_header_fields = true`.',
  appliesTo: LOAD_BALANCER_TYPES,
  check(context) {
    if (loadBalancerType(context.resource) !== 'application') return;
    requireTrue(context, 'drop_invalid_header_fields', 'forwards requests with invalid HTTP headers');
  },
});
