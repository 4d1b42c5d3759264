import { isUnknown, items } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { RDS_LOG_EXPORTS } from '../rule-ids.js';

export const rdsLogExports = defineRule({
  id: RDS_LOG_EXPORTS,
  title: 'Database logs not exported',
  severity: 'medium',
  families: ['rds', 'logging'],
  equivalents: { checkov: ['CKV_AWS_129'], securityHub: ['RDS.9'] },
  rationale: 'Database logs left on the instance are rotated away and cannot be searched or alarmed on.',
  fix: 'Set `enabled_cloudwatch_logs_exports` (for PostgreSQL `["postgresql", "upgrade"]`).',
  appliesTo: ['aws_db_instance'],
  check(context) {
    const node = context.resource.attr('enabled_cloudwatch_logs_exports');
    const exports = items(node);
    if (isUnknown(exports) || (exports !== undefined && exports.length > 0)) return;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} exports no logs to CloudWatch: enabled_cloudwatch_logs_exports is ${exports === undefined ? 'not set' : 'empty'}.`);
  },
});
