import { onlyWorksOnAnyResource } from '../../aws/iam-actions.js';
import { allows, IDENTITY_POLICY_TYPES, identityStatements } from '../policy/identity-policies.js';
import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { IAM_WILDCARD_RESOURCE } from '../rule-ids.js';

export const iamWildcardResource = defineRule({
  id: IAM_WILDCARD_RESOURCE,
  title: 'Policy allows actions on every resource',
  severity: 'medium',
  families: ['iam', 'least-privilege'],
  equivalents: { checkov: ['CKV_AWS_355'], cdkNag: ['AwsSolutions-IAM5'] },
  rationale: '`"Resource": "*"` extends the actions to every resource of the account, including those of other applications, when they could be scoped to ARNs.',
  fix: 'Name the ARNs the actions apply to; only actions without resource-level permissions (e.g. ecr:GetAuthorizationToken) need "*".',
  appliesTo: IDENTITY_POLICY_TYPES,
  check(context) {
    for (const statement of identityStatements(context.resource, context.module)) {
      if (!allows(statement) || isUnknown(statement.actions) || isUnknown(statement.resources) || statement.hasNotActions) continue;
      const wildcard = statement.resources.find((resource) => str(resource) === '*');
      if (!wildcard) continue;
      const actions = statement.actions.map((action) => str(action));
      if (actions.some((action) => typeof action !== 'string')) continue;
      const scopable = (actions as string[]).filter((action) => !onlyWorksOnAnyResource(action));
      if (scopable.length === 0) continue;
      context.report(wildcard.site, `${context.resource.name} allows ${describe(scopable)} on every resource ("*") in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
    }
  },
});

function describe(actions: readonly string[]): string {
  return actions.length <= 3 ? actions.join(', ') : `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more`;
}
