import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { EFS_CMK } from '../rule-ids.js';

export const efsCmk = defineRule({
  id: EFS_CMK,
  title: 'EFS not encrypted with a customer-managed key',
  severity: 'medium',
  families: ['efs', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_184'], securityHub: ['EFS.8'] },
  rationale: 'With a customer-managed KMS key you control and audit who may decrypt the file system, and can revoke it.',
  fix: 'Set `kms_key_id = aws_kms_key.x.arn` (with `encrypted = true`).',
  appliesTo: ['aws_efs_file_system'],
  check(context) {
    const key = str(context.resource.attr('kms_key_id'));
    if (isUnknown(key) || (key !== undefined && key !== '')) return;
    context.report(context.resource.site, `${context.resource.name} is not encrypted with a customer-managed key: kms_key_id is not set.`);
  },
});
