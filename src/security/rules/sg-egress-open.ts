import { defineRule } from '../rule.js';
import { reportOpenRules } from './support/open-security-group-rules.js';
import { SECURITY_GROUP_RULE_TYPES } from '../security-group-rules.js';
import { SG_EGRESS_OPEN } from '../rule-ids.js';

export const sgEgressOpen = defineRule({
  id: SG_EGRESS_OPEN,
  title: 'Security group allows egress to the internet',
  severity: 'critical',
  families: ['network', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_382'], trivy: ['AWS-0104'] },
  rationale: 'Unrestricted egress lets compromised code send data anywhere; scoped egress (VPC endpoints, known ports) limits what it can reach.',
  fix: 'Allow egress to VPC endpoints, peer security groups or the ports you need; suppress with the reason where tasks must reach arbitrary internet hosts.',
  appliesTo: SECURITY_GROUP_RULE_TYPES,
  check(context) {
    reportOpenRules(context, 'egress');
  },
});
