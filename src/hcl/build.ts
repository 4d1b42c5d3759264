/**
 * Small constructors for the HCL document model, so plan builders read like the Terraform they
 * produce without ever writing HCL text. Terraform addresses (`aws_vpc.main.id`) are given as
 * dotted strings and split here, because only this layer knows the traversal syntax.
 */
import type {
  Attribute,
  BlankLine,
  Block,
  BodyItem,
  CallExpr,
  Comment,
  Expr,
  ObjectExpr,
  ObjectItem,
  TemplateExpr,
  TemplatePart,
  TraversalExpr,
  TraversalStep,
  TupleExpr,
} from './ast.js';

/** Anything a builder may pass where an expression is expected. */
export type ExprLike = Expr | string | number | boolean | null | readonly ExprLike[] | { readonly [key: string]: ExprLike | undefined };

const EXPR_KINDS = new Set([
  'literal',
  'template',
  'traversal',
  'call',
  'tuple',
  'object',
  'for',
  'index',
  'getattr',
  'splat',
  'conditional',
  'binary',
  'unary',
  'paren',
]);

export function isExpr(value: unknown): value is Expr {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && EXPR_KINDS.has((value as { kind?: unknown }).kind as string);
}

/** Converts plain JS values: strings become quoted strings, arrays tuples, records objects. */
export function toExpr(value: ExprLike): Expr {
  if (value === null) return { kind: 'literal', value: null };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return { kind: 'literal', value };
  if (Array.isArray(value)) return tuple(value as readonly ExprLike[]);
  if (isExpr(value)) return value;
  return obj(value as { readonly [key: string]: ExprLike | undefined });
}

export function str(value: string): TemplateExpr {
  return { kind: 'template', parts: value === '' ? [] : [{ kind: 'string', value }] };
}

export function num(value: number): Expr {
  return { kind: 'literal', value, raw: String(value) };
}

export function bool(value: boolean): Expr {
  return { kind: 'literal', value };
}

export const NULL: Expr = { kind: 'literal', value: null };

/**
 * A reference such as `var.region`, `aws_subnet.private[*].id`, `aws_ecr_repository.this["api"].arn`
 * or `each.value.port`. Supports `.name`, `[0]`, `["key"]` and a single `[*]` splat.
 */
export function ref(address: string): Expr {
  const splatAt = address.indexOf('[*]');
  if (splatAt >= 0) {
    const target = ref(address.slice(0, splatAt));
    const rest = address.slice(splatAt + 3);
    return { kind: 'splat', target, style: 'full', steps: rest === '' ? [] : parseSteps(rest.startsWith('.') ? rest : `.${rest}`, address) };
  }
  const match = /^([A-Za-z_][A-Za-z0-9_-]*)(.*)$/.exec(address);
  if (!match) throw new Error(`Not a Terraform reference: ${address}`);
  const [, root, rest] = match as unknown as [string, string, string];
  return { kind: 'traversal', root, steps: parseSteps(rest, address) } satisfies TraversalExpr;
}

function parseSteps(text: string, address: string): TraversalStep[] {
  const steps: TraversalStep[] = [];
  const pattern = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["([^"\\]*)"\]/y;
  let offset = 0;
  while (offset < text.length) {
    pattern.lastIndex = offset;
    const m = pattern.exec(text);
    if (!m) throw new Error(`Not a Terraform reference: ${address}`);
    if (m[1] !== undefined) steps.push({ kind: 'attr', name: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'index', key: num(Number(m[2])) });
    else steps.push({ kind: 'index', key: str(m[3] ?? '') });
    offset = pattern.lastIndex;
  }
  return steps;
}

/** `ref(base)` followed by `[key]`, where key is any expression (e.g. `each.key`). */
export function index(base: string | Expr, key: ExprLike, ...attrs: string[]): Expr {
  const target = typeof base === 'string' ? ref(base) : base;
  const step: TraversalStep = { kind: 'index', key: toExpr(key) };
  const attrSteps: TraversalStep[] = attrs.map((name) => ({ kind: 'attr', name }));
  if (target.kind === 'traversal') return { ...target, steps: [...target.steps, step, ...attrSteps] };
  let expr: Expr = { kind: 'index', target, key: toExpr(key) };
  for (const name of attrs) expr = { kind: 'getattr', target: expr, name };
  return expr;
}

/** A bare keyword/type such as `string`, `number`, `list(string)` is a call; `string` is a traversal. */
export function ident(name: string): TraversalExpr {
  return { kind: 'traversal', root: name, steps: [] };
}

export function call(name: string, ...args: ExprLike[]): CallExpr {
  return { kind: 'call', name, args: args.map(toExpr) };
}

/** A call written one argument per line. */
export function callMultiline(name: string, ...args: ExprLike[]): CallExpr {
  return { kind: 'call', name, args: args.map(toExpr), multiline: true };
}

export function tuple(items: readonly ExprLike[], multiline?: boolean): TupleExpr {
  const exprs = items.map(toExpr);
  return { kind: 'tuple', items: exprs, multiline: multiline ?? exprs.some(isMultilineValue) };
}

/**
 * An object constructor. Keys that are valid identifiers are written bare, others quoted.
 * `undefined` values are skipped, so optional settings can be passed inline.
 */
