import { bool } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { RDS_AUTO_MINOR_UPGRADE } from '../rule-ids.js';

export const rdsAutoMinorUpgrade = defineRule({
  id: RDS_AUTO_MINOR_UPGRADE,
  title: 'Automatic minor version upgrades off',
  severity: 'high',
  families: ['rds', 'hardening'],
  equivalents: { checkov: ['CKV_AWS_226'], securityHub: ['RDS.13'] },
  rationale: 'Minor versions carry security fixes; with upgrades off the database keeps known vulnerabilities until someone upgrades by hand.',
  fix: 'Remove `auto_minor_version_upgrade = false` (the default is true).',
  appliesTo: ['aws_db_instance'],
  check(context) {
    const node = context.resource.attr('auto_minor_version_upgrade');
    if (node && bool(node) === false) context.report(node.site, `${context.resource.name} does not take minor version (security) upgrades: auto_minor_version_upgrade is false.`);
  },
});
