/** Policy statements from a JSON policy document (`{ Version, Statement: [...] }`). */
import { isUnknown, type Located, member, oneOrMany, type Read, str, Unknown } from '../../terraform/index.js';
import type { Condition, PolicyDocument, PolicyStatement, Principal } from './statement.js';

export function statementsFromJson(document: Located, where: string): Read<PolicyDocument> {
  if (document.kind === 'unknown') return new Unknown(document.why);
  const list = oneOrMany(member(document, 'Statement'));
  if (isUnknown(list)) return list;
  const statements: PolicyStatement[] = [];
  for (const [index, node] of (list ?? []).entries()) {
    if (node.kind !== 'object') return new Unknown(`statement ${index + 1} of ${where} is not an object`);
    statements.push(statement(node, index, where));
  }
  return { statements };
}

function statement(node: Located, index: number, where: string): PolicyStatement {
  const sidValue = str(member(node, 'Sid'));
  const sid = typeof sidValue === 'string' && sidValue !== '' ? sidValue : undefined;
  return {
    site: node.site,
    sid,
    label: `${sid !== undefined ? `statement "${sid}"` : `statement ${index + 1}`} of ${where}`,
    effect: str(member(node, 'Effect')) ?? new Unknown('a statement without an Effect'),
    actions: oneOrMany(member(node, 'Action')) ?? [],
    hasNotActions: member(node, 'NotAction') !== undefined,
    resources: oneOrMany(member(node, 'Resource')) ?? [],
    hasNotResources: member(node, 'NotResource') !== undefined,
    principals: principals(member(node, 'Principal')),
    hasNotPrincipals: member(node, 'NotPrincipal') !== undefined,
    conditions: conditions(member(node, 'Condition')),
    declarations: [],
  };
}

/** `"*"`, or `{ AWS = [...], Service = "..." }`. */
function principals(node: Located | undefined): readonly Principal[] | Unknown {
  if (node === undefined) return [];
  if (node.kind === 'scalar') return [{ type: '*', id: node }];
  if (node.kind !== 'object') return new Unknown('a Principal that is not an object');
  const out: Principal[] = [];
  for (const [type, value] of node.entries) {
    const ids = oneOrMany(value);
    if (isUnknown(ids)) return ids;
    for (const id of ids ?? []) out.push({ type, id });
  }
  return out;
}

/** `{ StringEquals = { "aws:SourceAccount" = "..." } }`. */
function conditions(node: Located | undefined): readonly Condition[] | Unknown {
  if (node === undefined) return [];
  if (node.kind !== 'object') return new Unknown('a Condition that is not an object');
  const out: Condition[] = [];
  for (const [test, variables] of node.entries) {
    if (variables.kind !== 'object') return new Unknown(`condition ${test} is not an object`);
    for (const [variable, values] of variables.entries) out.push({ test, variable, values: oneOrMany(values) ?? [] });
  }
  return out;
}
