import { publicGrants } from '../policy/public-principals.js';
import { readPolicy } from '../policy/read-policy.js';
import { isUnknown } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECR_PUBLIC_POLICY } from '../rule-ids.js';

export const ecrPublicPolicy = defineRule({
  id: ECR_PUBLIC_POLICY,
  title: 'Repository policy open to everyone',
  severity: 'high',
  families: ['ecr', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_32'], trivy: ['AWS-0032'], cdkNag: ['AwsSolutions-ECR1'] },
  rationale: 'A repository policy granting `*` lets any AWS account pull (or push) the images, with whatever secrets were built into them.',
  fix: 'Name the accounts or roles that need access in the principals, or add a condition such as aws:PrincipalOrgID.',
  appliesTo: ['aws_ecr_repository_policy', 'aws_ecr_registry_policy'],
  check(context) {
    const document = readPolicy(context.resource, 'policy', context.module, `${context.resource.name} policy`);
    if (isUnknown(document) || document === undefined) return;
    for (const { statement, principal } of publicGrants(document)) {
      context.report(principal.site, `${context.resource.name} grants any principal ("*") access in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
    }
  },
});
