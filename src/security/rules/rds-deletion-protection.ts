import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { RDS_DELETION_PROTECTION } from '../rule-ids.js';

export const rdsDeletionProtection = defineRule({
  id: RDS_DELETION_PROTECTION,
  title: 'Database without deletion protection',
  severity: 'medium',
  families: ['rds', 'resilience'],
  equivalents: { checkov: ['CKV_AWS_293'], trivy: ['AWS-0177'], securityHub: ['RDS.8'], cdkNag: ['AwsSolutions-RDS10'] },
  rationale: 'One `terraform destroy` or a renamed resource deletes the database; protection makes that a deliberate two-step act.',
  fix: 'Set `deletion_protection = true` (a variable defaulting to true lets test stacks turn it off).',
  appliesTo: ['aws_db_instance'],
  check(context) {
    requireTrue(context, 'deletion_protection', 'can be deleted in one step');
  },
});
