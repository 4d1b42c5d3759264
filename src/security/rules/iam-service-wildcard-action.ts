import { allows, IDENTITY_POLICY_TYPES, identityStatements } from '../policy/identity-policies.js';
import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { IAM_SERVICE_WILDCARD_ACTION } from '../rule-ids.js';

export const iamServiceWildcardAction = defineRule({
  id: IAM_SERVICE_WILDCARD_ACTION,
  title: 'Policy allows every action of a service',
  severity: 'low',
  families: ['iam', 'least-privilege'],
  equivalents: { securityHub: ['IAM.21'], cdkNag: ['AwsSolutions-IAM5'] },
  rationale: '`service:*` includes the destructive and administrative actions of the service (delete, put policy), not just the ones the application uses.',
  fix: 'List the actions of the service the principal calls.',
  appliesTo: IDENTITY_POLICY_TYPES,
  check(context) {
    for (const statement of identityStatements(context.resource, context.module)) {
      if (!allows(statement) || isUnknown(statement.actions)) continue;
      for (const action of statement.actions) {
        const text = str(action);
        if (typeof text === 'string' && /^[a-z0-9-]+:\*$/i.test(text)) {
          context.report(action.site, `${context.resource.name} allows every action of a service ("${text}") in ${statement.label}.`, { alsoSuppressedAt: statement.declarations });
        }
      }
    }
  },
});
