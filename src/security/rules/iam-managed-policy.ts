import { isUnknown, items, type Located, partialText } from '../../terraform/index.js';
import { awsManagedPolicyName } from '../policy/managed-policies.js';
import { defineRule } from '../rule.js';
import { IAM_MANAGED_POLICY } from '../rule-ids.js';

export const iamManagedPolicy = defineRule({
  id: IAM_MANAGED_POLICY,
  title: 'AWS-managed policy attached',
  severity: 'medium',
  families: ['iam', 'least-privilege'],
  equivalents: { cdkNag: ['AwsSolutions-IAM4'] },
  rationale: 'AWS-managed policies grant on every resource of their kind (all repositories, all log groups) and change when AWS changes them.',
  fix: 'Replace the attachment with a policy of your own that grants the same actions on this stack\'s ARNs.',
  appliesTo: ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_role'],
  check(context) {
    const arns: readonly Located[] = context.resource.type === 'aws_iam_role' ? listOf(context.resource.attr('managed_policy_arns')) : [context.resource.attr('policy_arn')].filter((n): n is Located => n !== undefined);
    for (const node of arns) {
      const text = partialText(node);
      const name = typeof text === 'string' ? awsManagedPolicyName(text) : undefined;
      if (name !== undefined) context.report(node.site, `${context.resource.name} attaches the AWS-managed policy ${name}.`);
    }
  },
});

function listOf(node: Located | undefined): readonly Located[] {
  const list = items(node);
  return isUnknown(list) || list === undefined ? [] : list;
}
