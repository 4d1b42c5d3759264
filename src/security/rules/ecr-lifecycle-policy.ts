import { defineRule } from '../rule.js';
import { ECR_LIFECYCLE_POLICY } from '../rule-ids.js';

export const ecrLifecyclePolicy = defineRule({
  id: ECR_LIFECYCLE_POLICY,
  title: 'Repository without a lifecycle policy',
  severity: 'medium',
  families: ['ecr', 'supply-chain'],
  equivalents: { securityHub: ['ECR.3'] },
  rationale: 'Without a lifecycle policy old, unpatched images pile up (and cost money) and stay deployable forever.',
  fix: 'Add an `aws_ecr_lifecycle_policy` that expires untagged images and keeps a bounded number of tagged ones.',
  appliesTo: ['aws_ecr_repository'],
  check(context) {
    if (context.module.referrers('aws_ecr_lifecycle_policy', 'repository', context.resource.decl).length > 0) return;
    context.report(context.resource.site, `${context.resource.name} has no aws_ecr_lifecycle_policy.`);
  },
});
