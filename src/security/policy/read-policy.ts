/**
 * The policy document an attribute holds, however it is written: a reference to a
 * `data "aws_iam_policy_document"`, `jsonencode({...})`, a heredoc or a known string. `Unknown` when
 * any statement cannot be read (a `dynamic` statement, a policy from a variable or a file).
 */
import type { Expr } from '../../hcl/index.js';
import { type BlockView, type EvalScope, evaluate, isUnknown, locateJson, type ModuleView, objectKeyName, type Read, ResourceInstance, Unknown } from '../../terraform/index.js';
import { documentReference, statementsFromDataSource } from './from-data-source.js';
import { statementsFromJson } from './from-json.js';
import type { PolicyDocument, PolicyStatement } from './statement.js';

/** `where` names the attribute in messages, e.g. `aws_iam_role.app assume_role_policy`. */
export function readPolicy(holder: BlockView, attribute: string, view: ModuleView, where: string): Read<PolicyDocument> {
  const attr = holder.attribute(attribute);
  if (!attr) return undefined;
  const statements: PolicyStatement[] = [];
  for (const { expr, file, scope } of policyExpressions(holder, chosenBranch(attr.expr, holder.scope))) {
    const document = readExpression(expr, file, scope, view, where);
    if (document === undefined) return new Unknown(`${where} is not a policy document`);
    if (isUnknown(document)) return document;
    statements.push(...document.statements);
  }
  return { statements };
}

function readExpression(expr: Expr, file: string, scope: EvalScope, view: ModuleView, where: string): Read<PolicyDocument> {
  const reference = documentReference(expr);
  if (reference) {
    const decl = view.index.resources.get(`data.aws_iam_policy_document.${reference.name}`);
    return decl ? statementsFromDataSource(decl, reference.key, view) : new Unknown(`data.aws_iam_policy_document.${reference.name} is not declared in the module`);
  }
  return statementsFromJson(locateJson(expr, { scope, file }), where);
}

/**
 * `policy = each.value` over `for_each = { a = data.x.json, b = data.y.json }` reads the policy of
 * this instance's key, or of every key when the keys are not known: each becomes an instance.
 */
function policyExpressions(holder: BlockView, expr: Expr): { expr: Expr; file: string; scope: EvalScope }[] {
  const own = [{ expr, file: holder.file, scope: holder.scope }];
  const forEach = holder instanceof ResourceInstance ? holder.decl.meta.forEach?.expr : undefined;
  if (!(holder instanceof ResourceInstance) || forEach?.kind !== 'object' || !isEachValue(expr)) return own;
  const moduleScope: EvalScope = { module: holder.module };
  return forEach.items
    .filter((item) => holder.key === undefined || objectKeyName(item.key) === String(holder.key))
    .map((item) => ({ expr: item.value, file: holder.decl.file, scope: moduleScope }));
}

function isEachValue(expr: Expr): boolean {
  const [step, ...rest] = expr.kind === 'traversal' && expr.root === 'each' ? expr.steps : [];
  return step?.kind === 'attr' && step.name === 'value' && rest.length === 0;
}

/** `var.strict ? data.x.json : data.y.json` with a known condition is the chosen branch. */
function chosenBranch(expr: Expr, scope: EvalScope): Expr {
  if (expr.kind === 'paren') return chosenBranch(expr.inner, scope);
  if (expr.kind !== 'conditional') return expr;
  const condition = evaluate(expr.cond, scope);
  if (typeof condition !== 'boolean') return expr;
  return chosenBranch(condition ? expr.then : expr.else, scope);
}
