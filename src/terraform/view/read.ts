/**
 * Three-valued readers over located values: a rule gets the value, `undefined` when it is absent
 * (or `null`, which Terraform treats as absent), or `Unknown` when it cannot be known offline or
 * has a type the rule cannot judge. Rules stay silent on `Unknown`: they never guess.
 */
import { Unknown, type Read } from '../unknown.js';
import { HOLE, type Located } from './located.js';

/** Why a located value cannot be read as `wanted`. */
function unreadable(node: Located, wanted: string): Unknown {
  return new Unknown(node.kind === 'unknown' ? node.why : `a ${node.kind === 'scalar' ? typeof node.value : node.kind}, not ${wanted}`);
}

/** A string; numbers and bools convert as Terraform converts them. */
export function str(node: Located | undefined): Read<string> {
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar') return unreadable(node, 'a string');
  if (node.value === null) return undefined;
  return String(node.value);
}

/** A bool; `"true"` and `"false"` convert as Terraform converts them. */
export function bool(node: Located | undefined): Read<boolean> {
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar') return unreadable(node, 'a bool');
  if (node.value === null) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true') return true;
  if (node.value === 'false') return false;
  return unreadable(node, 'a bool');
}

export function num(node: Located | undefined): Read<number> {
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar') return unreadable(node, 'a number');
  if (node.value === null) return undefined;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value === 'string' && node.value.trim() !== '' && !Number.isNaN(Number(node.value))) return Number(node.value);
  return unreadable(node, 'a number');
}

/** A member of an object; an unknown object's members are unknown. */
export function member(node: Located | undefined, key: string): Located | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'unknown') return node;
  if (node.kind !== 'object') return undefined;
  return node.entries.get(key);
}

/** The items of a list (or set, or tuple). */
export function items(node: Located | undefined): Read<readonly Located[]> {
  if (node === undefined) return undefined;
  if (node.kind === 'list') return node.items;
  if (node.kind === 'scalar' && node.value === null) return undefined;
  return unreadable(node, 'a list');
}

/** IAM JSON style: a single value or a list of them. */
export function oneOrMany(node: Located | undefined): Read<readonly Located[]> {
  if (node === undefined) return undefined;
  if (node.kind === 'list') return node.items;
  if (node.kind === 'scalar') return node.value === null ? undefined : [node];
  return unreadable(node, 'a value or a list');
}

/**
 * A string's text with `HOLE` for each unknown part, or `Unknown` when nothing of it is known.
 * For matching shapes such as `...:latest` or `arn:aws:secretsmanager:<hole>:*:secret:...`.
 */
export function partialText(node: Located | undefined): Read<string> {
  if (node === undefined) return undefined;
  if (node.kind === 'unknown') return node.text ?? new Unknown(node.why);
  return str(node);
}

export function hasHole(text: string): boolean {
  return text.includes(HOLE);
}
