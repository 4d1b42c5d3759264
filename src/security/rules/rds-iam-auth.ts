import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { RDS_IAM_AUTH } from '../rule-ids.js';

const ENGINES_WITH_IAM_AUTH: ReadonlySet<string> = new Set(['postgres', 'mysql', 'mariadb', 'aurora-postgresql', 'aurora-mysql']);

export const rdsIamAuth = defineRule({
  id: RDS_IAM_AUTH,
  title: 'Database IAM authentication off',
  severity: 'medium',
  families: ['rds', 'least-privilege'],
  equivalents: { checkov: ['CKV_AWS_161'], trivy: ['AWS-0176'], securityHub: ['RDS.10'] },
  rationale: 'With IAM authentication applications connect with short-lived tokens from their role instead of long-lived passwords.',
  fix: 'Set `iam_database_authentication_enabled = true`.',
  appliesTo: ['aws_db_instance'],
  check(context) {
    const engine = str(context.resource.attr('engine'));
    if (typeof engine !== 'string' || !ENGINES_WITH_IAM_AUTH.has(engine)) return;
    requireTrue(context, 'iam_database_authentication_enabled', 'accepts only password logins');
  },
});
