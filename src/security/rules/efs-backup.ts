import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { EFS_BACKUP } from '../rule-ids.js';

export const efsBackup = defineRule({
  id: EFS_BACKUP,
  title: 'EFS file system without backups',
  severity: 'medium',
  families: ['efs', 'resilience'],
  equivalents: { checkov: ['CKV2_AWS_18'], securityHub: ['EFS.2', 'EFS.7'] },
  rationale: 'Deleted or corrupted files cannot be brought back without a backup.',
  fix: 'Add `aws_efs_backup_policy { backup_policy { status = "ENABLED" } }` or include the file system in an `aws_backup_selection`.',
  appliesTo: ['aws_efs_file_system'],
  check(context) {
    const policies = companions(context, 'aws_efs_backup_policy', 'file_system_id');
    const statuses = policies.map((policy) => str(policy.first('backup_policy')?.attr('status')));
    if (statuses.some((status) => status !== 'DISABLED' && status !== 'DISABLING' && status !== undefined)) return;
    if (context.module.referrers('aws_backup_selection', 'resources', context.resource.decl).length > 0) return;
    context.report(context.resource.site, `${context.resource.name} is not backed up: no enabled aws_efs_backup_policy or aws_backup_selection.`);
  },
});
