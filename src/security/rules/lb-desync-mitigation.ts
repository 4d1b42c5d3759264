import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LOAD_BALANCER_TYPES, loadBalancerType } from './support/load-balancers.js';
import { LB_DESYNC_MITIGATION } from '../rule-ids.js';

export const lbDesyncMitigation = defineRule({
  id: LB_DESYNC_MITIGATION,
  title: 'ALB desync mitigation only monitors',
  severity: 'medium',
  families: ['elb', 'hardening'],
  equivalents: { checkov: ['CKV_AWS_328'], securityHub: ['ELB.12'] },
  rationale: 'In `monitor` mode requests that could desynchronise the load balancer and its targets (HTTP request smuggling) are let through.',
  fix: 'Remove `desync_mitigation_mode` (the default is `defensive`) or set it to "defensive" or "strictest".',
  appliesTo: LOAD_BALANCER_TYPES,
  check(context) {
    if (loadBalancerType(context.resource) !== 'application') return;
    const mode = context.resource.attr('desync_mitigation_mode');
    if (mode && str(mode) === 'monitor') context.report(mode.site, `${context.resource.name} lets ambiguous requests through: desync_mitigation_mode is "monitor".`);
  },
});
