/** The instances `count` or `for_each` give a resource or module call, as Terraform expands them. */
import type { Expr } from '../hcl/index.js';
import type { EvalScope } from './eval/evaluate.js';
import type { Value } from './eval/values.js';
import type { MetaArguments } from './module-index.js';
import type { Unknown } from './stack/stack.js';

export interface Instance {
  /** `''`, `[0]` or `["key"]`: appended to the address. */
  readonly suffix: string;
  readonly key?: string | number;
  readonly scope: EvalScope;
}

type Evaluator = (expr: Expr, scope: EvalScope) => { known: true; value: Value } | { known: false; why: string };

export function expandInstances(meta: MetaArguments, scope: EvalScope, evaluate: Evaluator): readonly Instance[] | Unknown {
  if (meta.count) {
    const count = evaluate(meta.count.expr, scope);
    if (!count.known) return { unknown: `count: ${count.why}` };
    const n = typeof count.value === 'number' ? count.value : Number(count.value);
    if (!Number.isInteger(n) || n < 0) return { unknown: `count is ${JSON.stringify(count.value)}, not a whole number` };
    return Array.from({ length: n }, (_, index) => ({ suffix: `[${index}]`, key: index, scope: { ...scope, count: { index } } }));
  }
  if (meta.forEach) {
    const collection = evaluate(meta.forEach.expr, scope);
    if (!collection.known) return { unknown: `for_each: ${collection.why}` };
    const entries = forEachEntries(collection.value);
    if (!entries) return { unknown: 'for_each is neither a map nor a set of strings' };
    return entries.map(([key, value]) => ({ suffix: `[${JSON.stringify(key)}]`, key, scope: { ...scope, each: { key, value } } }));
  }
  return [{ suffix: '', scope }];
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
