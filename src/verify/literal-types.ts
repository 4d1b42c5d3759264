/**
 * Type checks of literal values against a schema type, with Terraform's conversion rules: numbers
 * and booleans convert to strings, numeric strings to numbers, "true"/"false" to booleans; a
 * tuple converts to a list or set, an object to a map or object. Anything whose type is not
 * evident from its syntax (references, function calls, operators) is not judged.
 */
import type { Expr, Range } from '../hcl/index.js';
import { formatType, isInterpolationOnly, literalString, objectEntries, type TypeSpec } from '../terraform/index.js';

export interface TypeMismatch {
  /** e.g. `a number is required, got the string "two"`. */
  readonly message: string;
  /** The offending (sub)expression. */
  readonly range?: Range | undefined;
}

export function literalMismatch(expr: Expr, type: TypeSpec): TypeMismatch | undefined {
  if (type === 'dynamic') return undefined;
  switch (expr.kind) {
    case 'paren':
      return literalMismatch(expr.inner, type);
    case 'literal':
      return literalValueMismatch(expr, type);
    case 'template':
      return templateMismatch(expr, type);
    case 'tuple': {
      const element = typeof type === 'string' ? undefined : 'list' in type ? type.list : 'set' in type ? type.set : undefined;
      if (element === undefined) return mismatch(type, 'a tuple', expr);
      for (const item of expr.items) {
        const problem = literalMismatch(item, element);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'object': {
      if (typeof type === 'string' || 'list' in type || 'set' in type) return mismatch(type, 'an object', expr);
      for (const { name, value } of objectEntries(expr)) {
        const field = 'map' in type ? type.map : Object.hasOwn(type.object, name) ? type.object[name] : undefined;
        const problem = field === undefined ? undefined : literalMismatch(value, field);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'for': {
      if (expr.result === 'tuple') {
        return typeof type !== 'string' && ('list' in type || 'set' in type) ? undefined : mismatch(type, 'a tuple', expr);
      }
      return typeof type !== 'string' && ('map' in type || 'object' in type) ? undefined : mismatch(type, 'an object', expr);
    }
    default:
      return undefined;
  }
}

function literalValueMismatch(expr: Extract<Expr, { kind: 'literal' }>, type: TypeSpec): TypeMismatch | undefined {
  const { value } = expr;
  if (value === null || type === 'string') return undefined;
  if (typeof value === 'number') return type === 'number' ? undefined : mismatch(type, `the number ${expr.raw ?? value}`, expr);
  return type === 'bool' ? undefined : mismatch(type, `the bool ${value}`, expr);
}

function templateMismatch(expr: Extract<Expr, { kind: 'template' }>, type: TypeSpec): TypeMismatch | undefined {
  // `"${x}"` yields x itself, of whatever type x has.
  if (isInterpolationOnly(expr)) return undefined;
  if (typeof type !== 'string') return mismatch(type, 'a string', expr);
  const text = literalString(expr);
  if (text === undefined || type === 'string') return undefined;
  if (type === 'number') return NUMERIC.test(text) ? undefined : mismatch(type, `the string ${JSON.stringify(text)}`, expr);
  return BOOLEAN_STRINGS.has(text) ? undefined : mismatch(type, `the string ${JSON.stringify(text)}`, expr);
}

/** What cty's string-to-number conversion accepts. */
const NUMERIC = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN_STRINGS: ReadonlySet<string> = new Set(['true', 'false', '1', '0']);

function mismatch(type: TypeSpec, got: string, expr: Expr): TypeMismatch {
  return { message: `${describeType(type)} is required, got ${got}`, range: expr.range };
}

function describeType(type: TypeSpec): string {
  if (type === 'number') return 'a number';
  if (type === 'bool') return 'a bool';
  if (type === 'string') return 'a string';
  if (typeof type !== 'string') {
    if ('object' in type) return 'an object';
    const kind = 'list' in type ? 'list' : 'set' in type ? 'set' : 'map';
    const element = 'list' in type ? type.list : 'set' in type ? type.set : type.map;
    return element === 'dynamic' ? `a ${kind}` : `a ${kind} (${formatType(type)})`;
  }
  return formatType(type);
}
