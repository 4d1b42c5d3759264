import { defineRule } from '../rule.js';
import { LOAD_BALANCER_TYPES } from './support/load-balancers.js';
import { requireTrue } from './support/flags.js';
import { LB_DELETION_PROTECTION } from '../rule-ids.js';

export const lbDeletionProtection = defineRule({
  id: LB_DELETION_PROTECTION,
  title: 'Load balancer without deletion protection',
  severity: 'medium',
  families: ['elb', 'resilience'],
  equivalents: { checkov: ['CKV_AWS_150'], securityHub: ['ELB.6'] },
  rationale: 'Deleting the load balancer takes the application offline and loses its DNS name; protection makes that a deliberate two-step act.',
  fix: 'Set `enable_deletion_protection = true` (a variable defaulting to true lets test stacks turn it off).',
  appliesTo: LOAD_BALANCER_TYPES,
  check(context) {
    requireTrue(context, 'enable_deletion_protection', 'can be deleted in one step');
  },
});
