import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { RDS_FORCE_SSL } from '../rule-ids.js';

export const rdsForceSsl = defineRule({
  id: RDS_FORCE_SSL,
  title: 'PostgreSQL parameter group allows unencrypted connections',
  severity: 'medium',
  families: ['rds', 'encryption'],
  equivalents: { checkov: ['CKV2_AWS_69'] },
  rationale: 'Without `rds.force_ssl = 1` clients may connect in clear text, and passwords and data cross the network readable.',
  fix: 'Add `parameter { name = "rds.force_ssl", value = "1" }` to the attached `aws_db_parameter_group`.',
  appliesTo: ['aws_db_instance'],
  check(context) {
    // Like Checkov, only an attached parameter group declared here is judged (the default group of PostgreSQL 15+ forces SSL).
    const group = context.module.target(context.resource.attribute('parameter_group_name')?.expr);
    if (group?.type !== 'aws_db_parameter_group') return;
    const instance = context.module.instancesOf(group)[0];
    if (!instance || instance.hasDynamic('parameter')) return;
    const family = str(instance.attr('family'));
    if (typeof family !== 'string' || !family.startsWith('postgres')) return;
    const forceSsl = instance.blocks('parameter').find((p) => str(p.attr('name')) === 'rds.force_ssl');
    const value = str(forceSsl?.attr('value'));
    if (isUnknown(value) || value === '1') return;
    context.report(
      { file: context.resource.file, range: context.resource.attribute('parameter_group_name')?.range },
      `${context.resource.name} accepts unencrypted connections: its parameter group ${group.address} ${value === undefined ? 'does not set rds.force_ssl' : `sets rds.force_ssl to "${value}"`}.`,
    );
  },
});
