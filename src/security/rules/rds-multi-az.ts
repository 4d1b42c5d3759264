import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { RDS_MULTI_AZ } from '../rule-ids.js';

export const rdsMultiAz = defineRule({
  id: RDS_MULTI_AZ,
  title: 'Database in a single availability zone',
  severity: 'medium',
  families: ['rds', 'resilience'],
  equivalents: { checkov: ['CKV_AWS_157'], securityHub: ['RDS.5'], cdkNag: ['AwsSolutions-RDS3'] },
  rationale: 'A single-AZ database is down for as long as its zone is, and during every maintenance reboot.',
  fix: 'Set `multi_az = true` for production (a variable lets development stacks save the cost).',
  appliesTo: ['aws_db_instance'],
  check(context) {
    if (context.resource.attribute('replicate_source_db')) return;
    requireTrue(context, 'multi_az', 'runs in a single availability zone');
  },
});
