import { parseArn } from '../arn.js';
import { HOLE, isUnknown, partialText } from '../../terraform/index.js';
import { allows, IDENTITY_POLICY_TYPES, identityStatements } from '../policy/identity-policies.js';
import { defineRule } from '../rule.js';
import { IAM_ARN_ACCOUNT_WILDCARD } from '../rule-ids.js';

export const iamArnAccountWildcard = defineRule({
  id: IAM_ARN_ACCOUNT_WILDCARD,
  title: 'Resource ARN matches any account',
  severity: 'medium',
  families: ['iam', 'least-privilege'],
  equivalents: { cdkNag: ['AwsSolutions-IAM5'] },
  rationale: 'A `*` in the account field of an ARN also matches resources other accounts share with yours, which the policy never meant to reach.',
  fix: 'Write the account id (`data.aws_caller_identity.current.account_id`), or better the resources\' own ARNs.',
  appliesTo: IDENTITY_POLICY_TYPES,
  check(context) {
    for (const statement of identityStatements(context.resource, context.module)) {
      if (!allows(statement) || isUnknown(statement.resources)) continue;
      for (const resource of statement.resources) {
        const text = partialText(resource);
        const arn = typeof text === 'string' ? parseArn(text) : undefined;
        if (typeof text !== 'string' || !arn || arn.account.includes(HOLE) || !arn.account.includes('*')) continue;
        const shown = text.replaceAll(HOLE, '${…}');
        context.report(resource.site, `${context.resource.name} allows ${arn.service} resources of any account ("${shown}") in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
      }
    }
  },
});
