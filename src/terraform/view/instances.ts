/**
 * The instances a resource block declares, as the module is configured (variables at their
 * defaults): `count = 2` gives two, `for_each` one per key, `count = 0` or an empty `for_each`
 * none at all (the resource is not created, so nothing about it is reported). When the count or
 * the keys are only known after apply, one instance stands for all of them, with `count.index`
 * and `each.*` unknown, so only what holds for every instance is judged.
 */
import { evaluate } from '../eval/evaluate.js';
import type { EvalScope } from '../eval/evaluate.js';
import type { Value } from '../eval/values.js';
import type { ModuleIndex, ResourceDecl } from '../module-index.js';

export interface InstanceScope {
  /** `0` or `"key"`; undefined for a resource without count/for_each, or with unknown ones. */
  readonly key?: number | string;
  readonly scope: EvalScope;
}

/** More instances than this are judged by the first ones: the findings are the same in practice. */
export const INSTANCE_LIMIT = 64;

export function expandInstances(decl: ResourceDecl, module: ModuleIndex): InstanceScope[] {
  const base: EvalScope = { module };
  if (decl.meta.count) {
    const count = evaluate(decl.meta.count.expr, base);
    if (!count.known || typeof count.value !== 'number' || !Number.isInteger(count.value) || count.value < 0) return [{ scope: base }];
    return Array.from({ length: Math.min(count.value, INSTANCE_LIMIT) }, (_, index) => ({ key: index, scope: { module, count: { index } } }));
  }
  if (decl.meta.forEach) {
    const forEach = evaluate(decl.meta.forEach.expr, base);
    const entries = forEach.known ? forEachEntries(forEach.value) : undefined;
    if (!entries) return [{ scope: base }];
    return entries.slice(0, INSTANCE_LIMIT).map(([key, value]) => ({ key, scope: { module, each: { key, value } } }));
  }
  return [{ scope: base }];
}

/** `for_each` takes a map (key, value) or a set of strings (each key is its value). */
function forEachEntries(value: Value): [string, Value][] | undefined {
  if (Array.isArray(value)) {
    const keys = value as readonly Value[];
    if (!keys.every((key): key is string => typeof key === 'string')) return undefined;
    return [...new Set(keys)].sort().map((key) => [key, key]);
  }
  if (value !== null && typeof value === 'object') return Object.keys(value).sort().map((key) => [key, (value as Record<string, Value>)[key] ?? null]);
  return undefined;
}

/** `aws_lb.main`, `aws_subnet.public[0]`, `aws_ecr_repository.services["api"]`. */
export function instanceAddress(address: string, key: number | string | undefined): string {
  if (key === undefined) return address;
  return typeof key === 'number' ? `${address}[${key}]` : `${address}[${JSON.stringify(key)}]`;
}
