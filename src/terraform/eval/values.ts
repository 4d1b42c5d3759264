/**
 * Values the evaluator computes, as plain JSON-like data: lists (and sets, kept as arrays) and
 * objects (maps and objects alike). Unknown values (`../unknown.ts`) and evaluation errors are
 * thrown, so every operation either has all its inputs known or stops.
 */

export type Value = null | boolean | number | string | readonly Value[] | ObjectValue;

export interface ObjectValue {
  readonly [key: string]: Value;
}

/** A value Terraform would reject (wrong type, missing key, ...). `try()` and `can()` catch these. */
export class EvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationError';
  }
}

export function isList(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

export function isObject(value: Value): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return isList(value) ? 'list' : 'object';
}

/** Own property lookup: `constructor` or `__proto__` keys never reach Object.prototype. */
export function getOwn(object: ObjectValue, key: string): Value | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function objectFrom(entries: Iterable<readonly [string, Value]>): ObjectValue {
  return Object.fromEntries(entries) as ObjectValue;
}

/** How Terraform prints a number: integers without a fraction or exponent. */
export function numberToString(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  return String(value);
}

/** Terraform's automatic conversion to string (numbers and bools convert; null and collections do not). */
export function asString(value: Value, what = 'value'): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new EvaluationError(`Invalid ${what}: a string is required, got ${typeName(value)}.`);
}

export function asNumber(value: Value, what = 'value'): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  throw new EvaluationError(`Invalid ${what}: a number is required, got ${typeName(value)}.`);
}

export function asBool(value: Value, what = 'value'): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new EvaluationError(`Invalid ${what}: a bool is required, got ${typeName(value)}.`);
}

export function asList(value: Value, what = 'value'): readonly Value[] {
  if (isList(value)) return value;
  throw new EvaluationError(`Invalid ${what}: a list is required, got ${typeName(value)}.`);
}

export function asObject(value: Value, what = 'value'): ObjectValue {
  if (isObject(value)) return value;
  throw new EvaluationError(`Invalid ${what}: a map or object is required, got ${typeName(value)}.`);
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (isList(a) && isList(b)) return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]!));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key]!, b[key]!));
  }
  return false;
}

/** Sorted keys, as Terraform iterates maps and objects. */
export function sortedKeys(object: ObjectValue): string[] {
  return Object.keys(object).sort(compareStrings);
}

/** Byte-wise (code unit) order, as Go sorts strings; not locale order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `toset`: distinct elements; strings and numbers in Terraform's set order. */
export function toSet(items: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const item of items) if (!out.some((existing) => valuesEqual(existing, item))) out.push(item);
  if (out.every((item) => typeof item === 'string')) return (out as string[]).sort(compareStrings);
  if (out.every((item) => typeof item === 'number')) return (out as number[]).sort((x, y) => x - y);
  return out;
}
