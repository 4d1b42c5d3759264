import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LOGS_CMK } from '../rule-ids.js';

export const logsCmk = defineRule({
  id: LOGS_CMK,
  title: 'Log group not encrypted with a customer-managed key',
  severity: 'low',
  families: ['cloudwatch', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_158'], trivy: ['AWS-0017'] },
  rationale: 'With a customer-managed KMS key, reading the logs also needs the key, so access is controlled and audited in one place.',
  fix: 'Set `kms_key_id` to a KMS key whose policy lets the CloudWatch Logs service of the region use it.',
  appliesTo: ['aws_cloudwatch_log_group'],
  check(context) {
    const key = str(context.resource.attr('kms_key_id'));
    if (isUnknown(key) || (key !== undefined && key !== '')) return;
    context.report(context.resource.site, `${context.resource.name} is not encrypted with a customer-managed key: kms_key_id is not set.`);
  },
});
