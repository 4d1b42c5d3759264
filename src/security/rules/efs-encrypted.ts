import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { EFS_ENCRYPTED } from '../rule-ids.js';

export const efsEncrypted = defineRule({
  id: EFS_ENCRYPTED,
  title: 'EFS file system not encrypted at rest',
  severity: 'high',
  families: ['efs', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_42'], trivy: ['AWS-0037'], securityHub: ['EFS.1'], cdkNag: ['AwsSolutions-EFS1'] },
  rationale: 'Unencrypted file data is readable by anyone who gets at the storage or its backups; encryption cannot be turned on later without copying the data.',
  fix: 'Set `encrypted = true` (with `kms_key_id` for a customer-managed key).',
  appliesTo: ['aws_efs_file_system'],
  check(context) {
    requireTrue(context, 'encrypted', 'stores files unencrypted');
  },
});
