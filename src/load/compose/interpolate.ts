/**
 * Compose variable substitution in one string, following compose-go's `template` package:
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
 * `${VAR:+alternative}`, `${VAR+alternative}`, nested expressions in the default/alternative/error
 * text, and `$$` for a literal `$`. Names are `[A-Za-z_][A-Za-z0-9_]*`.
 *
 * One deliberate difference: the text after an operator is evaluated only when it is used, so an
 * unset variable in an unused default does not produce a warning.
 */

/** Returns the value of a variable, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export interface Substituted {
  readonly ok: true;
  readonly value: string;
  /** Every variable looked up, in order of first use. */
  readonly variables: readonly string[];
  /** Variables used without a default while unset; each became an empty string. */
  readonly unset: readonly string[];
}

export interface SubstitutionFailed {
  readonly ok: false;
  readonly error: { readonly kind: 'required'; readonly variable: string; readonly message: string } | { readonly kind: 'syntax' } | { readonly kind: 'too-deep'; readonly limit: number };
}

/** Real files nest two or three levels (`${A:-${B:-x}}`); each level is a recursion. */
export const MAX_INTERPOLATION_DEPTH = 20;

export function substitute(template: string, lookup: Lookup): Substituted | SubstitutionFailed {
  const state: State = { lookup, variables: [], unset: [], depth: 0 };
  try {
    const value = expand(template, state);
    return { ok: true, value, variables: state.variables, unset: state.unset };
  } catch (error) {
    if (error instanceof SubstitutionError) return { ok: false, error: error.detail };
    throw error;
  }
}

export function containsInterpolation(text: string): boolean {
  return text.includes('$');
}

interface State {
  readonly lookup: Lookup;
  readonly variables: string[];
  readonly unset: string[];
  /** Nesting of the expression being expanded. */
  depth: number;
}

class SubstitutionError extends Error {
  constructor(readonly detail: SubstitutionFailed['error']) {
    super(detail.kind);
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;
type Operator = (typeof OPERATORS)[number];

function expand(template: string, state: State): string {
  if (state.depth > MAX_INTERPOLATION_DEPTH) throw new SubstitutionError({ kind: 'too-deep', limit: MAX_INTERPOLATION_DEPTH });
  let out = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    if (char !== '$') {
      out += char;
      i++;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next !== undefined && NAME_START.test(next)) {
      const name = NAME.exec(template.slice(i + 1))?.[0] ?? '';
      out += read(name, state, true);
      i += 1 + name.length;
    } else if (next === '{') {
      const close = closingBrace(template, i);
      if (close < 0) throw new SubstitutionError({ kind: 'syntax' });
      out += expandBraced(template.slice(i + 2, close), state);
      i = close + 1;
    } else {
      throw new SubstitutionError({ kind: 'syntax' });
    }
  }
  return out;
}

function expandBraced(body: string, state: State): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw new SubstitutionError({ kind: 'syntax' });
  const rest = body.slice(name.length);
  if (rest === '') return read(name, state, true);
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  if (operator === undefined) throw new SubstitutionError({ kind: 'syntax' });
  state.depth++;
  try {
    return applyOperator(name, operator, rest.slice(operator.length), state);
  } finally {
    state.depth--;
  }
}

function applyOperator(name: string, operator: Operator, argument: string, state: State): string {
  const value = read(name, state, false);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (operator) {
    case ':-':
      return nonEmpty ? value : expand(argument, state);
    case '-':
      return set ? value : expand(argument, state);
    case ':+':
      return nonEmpty ? expand(argument, state) : (value ?? '');
    case '+':
      return set ? expand(argument, state) : '';
    case ':?':
    case '?': {
      if (operator === ':?' ? nonEmpty : set) return value ?? '';
      throw new SubstitutionError({ kind: 'required', variable: name, message: expand(argument, state) });
    }
  }
}

/** Looks a variable up and records it; `warnIfUnset` for plain references, which default to "". */
function read(name: string, state: State, warnIfUnset: true): string;
function read(name: string, state: State, warnIfUnset: false): string | undefined;
function read(name: string, state: State, warnIfUnset: boolean): string | undefined {
  if (!state.variables.includes(name)) state.variables.push(name);
  const value = state.lookup(name);
  if (value === undefined && warnIfUnset) {
    if (!state.unset.includes(name)) state.unset.push(name);
    return '';
  }
  return value;
}

/** Index of the `}` closing the `${` at `start`, counting nested `${`, as compose-go does. */
function closingBrace(template: string, start: number): number {
  let depth = 0;
  for (let i = start; i < template.length; i++) {
    if (template[i] === '}') {
      depth--;
      if (depth === 0) return i;
    } else if (template.startsWith('${', i)) {
      depth++;
      i++;
    }
  }
  return -1;
}
