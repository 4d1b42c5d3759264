/**
 * The instances `count` or `for_each` give a resource or module call, as Terraform expands them:
 * `count = 2` gives two, `for_each` one per key, `count = 0` or an empty `for_each` none. When
 * the number or the keys cannot be known offline, the answer is `Unknown` with the reason.
 */
import type { Expr } from '../hcl/index.js';
import { evaluate, type EvalScope } from './eval/evaluate.js';
import type { Value } from './eval/values.js';
import type { MetaArguments } from './module-index.js';
import { isUnknown, Unknown } from './unknown.js';

export interface Instance {
  /** `0` or `"key"`; undefined without `count`/`for_each`. */
  readonly key?: string | number;
  /** The scope expressions of this instance evaluate in: `count.index` or `each.*` bound. */
  readonly scope: EvalScope;
}

/** Evaluates the meta-arguments; a caller may pass its own (the stack names unknown call arguments). */
export type Evaluator = (expr: Expr, scope: EvalScope) => Value | Unknown;

export function expandInstances(meta: MetaArguments, scope: EvalScope, evaluator: Evaluator = evaluate): readonly Instance[] | Unknown {
  if (meta.count) {
    const count = evaluator(meta.count.expr, scope);
    if (isUnknown(count)) return new Unknown(`count: ${count.why}`);
    // Terraform converts a numeric string; nothing else.
    const n = typeof count === 'number' ? count : typeof count === 'string' && count.trim() !== '' ? Number(count) : Number.NaN;
    if (!Number.isInteger(n) || n < 0) return new Unknown(`count is ${JSON.stringify(count)}, not a whole number`);
    return Array.from({ length: n }, (_, index) => ({ key: index, scope: { ...scope, count: { index } } }));
  }
  if (meta.forEach) {
    const collection = evaluator(meta.forEach.expr, scope);
    if (isUnknown(collection)) return new Unknown(`for_each: ${collection.why}`);
    const entries = forEachEntries(collection);
    if (!entries) return new Unknown('for_each is neither a map nor a set of strings');
    return entries.map(([key, value]) => ({ key, scope: { ...scope, each: { key, value } } }));
  }
  return [{ scope }];
}

/** `aws_lb.main`, `aws_subnet.public[0]`, `aws_ecr_repository.services["api"]`. */
export function instanceAddress(address: string, key: number | string | undefined): string {
  if (key === undefined) return address;
  return typeof key === 'number' ? `${address}[${key}]` : `${address}[${JSON.stringify(key)}]`;
}

/** Key/value pairs of a `for_each` value: a map's sorted entries, or a set's strings (key = value). */
function forEachEntries(value: Value): [string, Value][] | undefined {
  if (Array.isArray(value)) {
    const items = value as readonly Value[];
    if (!items.every((item): item is string => typeof item === 'string')) return undefined;
    return [...new Set(items)].sort().map((item) => [item, item]);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value)
      .sort()
      .map((key) => [key, (value as Readonly<Record<string, Value>>)[key]!]);
  }
  return undefined;
}
