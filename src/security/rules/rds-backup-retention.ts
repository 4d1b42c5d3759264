import { isUnknown, num } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { RDS_BACKUP_RETENTION } from '../rule-ids.js';

/** Trivy AWS-0077 requires at least this many days; the generator writes 7. */
const MINIMUM_DAYS = 2;

export const rdsBackupRetention = defineRule({
  id: RDS_BACKUP_RETENTION,
  title: 'Database backups kept too briefly',
  severity: 'medium',
  families: ['rds', 'resilience'],
  equivalents: { checkov: ['CKV_AWS_133'], trivy: ['AWS-0077'], securityHub: ['RDS.11'], cdkNag: ['AwsSolutions-RDS13'] },
  rationale: 'With no or one-day automated backups there is no point-in-time recovery to go back to once a mistake is noticed.',
  fix: 'Set `backup_retention_period = 7` or more.',
  appliesTo: ['aws_db_instance'],
  check(context) {
    if (context.resource.attribute('replicate_source_db')) return;
    const node = context.resource.attr('backup_retention_period');
    const days = num(node);
    if (isUnknown(days) || (days !== undefined && days >= MINIMUM_DAYS)) return;
    const state = days === undefined ? 'backup_retention_period is not set (1 day)' : `backup_retention_period is ${days}`;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} keeps backups for less than ${MINIMUM_DAYS} days: ${state}.`);
  },
});
