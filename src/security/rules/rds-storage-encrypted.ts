import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { RDS_STORAGE_ENCRYPTED } from '../rule-ids.js';

export const rdsStorageEncrypted = defineRule({
  id: RDS_STORAGE_ENCRYPTED,
  title: 'Database storage not encrypted',
  severity: 'high',
  families: ['rds', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_16'], trivy: ['AWS-0080'], securityHub: ['RDS.3'], cdkNag: ['AwsSolutions-RDS2'] },
  rationale: 'Unencrypted storage exposes the data, its snapshots and its replicas; it cannot be encrypted later without a copy and a restore.',
  fix: 'Set `storage_encrypted = true` (with `kms_key_id` for a customer-managed key).',
  appliesTo: ['aws_db_instance'],
  check(context) {
    if (context.resource.attribute('replicate_source_db')) return;
    requireTrue(context, 'storage_encrypted', 'stores data unencrypted');
  },
});
