/**
 * The Terraform functions the evaluator knows, on known values. `try` and `can` need their
 * arguments unevaluated and live in the evaluator; functions that read files or the clock
 * (`file`, `templatefile`, `timestamp`, ...) are not here, so calls to them evaluate to unknown.
 */
import { createHash } from 'node:crypto';
import { cidrHost, cidrSubnet } from './cidr.js';
import { formatValues } from './format.js';
import { jsonDecode, jsonEncode } from './json.js';
import {
  asBool,
  asList,
  asNumber,
  asObject,
  asString,
  EvaluationError,
  getOwn,
  isList,
  isObject,
  objectFrom,
  sortedKeys,
  toSet,
  typeName,
  valuesEqual,
  type ObjectValue,
  type Value,
} from './values.js';

export type TerraformFunction = (args: readonly Value[]) => Value;

function arity(name: string, args: readonly Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    throw new EvaluationError(`${name}: expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}.`);
  }
}

function arg(args: readonly Value[], index: number): Value {
  return args[index] ?? null;
}

function fn(name: string, min: number, max: number, body: (args: readonly Value[]) => Value): [string, TerraformFunction] {
  return [
    name,
    (args) => {
      arity(name, args, min, max);
      return body(args);
    },
  ];
}

function flattenList(list: readonly Value[]): Value[] {
  return list.flatMap((item) => (isList(item) ? flattenList(item) : [item]));
}

function numbers(name: string, args: readonly Value[]): number[] {
  if (args.length === 0) throw new EvaluationError(`${name}: at least one argument is required.`);
  return args.map((a) => asNumber(a, `${name} argument`));
}

function lengthOf(value: Value): number {
  if (typeof value === 'string') return [...value].length;
  if (isList(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  throw new EvaluationError(`length: a collection or string is required, got ${typeName(value)}.`);
}

/** `replace`: a substring, or a regular expression written `/.../`. */
function replaceText(text: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    // Go's `${1}`/`$1` references read the same in JavaScript.
    return text.replace(new RegExp(search.slice(1, -1), 'g'), replacement.replace(/\$\{(\d+)\}/g, '$$$1'));
  }
  return text.split(search).join(replacement);
}

function range(args: readonly Value[]): Value {
  const [start, limit, step] = args.length === 1 ? [0, asNumber(arg(args, 0)), 1] : [asNumber(arg(args, 0)), asNumber(arg(args, 1)), args.length > 2 ? asNumber(arg(args, 2)) : 1];
  if (step === 0) throw new EvaluationError('range: step must not be zero.');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < limit : i > limit; i += step) {
    out.push(i);
    if (out.length > 1024) throw new EvaluationError('range: more than 1024 elements.');
  }
  return out;
}

function merge(args: readonly Value[]): Value {
  const out: Record<string, Value> = {};
  for (const value of args) {
    if (value === null) continue;
    const object = asObject(value, 'merge argument');
    for (const key of Object.keys(object)) out[key] = object[key]!;
  }
  return objectFrom(Object.entries(out));
}

function lookup(args: readonly Value[]): Value {
  const object = asObject(arg(args, 0), 'lookup map');
  const found = getOwn(object, asString(arg(args, 1)));
  if (found !== undefined) return found;
  if (args.length > 2) return arg(args, 2);
  throw new EvaluationError(`lookup: the map has no key "${asString(arg(args, 1))}" and no default was given.`);
}

function element(args: readonly Value[]): Value {
  const list = asList(arg(args, 0));
  if (list.length === 0) throw new EvaluationError('element: cannot use element on an empty list.');
  const index = Math.trunc(asNumber(arg(args, 1)));
  if (index < 0) throw new EvaluationError('element: index must not be negative.');
  return list[index % list.length]!;
}

function slice(args: readonly Value[]): Value {
  const list = asList(arg(args, 0));
  const start = asNumber(arg(args, 1));
  const end = asNumber(arg(args, 2));
  if (start < 0 || end > list.length || start > end) throw new EvaluationError(`slice: indexes ${start}..${end} are out of range for ${list.length} elements.`);
  return list.slice(start, end);
}

function zipmap(args: readonly Value[]): Value {
  const keys = asList(arg(args, 0)).map((k) => asString(k));
  const values = asList(arg(args, 1));
  if (keys.length !== values.length) throw new EvaluationError('zipmap: the lists must have the same length.');
  return objectFrom(keys.map((key, i) => [key, values[i]!] as const));
}

function coalesce(args: readonly Value[]): Value {
  for (const value of args) if (value !== null && value !== '') return value;
  throw new EvaluationError('coalesce: no non-null, non-empty argument.');
}

function tomap(value: Value): ObjectValue {
  return asObject(value);
}

function one(value: Value): Value {
  const list = asList(value);
  if (list.length > 1) throw new EvaluationError('one: the list has more than one element.');
  return list[0] ?? null;
}

