/**
 * Values with their place in the source. The evaluator answers "what is this value"; rules also
 * need "where was it written" to point at `readonlyRootFilesystem = false` inside a
 * `jsonencode([...])`. `locate` walks object and tuple constructors syntactically, so each member
 * keeps its own range and its own known-or-unknown state, and evaluates everything else whole.
 */
import type { Expr, ObjectExpr, Range, TemplateExpr } from '../../hcl/index.js';
import { evaluate, type EvalScope } from '../eval/evaluate.js';
import { isUnknown } from '../unknown.js';
import type { Value } from '../eval/values.js';

/** Where a value was written: a file of the module and a range in it. */
export interface Site {
  readonly file: string;
  readonly range?: Range | undefined;
}

/**
 * Stands for an unknown piece of a string (an interpolation whose value is only known after
 * apply). A private-use character: it never occurs in names, ARNs, CIDRs or image references.
 */
export const HOLE = '\uE000';

export type Located = LocatedObject | LocatedList | LocatedScalar | LocatedUnknown;

interface LocatedBase {
  readonly site: Site;
  /** The expression that was written for this value; absent for parts of a computed value. */
  readonly source?: Expr;
}

export interface LocatedObject extends LocatedBase {
  readonly kind: 'object';
  readonly entries: ReadonlyMap<string, Located>;
}

export interface LocatedList extends LocatedBase {
  readonly kind: 'list';
  readonly items: readonly Located[];
}

export interface LocatedScalar extends LocatedBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}

export interface LocatedUnknown extends LocatedBase {
  readonly kind: 'unknown';
  /** Why the value cannot be known offline, from the evaluator. */
  readonly why: string;
  /** For a string with some known parts: the text with each unknown part replaced by `HOLE`. */
  readonly text?: string;
}

/** What `locate` evaluates against: the instance's scope and the file the expression is in. */
export interface LocateContext {
  readonly scope: EvalScope;
  readonly file: string;
}

/**
 * The value of `expr`, structured where it is written as a constructor. `range` is where the
 * value is reported (an attribute's or object item's range, which starts at its name); by
 * default the expression's own range.
 */
export function locate(expr: Expr, context: LocateContext, range: Range | undefined = expr.range): Located {
  const located = locateStructure(expr, context, range);
  // A chosen branch keeps its own expression.
  return located.source ? located : { ...located, source: expr };
}

function locateStructure(expr: Expr, context: LocateContext, range: Range | undefined): Located {
  const site: Site = { file: context.file, range };
  switch (expr.kind) {
    case 'paren':
      return locate(expr.inner, context, range);
    case 'object': {
      const entries = objectItems(expr, context);
      return entries ? { kind: 'object', entries, site } : evaluated(expr, context, site);
    }
    case 'tuple':
      return { kind: 'list', items: expr.items.map((item) => locate(item, context)), site };
    case 'template':
      return template(expr, context, site);
    case 'conditional': {
      // A known condition keeps the chosen branch's structure and positions.
      const condition = evaluate(expr.cond, context.scope);
      if (typeof condition === 'boolean') return locate(condition ? expr.then : expr.else, context, range);
      return evaluated(expr, context, site);
    }
    default:
      return evaluated(expr, context, site);
  }
}

/** A decoded JSON document: `jsonencode(x)` is read as `x`; a known string is parsed. */
export function locateJson(expr: Expr, context: LocateContext, range: Range | undefined = expr.range): Located {
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1 && expr.args[0]) {
    return locate(expr.args[0], context, range);
  }
  const text = locate(expr, context, range);
  if (text.kind === 'scalar' && typeof text.value === 'string') return parseJson(text.value, text.site);
  // A heredoc whose only unknowns sit inside JSON strings still parses, with holes in those strings.
  if (text.kind === 'unknown' && text.text !== undefined) return parseJson(text.text, text.site, text.why);
  return text;
}

/** Every member and item of a known value reported at one site. */
export function fromValue(value: Value, site: Site, why = 'only known after apply'): Located {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && value.includes(HOLE)) return { kind: 'unknown', why, text: value, site };
    return { kind: 'scalar', value, site };
  }
  if (Array.isArray(value)) return { kind: 'list', items: (value as readonly Value[]).map((item) => fromValue(item, site, why)), site };
  const entries = new Map<string, Located>();
  for (const [key, member] of Object.entries(value)) entries.set(key, fromValue(member, site, why));
  return { kind: 'object', entries, site };
}

function objectItems(expr: ObjectExpr, context: LocateContext): Map<string, Located> | undefined {
  const entries = new Map<string, Located>();
  for (const item of expr.items) {
    const key = staticKey(item.key);
    if (key === undefined) return undefined;
    entries.set(key, locate(item.value, context, item.range ?? item.value.range));
  }
  return entries;
}

function staticKey(key: Expr): string | undefined {
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  if (key.kind === 'paren') return undefined;
  if (key.kind === 'template' && key.parts.every((p) => p.kind === 'string')) return key.parts.map((p) => (p.kind === 'string' ? p.value : '')).join('');
  return undefined;
}

function evaluated(expr: Expr, context: LocateContext, site: Site): Located {
  const result = evaluate(expr, context.scope);
  return isUnknown(result) ? { kind: 'unknown', why: result.why, site } : fromValue(result, site);
}

/** A template: known when every part is; otherwise its known text with holes. */
function template(expr: TemplateExpr, context: LocateContext, site: Site): Located {
  const only = expr.parts[0];
  if (expr.heredoc === undefined && expr.parts.length === 1 && only?.kind === 'interpolation') return locate(only.expr, context, site.range);
  let text = '';
  let why: string | undefined;
  for (const part of expr.parts) {
    if (part.kind === 'string') {
      text += part.value;
      continue;
    }
    const piece = part.kind === 'interpolation' ? stringOf(part.expr, context) : { why: 'a template directive' };
    if (typeof piece === 'string') text += piece;
    else {
      text += HOLE;
      why ??= piece.why;
    }
  }
  if (why !== undefined) return { kind: 'unknown', why, text, site };
  // `~` strip markers trim the text around them: the evaluator knows how.
  if (expr.parts.some((p) => p.kind === 'interpolation' && (p.stripLeft || p.stripRight))) return evaluated(expr, context, site);
  return { kind: 'scalar', value: text, site };
}

function stringOf(expr: Expr, context: LocateContext): string | { why: string } {
  const result = evaluate(expr, context.scope);
  if (isUnknown(result)) return { why: result.why };
  const value = result;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return { why: 'a value that is not a string' };
}

function parseJson(text: string, site: Site, why = 'not valid JSON'): Located {
  try {
    return fromValue(JSON.parse(text) as Value, site, why);
  } catch {
    return { kind: 'unknown', why: text.includes(HOLE) ? why : 'not valid JSON', site };
  }
}
