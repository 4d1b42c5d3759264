import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECR_CMK } from '../rule-ids.js';

export const ecrCmk = defineRule({
  id: ECR_CMK,
  title: 'Repository not encrypted with a customer-managed key',
  severity: 'low',
  families: ['ecr', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_136'], trivy: ['AWS-0033'] },
  rationale: 'With a customer-managed KMS key you control who may decrypt the images, can audit every use, and can revoke it.',
  fix: 'Add `encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.x.arn }`.',
  appliesTo: ['aws_ecr_repository'],
  check(context) {
    if (context.resource.hasDynamic('encryption_configuration')) return;
    const encryption = context.resource.first('encryption_configuration');
    if (!encryption) {
      context.report(context.resource.site, `${context.resource.name} is not encrypted with a customer-managed key: no encryption_configuration (AES256).`);
      return;
    }
    const typeNode = encryption.attr('encryption_type');
    const type = str(typeNode);
    const key = str(encryption.attr('kms_key'));
    if (isUnknown(type) || isUnknown(key)) return;
    if (type !== 'KMS') context.report(typeNode?.site ?? encryption.site, `${context.resource.name} is not encrypted with a customer-managed key: encryption_type is ${type ?? 'not set'} (AES256).`);
    else if (key === undefined || key === '') context.report(encryption.site, `${context.resource.name} is encrypted with the AWS-managed key: encryption_configuration has no kms_key.`);
  },
});
