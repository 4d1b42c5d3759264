import { defineRule } from '../rule.js';
import { reportOpenRules } from './support/open-security-group-rules.js';
import { SECURITY_GROUP_RULE_TYPES } from '../security-group-rules.js';
import { SG_INGRESS_OPEN } from '../rule-ids.js';

export const sgIngressOpen = defineRule({
  id: SG_INGRESS_OPEN,
  title: 'Security group open to the internet',
  severity: 'high',
  families: ['network', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_24', 'CKV_AWS_260', 'CKV_AWS_277'], trivy: ['AWS-0107'], securityHub: ['EC2.18', 'EC2.19'], cdkNag: ['AwsSolutions-EC23'] },
  rationale: 'Ingress from 0.0.0.0/0 or ::/0 lets anyone on the internet reach the port; only a public entry point (a load balancer on 443) should allow that.',
  fix: 'Allow the load balancer\'s security group or known CIDR blocks instead; suppress with the reason where the port is public by design.',
  appliesTo: SECURITY_GROUP_RULE_TYPES,
  check(context) {
    reportOpenRules(context, 'ingress');
  },
});
