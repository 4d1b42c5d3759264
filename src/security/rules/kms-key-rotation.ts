import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { KMS_KEY_ROTATION } from '../rule-ids.js';

export const kmsKeyRotation = defineRule({
  id: KMS_KEY_ROTATION,
  title: 'KMS key rotation off',
  severity: 'medium',
  families: ['kms', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_7'], trivy: ['AWS-0065'], cdkNag: ['AwsSolutions-KMS5'] },
  rationale: 'Without rotation one key material protects all data for the life of the key, so a leak exposes everything ever encrypted.',
  fix: 'Set `enable_key_rotation = true`.',
  appliesTo: ['aws_kms_key'],
  check(context) {
    // Only symmetric encryption keys can rotate automatically.
    const spec = str(context.resource.attr('customer_master_key_spec'));
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return;
    requireTrue(context, 'enable_key_rotation', 'never rotates its key material');
  },
});
