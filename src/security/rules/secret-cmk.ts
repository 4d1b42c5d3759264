import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { SECRET_CMK } from '../rule-ids.js';

export const secretCmk = defineRule({
  id: SECRET_CMK,
  title: 'Secret encrypted with the AWS-managed key',
  severity: 'low',
  families: ['secretsmanager', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_149'], trivy: ['AWS-0098'] },
  rationale: 'Anyone in the account allowed to read secrets can decrypt with aws/secretsmanager; a customer-managed key adds its own policy and audit trail.',
  fix: 'Set `kms_key_id` to a customer-managed KMS key (and allow the execution role kms:Decrypt on it).',
  appliesTo: ['aws_secretsmanager_secret'],
  check(context) {
    const node = context.resource.attr('kms_key_id');
    const key = str(node);
    if (isUnknown(key)) return;
    if (key === undefined || key === '') context.report(context.resource.site, `${context.resource.name} is encrypted with the AWS-managed key aws/secretsmanager: kms_key_id is not set.`);
    else if (node && key.endsWith('alias/aws/secretsmanager')) context.report(node.site, `${context.resource.name} is encrypted with the AWS-managed key: kms_key_id is "${key}".`);
  },
});
