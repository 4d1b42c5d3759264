import { allows, IDENTITY_POLICY_TYPES, identityStatements } from '../policy/identity-policies.js';
import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { IAM_WILDCARD_ACTION } from '../rule-ids.js';

export const iamWildcardAction = defineRule({
  id: IAM_WILDCARD_ACTION,
  title: 'Policy allows every action',
  severity: 'high',
  families: ['iam', 'least-privilege'],
  equivalents: { checkov: ['CKV_AWS_62', 'CKV_AWS_63'], securityHub: ['IAM.1'], cdkNag: ['AwsSolutions-IAM5'] },
  rationale: '`"Action": "*"` grants every current and future action of every service: whoever holds the policy can do what the resources allow.',
  fix: 'List the actions the principal calls (`s3:GetObject`, `sqs:SendMessage`, ...).',
  appliesTo: IDENTITY_POLICY_TYPES,
  check(context) {
    for (const statement of identityStatements(context.resource, context.module)) {
      if (!allows(statement) || isUnknown(statement.actions)) continue;
      for (const action of statement.actions) {
        if (str(action) === '*') context.report(action.site, `${context.resource.name} allows every action ("*") in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
      }
    }
  },
});
