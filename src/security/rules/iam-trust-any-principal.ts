import { publicGrants } from '../policy/public-principals.js';
import { readPolicy } from '../policy/read-policy.js';
import { isUnknown } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { IAM_TRUST_ANY_PRINCIPAL } from '../rule-ids.js';

export const iamTrustAnyPrincipal = defineRule({
  id: IAM_TRUST_ANY_PRINCIPAL,
  title: 'Role any AWS principal may assume',
  severity: 'high',
  families: ['iam', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_60'] },
  rationale: 'A trust policy allowing principal `*` without a condition lets any AWS account assume the role and use its permissions.',
  fix: 'Name the service (`ecs-tasks.amazonaws.com`) or the accounts and roles that may assume it, and add aws:SourceAccount or sts:ExternalId conditions.',
  appliesTo: ['aws_iam_role'],
  check(context) {
    const document = readPolicy(context.resource, 'assume_role_policy', context.module, `${context.resource.name} assume_role_policy`);
    if (isUnknown(document) || document === undefined) return;
    for (const { statement, principal } of publicGrants(document)) {
      context.report(principal.site, `${context.resource.name} may be assumed by any AWS principal ("*") without a condition, in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
    }
  },
});
