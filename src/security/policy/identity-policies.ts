/**
 * Identity policies (what a role, user or group may do) on the resources that hold them: the
 * `policy` of role/user/group policies and managed policies, and a role's `inline_policy` blocks.
 * Trust policies and resource policies are read by the rules about them.
 */
import { isUnknown, type ModuleView, type ResourceInstance } from '../../terraform/index.js';
import { readPolicy } from './read-policy.js';
import type { PolicyStatement } from './statement.js';

export const IDENTITY_POLICY_TYPES: readonly string[] = ['aws_iam_role', 'aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

/** The readable statements of the identity policies the resource holds (unreadable ones are skipped). */
export function identityStatements(resource: ResourceInstance, view: ModuleView): PolicyStatement[] {
  const holders = resource.type === 'aws_iam_role' ? resource.blocks('inline_policy').map((block) => ({ block, where: `${resource.name} inline_policy` })) : [{ block: resource, where: `${resource.name} policy` }];
  const out: PolicyStatement[] = [];
  for (const { block, where } of holders) {
    const document = readPolicy(block, 'policy', view, where);
    if (!isUnknown(document) && document !== undefined) out.push(...document.statements);
  }
  return out;
}

/** Allow statements, the only ones that grant anything. */
export function allows(statement: PolicyStatement): boolean {
  return typeof statement.effect === 'string' && statement.effect.toLowerCase() === 'allow';
}
