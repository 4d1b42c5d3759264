/**
 * Policy statements of a `data "aws_iam_policy_document"`: its `statement` blocks, merged with
 * the documents in `source_policy_documents` (overridden by sid) and `override_policy_documents`
 * (overriding by sid), as the provider merges them.
 */
import type { Expr } from '../../hcl/index.js';
import { type BlockView, isUnknown, items, type ModuleView, type Read, type ResourceDecl, type ResourceInstance, str, Unknown } from '../../terraform/index.js';
import type { Condition, PolicyDocument, PolicyStatement, Principal } from './statement.js';

const DOCUMENT_TYPE = 'aws_iam_policy_document';

/**
 * The data source an expression such as `data.aws_iam_policy_document.x.json` (or
 * `...x["key"].json`) reads, with the instance key when one is written.
 */
export function documentReference(expr: Expr): { readonly name: string; readonly key?: string | number } | undefined {
  if (expr.kind !== 'traversal' || expr.root !== 'data') return undefined;
  const [type, name, ...rest] = expr.steps;
  if (type?.kind !== 'attr' || type.name !== DOCUMENT_TYPE || name?.kind !== 'attr') return undefined;
  const last = rest[rest.length - 1];
  if (last?.kind !== 'attr' || (last.name !== 'json' && last.name !== 'minified_json') || rest.length > 2) return undefined;
  const index = rest.length === 2 ? rest[0] : undefined;
  if (index === undefined) return { name: name.name };
  if (index.kind !== 'index' || index.key.kind === 'traversal') return undefined;
  const key = index.key.kind === 'literal' && typeof index.key.value === 'number' ? index.key.value : literalText(index.key);
  return key === undefined ? undefined : { name: name.name, key };
}

export function statementsFromDataSource(decl: ResourceDecl, key: string | number | undefined, view: ModuleView, seen: ReadonlySet<string> = new Set()): Read<PolicyDocument> {
  if (seen.has(decl.address)) return new Unknown(`${decl.address} includes itself`);
  const instances = view.instancesOf(decl);
  const instance = key === undefined ? (instances.length === 1 ? instances[0] : undefined) : instances.find((i) => i.key === key);
  if (!instance) return new Unknown(`no single instance of ${decl.address}`);
  if (instance.hasDynamic('statement')) return new Unknown(`a dynamic statement in ${decl.address}`);
  const inner = new Set([...seen, decl.address]);
  const sources = linkedDocuments(instance, 'source_policy_documents', view, inner);
  const overrides = linkedDocuments(instance, 'override_policy_documents', view, inner);
  if (isUnknown(sources)) return sources;
  if (isUnknown(overrides)) return overrides;
  const own: PolicyStatement[] = [];
  for (const [index, block] of instance.blocks('statement').entries()) {
    const statement = fromBlock(block, index, decl.address);
    if (isUnknown(statement)) return statement;
    own.push(statement);
  }
  return { statements: mergeBySid([...sources, own, ...overrides]) };
}

function linkedDocuments(instance: ResourceInstance, attribute: string, view: ModuleView, seen: ReadonlySet<string>): PolicyStatement[][] | Unknown {
  const expr = instance.attribute(attribute)?.expr;
  if (expr === undefined) return [];
  if (expr.kind !== 'tuple') return new Unknown(`${attribute} is not a list written out`);
  const out: PolicyStatement[][] = [];
  for (const item of expr.items) {
    const reference = documentReference(item);
    const decl = reference ? view.index.resources.get(`data.${DOCUMENT_TYPE}.${reference.name}`) : undefined;
    if (!reference || !decl) return new Unknown(`${attribute} holds a document that is not a policy document data source of the module`);
    const document = statementsFromDataSource(decl, reference.key, view, seen);
    if (document === undefined) return new Unknown(`${attribute} holds a document without statements`);
    if (isUnknown(document)) return document;
    out.push([...document.statements]);
  }
  return out;
}

/** Later documents replace earlier statements with the same sid; statements without one add up. */
function mergeBySid(layers: readonly (readonly PolicyStatement[])[]): PolicyStatement[] {
  const bySid = new Map<string, PolicyStatement>();
  const anonymous: PolicyStatement[] = [];
  for (const layer of layers) {
    for (const statement of layer) {
      const sid = statement.sid;
      if (sid === undefined) anonymous.push(statement);
      else bySid.set(sid, statement);
    }
  }
  return [...bySid.values(), ...anonymous];
}

function fromBlock(block: BlockView, index: number, address: string): PolicyStatement | Unknown {
  if (block.hasDynamic('principals') || block.hasDynamic('condition')) return new Unknown(`a dynamic block in ${address}`);
  const sidValue = str(block.attr('sid'));
  const sid = typeof sidValue === 'string' && sidValue !== '' ? sidValue : undefined;
  const principals: Principal[] = [];
  for (const entry of block.blocks('principals')) {
    const ids = items(entry.attr('identifiers'));
    if (isUnknown(ids)) return ids;
    for (const id of ids ?? []) principals.push({ type: str(entry.attr('type')) ?? new Unknown('a principal without a type'), id });
  }
  const conditions: Condition[] = block.blocks('condition').map((entry) => ({
    test: str(entry.attr('test')) ?? new Unknown('a condition without a test'),
    variable: str(entry.attr('variable')) ?? new Unknown('a condition without a variable'),
    values: items(entry.attr('values')) ?? [],
  }));
  return {
    site: block.site,
    sid,
    label: `${sid !== undefined ? `statement "${sid}"` : `statement ${index + 1}`} of ${address}`,
    effect: str(block.attr('effect')) ?? 'Allow',
    actions: items(block.attr('actions')) ?? [],
    hasNotActions: block.attribute('not_actions') !== undefined,
    resources: items(block.attr('resources')) ?? [],
    hasNotResources: block.attribute('not_resources') !== undefined,
    principals,
    hasNotPrincipals: block.blocks('not_principals').length > 0 || block.hasDynamic('not_principals'),
    conditions,
    declarations: [address],
  };
}

function literalText(expr: Expr): string | undefined {
  if (expr.kind !== 'template' || expr.heredoc) return undefined;
  let text = '';
  for (const part of expr.parts) {
    if (part.kind !== 'string') return undefined;
    text += part.value;
  }
  return text;
}
