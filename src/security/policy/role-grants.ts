/**
 * Whether a role declared in the module may perform an action, from every policy attached to it
 * in the module: inline policies, `aws_iam_role_policy`, and policies attached by
 * `aws_iam_role_policy_attachment`/`aws_iam_policy_attachment` (customer policies read from their
 * `aws_iam_policy`, AWS-managed ones from the few known here). `Unknown` when any of them cannot be
 * read: a policy we cannot see might grant it.
 */
import { type BlockView, isUnknown, type ModuleView, type Read, type ResourceDecl, type ResourceInstance, str, Unknown } from '../../terraform/index.js';
import { actionMatches } from '../../aws/iam-actions.js';
import { allows } from './identity-policies.js';
import { awsManagedPolicyName, knownManagedPolicyActions } from './managed-policies.js';
import { readPolicy } from './read-policy.js';
import type { PolicyDocument } from './statement.js';

export function roleAllows(role: ResourceDecl, action: string, view: ModuleView): Read<boolean> {
  return view.memo(`roleAllows|${role.address}|${action}`, () => computeRoleAllows(role, action, view));
}

function computeRoleAllows(role: ResourceDecl, action: string, view: ModuleView): Read<boolean> {
  const instance = view.instancesOf(role)[0];
  if (!instance) return new Unknown(`${role.address} has no instance`);
  const answers: Read<boolean>[] = [];
  for (const block of instance.blocks('inline_policy')) answers.push(policyAllows(block, view, action));
  if (instance.attribute('managed_policy_arns') !== undefined) answers.push(new Unknown('managed_policy_arns is not read'));
  for (const decl of attachedTo('aws_iam_role_policy', 'role', instance, view)) {
    for (const policy of view.instancesOf(decl)) answers.push(policyAllows(policy, view, action));
  }
  for (const [type, attribute] of [['aws_iam_role_policy_attachment', 'role'], ['aws_iam_policy_attachment', 'roles']] as const) {
    for (const decl of attachedTo(type, attribute, instance, view)) {
      for (const attachment of view.instancesOf(decl)) answers.push(attachmentAllows(attachment, view, action));
    }
  }
  if (answers.includes(true)) return true;
  return answers.find(isUnknown) ?? false;
}

/** Resources of `type` naming the role by reference or by its (known) name. */
function attachedTo(type: string, attribute: string, role: ResourceInstance, view: ModuleView): ResourceDecl[] {
  const byReference = view.referrers(type, attribute, role.decl);
  const name = str(role.attr('name'));
  if (typeof name !== 'string') return byReference;
  const byName = view.resources(type).filter((decl) => !byReference.includes(decl) && view.instancesOf(decl).some((i) => str(i.attr(attribute)) === name));
  return [...byReference, ...byName];
}

function attachmentAllows(attachment: ResourceInstance, view: ModuleView, action: string): Read<boolean> {
  const customer = view.target(attachment.attribute('policy_arn')?.expr);
  if (customer?.type === 'aws_iam_policy') {
    const policy = view.instancesOf(customer)[0];
    return policy ? policyAllows(policy, view, action) : new Unknown(`${customer.address} has no instance`);
  }
  const arn = str(attachment.attr('policy_arn'));
  const name = typeof arn === 'string' ? awsManagedPolicyName(arn) : undefined;
  const actions = name !== undefined ? knownManagedPolicyActions(name) : undefined;
  if (!actions) return new Unknown('a policy whose actions ecsform does not know');
  return actions.some((granted) => actionMatches(granted, action));
}

function policyAllows(holder: BlockView, view: ModuleView, action: string): Read<boolean> {
  const document = readPolicy(holder, 'policy', view, 'policy');
  if (document === undefined) return false;
  if (isUnknown(document)) return document;
  return documentAllows(document, action);
}

function documentAllows(document: PolicyDocument, action: string): Read<boolean> {
  let unknown = false;
  let granted = false;
  let denied = false;
  for (const statement of document.statements) {
    if (isUnknown(statement.actions) || typeof statement.effect !== 'string' || statement.hasNotActions) {
      unknown = true;
      continue;
    }
    const matches = statement.actions.some((node) => {
      const pattern = str(node);
      if (typeof pattern !== 'string') unknown = true;
      return typeof pattern === 'string' && actionMatches(pattern, action);
    });
    if (!matches) continue;
    // An explicit Deny may take the grant away again under conditions we do not evaluate.
    if (allows(statement)) granted = true;
    else denied = true;
  }
  if (granted && !denied) return true;
  if (denied) return new Unknown('an explicit Deny may take the grant away');
  return unknown ? new Unknown('a statement cannot be read') : false;
}