function sortStrings(value: Value): Value {
  return asList(value)
    .map((v) => asString(v))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `trim(text, chars)`: every character of `chars` removed from both ends. */
function trimChars(text: string, chars: string): string {
  const set = new Set([...chars]);
  const list = [...text];
  let start = 0;
  let end = list.length;
  while (start < end && set.has(list[start]!)) start++;
  while (end > start && set.has(list[end - 1]!)) end--;
  return list.slice(start, end).join('');
}

function substr(args: readonly Value[]): Value {
  const chars = [...asString(arg(args, 0))];
  let offset = asNumber(arg(args, 1));
  let length = asNumber(arg(args, 2));
  if (offset < 0) offset = chars.length + offset;
  if (length < 0) length = chars.length - offset;
  return chars.slice(offset, offset + length).join('');
}

export const FUNCTIONS: ReadonlyMap<string, TerraformFunction> = new Map<string, TerraformFunction>([
  fn('jsonencode', 1, 1, (a) => jsonEncode(arg(a, 0))),
  fn('jsondecode', 1, 1, (a) => jsonDecode(asString(arg(a, 0)))),
  fn('merge', 0, Infinity, merge),
  fn('concat', 0, Infinity, (a) => a.flatMap((list) => asList(list, 'concat argument'))),
  fn('toset', 1, 1, (a) => toSet(asList(arg(a, 0)))),
  fn('tolist', 1, 1, (a) => asList(arg(a, 0))),
  fn('tomap', 1, 1, (a) => tomap(arg(a, 0))),
  fn('tostring', 1, 1, (a) => (arg(a, 0) === null ? null : asString(arg(a, 0)))),
  fn('tonumber', 1, 1, (a) => (arg(a, 0) === null ? null : asNumber(arg(a, 0)))),
  fn('tobool', 1, 1, (a) => (arg(a, 0) === null ? null : asBool(arg(a, 0)))),
  fn('length', 1, 1, (a) => lengthOf(arg(a, 0))),
  fn('lookup', 2, 3, lookup),
  fn('contains', 2, 2, (a) => asList(arg(a, 0)).some((item) => valuesEqual(item, arg(a, 1)))),
  fn('keys', 1, 1, (a) => sortedKeys(asObject(arg(a, 0)))),
  fn('values', 1, 1, (a) => {
    const object = asObject(arg(a, 0));
    return sortedKeys(object).map((key) => object[key]!);
  }),
  fn('format', 1, Infinity, (a) => formatValues(asString(arg(a, 0)), a.slice(1))),
  fn('join', 2, Infinity, (a) => a.slice(1).flatMap((list) => asList(list)).map((v) => asString(v)).join(asString(arg(a, 0)))),
  fn('split', 2, 2, (a) => asString(arg(a, 1)).split(asString(arg(a, 0)))),
  fn('lower', 1, 1, (a) => asString(arg(a, 0)).toLowerCase()),
  fn('upper', 1, 1, (a) => asString(arg(a, 0)).toUpperCase()),
  fn('title', 1, 1, (a) => asString(arg(a, 0)).replace(/\b\w/g, (c) => c.toUpperCase())),
  fn('replace', 3, 3, (a) => replaceText(asString(arg(a, 0)), asString(arg(a, 1)), asString(arg(a, 2)))),
  fn('trimspace', 1, 1, (a) => asString(arg(a, 0)).trim()),
  fn('trimprefix', 2, 2, (a) => {
    const [text, prefix] = [asString(arg(a, 0)), asString(arg(a, 1))];
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  }),
  fn('trimsuffix', 2, 2, (a) => {
    const [text, suffix] = [asString(arg(a, 0)), asString(arg(a, 1))];
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  }),
  fn('startswith', 2, 2, (a) => asString(arg(a, 0)).startsWith(asString(arg(a, 1)))),
  fn('endswith', 2, 2, (a) => asString(arg(a, 0)).endsWith(asString(arg(a, 1)))),
  fn('strcontains', 2, 2, (a) => asString(arg(a, 0)).includes(asString(arg(a, 1)))),
  fn('substr', 3, 3, substr),
  fn('trim', 2, 2, (a) => trimChars(asString(arg(a, 0)), asString(arg(a, 1)))),
  fn('sha1', 1, 1, (a) => createHash('sha1').update(asString(arg(a, 0)), 'utf8').digest('hex')),
  fn('coalesce', 1, Infinity, coalesce),
  fn('coalescelist', 1, Infinity, (a) => a.find((list) => asList(list).length > 0) ?? []),
  fn('compact', 1, 1, (a) => asList(arg(a, 0)).filter((v) => v !== null && v !== '')),
  fn('element', 2, 2, element),
  fn('one', 1, 1, (a) => one(arg(a, 0))),
  fn('range', 1, 3, range),
  fn('min', 1, Infinity, (a) => Math.min(...numbers('min', a))),
  fn('max', 1, Infinity, (a) => Math.max(...numbers('max', a))),
  fn('sum', 1, 1, (a) => asList(arg(a, 0)).reduce<number>((total, v) => total + asNumber(v), 0)),
  fn('abs', 1, 1, (a) => Math.abs(asNumber(arg(a, 0)))),
  fn('ceil', 1, 1, (a) => Math.ceil(asNumber(arg(a, 0)))),
  fn('floor', 1, 1, (a) => Math.floor(asNumber(arg(a, 0)))),
  fn('flatten', 1, 1, (a) => flattenList(asList(arg(a, 0)))),
  fn('distinct', 1, 1, (a) => asList(arg(a, 0)).filter((v, i, list) => list.findIndex((w) => valuesEqual(v, w)) === i)),
  fn('reverse', 1, 1, (a) => [...asList(arg(a, 0))].reverse()),
  fn('sort', 1, 1, (a) => sortStrings(arg(a, 0))),
  fn('slice', 3, 3, slice),
  fn('zipmap', 2, 2, zipmap),
  fn('alltrue', 1, 1, (a) => asList(arg(a, 0)).every((v) => asBool(v))),
  fn('anytrue', 1, 1, (a) => asList(arg(a, 0)).some((v) => asBool(v))),
  fn('cidrsubnet', 3, 3, (a) => cidrSubnet(asString(arg(a, 0)), asNumber(arg(a, 1)), asNumber(arg(a, 2)))),
  fn('cidrhost', 2, 2, (a) => cidrHost(asString(arg(a, 0)), asNumber(arg(a, 1)))),
]);
