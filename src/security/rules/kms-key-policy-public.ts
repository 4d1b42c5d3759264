import { publicGrants } from '../policy/public-principals.js';
import { readPolicy } from '../policy/read-policy.js';
import { isUnknown } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { KMS_KEY_POLICY_PUBLIC } from '../rule-ids.js';

export const kmsKeyPolicyPublic = defineRule({
  id: KMS_KEY_POLICY_PUBLIC,
  title: 'KMS key policy open to everyone',
  severity: 'critical',
  families: ['kms', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_33'], securityHub: ['KMS.5'] },
  rationale: 'A key policy allowing principal `*` without a condition lets any AWS account use the key, and so decrypt what it protects.',
  fix: 'Name the account root (`arn:aws:iam::<account>:root`) or specific roles as principals, or add a condition such as kms:CallerAccount.',
  appliesTo: ['aws_kms_key'],
  check(context) {
    const document = readPolicy(context.resource, 'policy', context.module, `${context.resource.name} policy`);
    if (isUnknown(document) || document === undefined) return;
    for (const { statement, principal } of publicGrants(document)) {
      context.report(principal.site, `${context.resource.name} lets any principal ("*") use the key without a condition, in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
    }
  },
});