export function obj(record: { readonly [key: string]: ExprLike | undefined }, multiline?: boolean): ObjectExpr {
  const items: ObjectItem[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    items.push({ key: objectKey(key), value: toExpr(value) });
  }
  return { kind: 'object', items, multiline: multiline ?? (items.length > 1 || items.some((i) => isMultilineValue(i.value))) };
}

/** An object whose items keep a given order and may carry comments. */
export function objItems(items: readonly ObjectItem[], multiline = true): ObjectExpr {
  return { kind: 'object', items, multiline };
}

export function objItem(key: string | Expr, value: ExprLike, comment?: string): ObjectItem {
  return {
    key: typeof key === 'string' ? objectKey(key) : key,
    value: toExpr(value),
    ...(comment ? { leadingComments: [lineComment(comment)] } : {}),
  };
}

function objectKey(key: string): Expr {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? ident(key) : str(key);
}

function isMultilineValue(expr: Expr): boolean {
  return (expr.kind === 'object' || expr.kind === 'tuple' || expr.kind === 'call') && expr.multiline === true;
}

/**
 * A template string: `tmpl\`${ref('local.name_prefix')}-cluster\``. Interpolated values must be
 * expressions (or plain strings, which are inlined as text).
 */
export function tmpl(strings: TemplateStringsArray, ...values: (Expr | string | number)[]): TemplateExpr {
  const parts: TemplatePart[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'string') parts[parts.length - 1] = { kind: 'string', value: last.value + text };
    else parts.push({ kind: 'string', value: text });
  };
  strings.forEach((text, i) => {
    pushText(text);
    if (i < values.length) {
      const value = values[i]!;
      if (typeof value === 'string' || typeof value === 'number') pushText(String(value));
      else if (value.kind === 'template' && !value.heredoc) value.parts.forEach((p) => (p.kind === 'string' ? pushText(p.value) : parts.push(p)));
      else parts.push({ kind: 'interpolation', expr: value });
    }
  });
  return { kind: 'template', parts };
}

/** A `<<-EOT` heredoc with the given lines (each line's text is taken literally). */
export function heredoc(text: string, marker = 'EOT'): TemplateExpr {
  return { kind: 'template', parts: text === '' ? [] : [{ kind: 'string', value: text.endsWith('\n') ? text : `${text}\n` }], heredoc: { marker, indented: true } };
}

export function cond(test: Expr, then: ExprLike, otherwise: ExprLike): Expr {
  return { kind: 'conditional', cond: test, then: toExpr(then), else: toExpr(otherwise) };
}

export function binary(op: '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%', left: ExprLike, right: ExprLike): Expr {
  return { kind: 'binary', op, left: toExpr(left), right: toExpr(right) };
}

export function not(operand: Expr): Expr {
  return { kind: 'unary', op: '!', operand };
}

/** `[for v in coll : value if cond]` */
export function forTuple(valueVar: string, collection: Expr, value: ExprLike, condition?: Expr, keyVar?: string): Expr {
  return { kind: 'for', result: 'tuple', valueVar, collection, valueExpr: toExpr(value), ...(condition ? { cond: condition } : {}), ...(keyVar ? { keyVar } : {}) };
}

/** `{for k, v in coll : key => value if cond}` */
export function forObject(keyVar: string, valueVar: string, collection: Expr, key: ExprLike, value: ExprLike, condition?: Expr): Expr {
  return { kind: 'for', result: 'object', keyVar, valueVar, collection, keyExpr: toExpr(key), valueExpr: toExpr(value), ...(condition ? { cond: condition } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

export function lineComment(text: string): Comment {
  return { text, style: '#' };
}

/** An attribute. `undefined` values are not allowed here: skip the attribute instead (see `attrs`). */
export function attr(name: string, value: ExprLike, comment?: string | readonly string[]): Attribute {
  return { kind: 'attribute', name, expr: toExpr(value), ...commentsOf(comment) };
}

/** Attributes from a record, skipping `undefined` values, in the record's order. */
export function attrs(record: { readonly [name: string]: ExprLike | undefined }): Attribute[] {
  const out: Attribute[] = [];
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out.push(attr(name, value));
  return out;
}

export type BodyInput = BodyItem | readonly BodyInput[] | undefined | false | null;

/** Flattens nested arrays and drops `undefined`/`false`/`null`, so conditional items read inline. */
export function items(...inputs: BodyInput[]): BodyItem[] {
  const out: BodyItem[] = [];
  const visit = (input: BodyInput) => {
    if (input === undefined || input === false || input === null) return;
    if (Array.isArray(input)) (input as readonly BodyInput[]).forEach(visit);
    else out.push(input as BodyItem);
  };
  inputs.forEach(visit);
  return out;
}

export function block(type: string, labels: readonly string[], body: readonly BodyInput[], comment?: string | readonly string[]): Block {
  return { kind: 'block', type, labels, body: { items: items(...body) }, ...commentsOf(comment) };
}

export const blank: BlankLine = { kind: 'blank' };

function commentsOf(comment: string | readonly string[] | undefined): { leadingComments?: Comment[] } {
  if (comment === undefined) return {};
  const lines = typeof comment === 'string' ? comment.split('\n') : comment;
  return { leadingComments: lines.map(lineComment) };
}

/** `dynamic "name" { for_each = ...; iterator = ...; content { ... } }` */
export function dynamic(name: string, forEach: Expr, content: readonly BodyInput[], iterator?: string): Block {
  return block('dynamic', [name], [attr('for_each', forEach), iterator ? attr('iterator', ident(iterator)) : undefined, block('content', [], content)]);
}
