import { defineRule } from '../rule.js';
import { forbidTrue } from './support/flags.js';
import { RDS_PUBLIC } from '../rule-ids.js';

export const rdsPublic = defineRule({
  id: RDS_PUBLIC,
  title: 'Database reachable from the internet',
  severity: 'critical',
  families: ['rds', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_17'], trivy: ['AWS-0180'], securityHub: ['RDS.2'] },
  rationale: 'A publicly accessible database gets a public address: its port is one security group mistake away from the whole internet.',
  fix: 'Set `publicly_accessible = false` and reach the database from inside the VPC.',
  appliesTo: ['aws_db_instance'],
  check(context) {
    forbidTrue(context, 'publicly_accessible', 'has a public address');
  },
});
