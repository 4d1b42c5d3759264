/** `jsonencode` exactly as Terraform writes it: keys sorted, no spaces, `<`, `>`, `&` escaped as Go does. */
import { isList, isObject, numberToString, sortedKeys, type Value } from './values.js';

export function jsonEncode(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'string') return quote(value);
  if (isList(value)) return `[${value.map(jsonEncode).join(',')}]`;
  if (isObject(value)) return `{${sortedKeys(value).map((key) => `${quote(key)}:${jsonEncode(value[key]!)}`).join(',')}}`;
  return 'null';
}

const GO_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function quote(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}

/** `jsondecode`: numbers stay numbers, objects become objects. */
export function jsonDecode(text: string): Value {
  return JSON.parse(text) as Value;
}
