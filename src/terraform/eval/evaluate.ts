/**
 * A small evaluator for Terraform expressions, for consumers that need values rather than syntax
 * (security rules reading `cidr_blocks`, cost estimates reading `desired_count`, diagrams reading
 * `for_each` keys). It knows literals, templates, variables (supplied values, else defaults),
 * locals (recursively, guarded against cycles), `count.index`/`each.*` when given, operators,
 * conditionals, `for` expressions, splats and common functions. Anything depending on a resource,
 * data source or module output is unknown, with the reason.
 */
import type { Expr, TemplatePart, TraversalStep } from '../../hcl/index.js';
import type { ModuleIndex } from '../module-index.js';
import { Unknown } from '../unknown.js';
import { FUNCTIONS } from './functions.js';
import {
  asBool,
  asList,
  asNumber,
  asString,
  EvaluationError,
  getOwn,
  isList,
  isObject,
  objectFrom,
  sortedKeys,
  typeName,
  valuesEqual,
  type Value,
} from './values.js';

export interface EvalScope {
  /** The module whose variables (defaults) and locals references resolve against. */
  readonly module?: ModuleIndex;
  /** Variable values, overriding defaults, as a tfvars file would. */
  readonly variables?: Readonly<Record<string, Value>>;
  readonly count?: { readonly index: number };
  readonly each?: { readonly key: string; readonly value: Value };
  readonly path?: { readonly module?: string; readonly root?: string; readonly cwd?: string };
  readonly workspace?: string;
}

/** The value of `expr`, or why it is unknown (`error` set when Terraform itself would fail). */
export function evaluate(expr: Expr, scope: EvalScope = {}): Value | Unknown {
  try {
    return new Evaluator(scope).eval(expr, rootEnv(scope));
  } catch (thrown) {
    if (thrown instanceof Unknown) return thrown;
    if (thrown instanceof EvaluationError) return new Unknown(thrown.message, true);
    throw thrown;
  }
}

/** Names an expression sees besides module-level ones: `for` variables, `count`, `each`. */
interface Env {
  readonly names: ReadonlyMap<string, Value>;
  readonly count?: { readonly index: number } | undefined;
  readonly each?: { readonly key: string; readonly value: Value } | undefined;
}

function rootEnv(scope: EvalScope): Env {
  return { names: new Map(), count: scope.count, each: scope.each };
}

const MODULE_ENV: Env = { names: new Map() };

type Settled = { readonly value: Value } | { readonly thrown: Unknown | EvaluationError };

class Evaluator {
  private readonly locals = new Map<string, Settled>();
  private readonly evaluatingLocals = new Set<string>();

  constructor(private readonly scope: EvalScope) {}

  eval(expr: Expr, env: Env): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr.parts, env, expr.heredoc === undefined);
      case 'traversal':
        return this.applySteps(this.root(expr.root, expr.steps, env), expr.steps.slice(this.stepsConsumedByRoot(expr.root, env)), env);
      case 'getattr':
        return attribute(this.eval(expr.target, env), expr.name);
      case 'index':
        return indexValue(this.eval(expr.target, env), this.eval(expr.key, env));
      case 'splat': {
        const target = this.eval(expr.target, env);
        const items = target === null ? [] : isList(target) ? target : [target];
        return items.map((item) => this.applySteps(item, expr.steps, env));
      }
      case 'call':
        return this.call(expr, env);
      case 'tuple':
        return expr.items.map((item) => this.eval(item, env));
      case 'object':
        return objectFrom(expr.items.map((item) => [this.objectKey(item.key, env), this.eval(item.value, env)] as const));
      case 'for':
        return this.forExpr(expr, env);
      case 'conditional':
        return asBool(this.eval(expr.cond, env), 'condition') ? this.eval(expr.then, env) : this.eval(expr.else, env);
      case 'binary':
        return binary(expr.op, this.eval(expr.left, env), this.eval(expr.right, env));
      case 'unary': {
        const operand = this.eval(expr.operand, env);
        return expr.op === '!' ? !asBool(operand) : -asNumber(operand);
      }
      case 'paren':
        return this.eval(expr.inner, env);
    }
  }

  // ------------------------------------------------------------------------- names

  /** How many leading steps the root itself consumes (`var.x` consumes `.x`). */
  private stepsConsumedByRoot(root: string, env: Env): number {
    if (env.names.has(root)) return 0;
    return ['var', 'local', 'count', 'each', 'path', 'terraform'].includes(root) ? 1 : 0;
  }

  private root(root: string, steps: readonly TraversalStep[], env: Env): Value {
    const bound = env.names.get(root);
    if (bound !== undefined || env.names.has(root)) return bound ?? null;
    const first = steps[0];
    const name = first?.kind === 'attr' ? first.name : undefined;
    switch (root) {
      case 'var':
        return this.variable(requireName(root, name));
      case 'local':
        return this.local(requireName(root, name));
      case 'count':
        if (!env.count) throw new Unknown('count.index is only known inside a counted resource');
        if (name !== 'index') throw new EvaluationError(`count has no attribute "${name ?? ''}".`);
        return env.count.index;
      case 'each':
        if (!env.each) throw new Unknown(`each.${name ?? ''} is only known inside a for_each resource`);
        if (name === 'key') return env.each.key;
        if (name === 'value') return env.each.value;
        throw new EvaluationError(`each has no attribute "${name ?? ''}".`);
      case 'path': {
        const value = name === 'module' || name === 'root' || name === 'cwd' ? this.scope.path?.[name] : undefined;
        if (value === undefined) throw new Unknown(`path.${name ?? ''} was not supplied`);
        return value;
      }
      case 'terraform':
        if (name === 'workspace' && this.scope.workspace !== undefined) return this.scope.workspace;
        throw new Unknown(`terraform.${name ?? ''} was not supplied`);
      default:
        throw new Unknown(`${describeReference(root, steps)} is only known after apply`);
    }
  }

  private variable(name: string): Value {
    const supplied = this.scope.variables;
    if (supplied && Object.hasOwn(supplied, name)) return supplied[name]!;
    const declared = this.scope.module?.variables.get(name);
    if (!declared) throw new Unknown(`var.${name} is not declared in the module given`);
    if (!declared.default) throw new Unknown(`var.${name} has no default and no value was supplied`);
    return this.eval(declared.default, MODULE_ENV);
  }

  private local(name: string): Value {
    const settled = this.locals.get(name);
    if (settled) {
      if ('thrown' in settled) throw settled.thrown;
      return settled.value;
    }
    const declared = this.scope.module?.locals.get(name);
    if (!declared) throw new Unknown(`local.${name} is not declared in the module given`);
    if (this.evaluatingLocals.has(name)) throw new Unknown(`local.${name} depends on itself`);
    this.evaluatingLocals.add(name);
    try {
      const value = this.eval(declared.attribute.expr, MODULE_ENV);
      this.locals.set(name, { value });
      return value;
    } catch (thrown) {
      if (thrown instanceof Unknown || thrown instanceof EvaluationError) this.locals.set(name, { thrown });
      throw thrown;
    } finally {
      this.evaluatingLocals.delete(name);
    }
  }

  private applySteps(value: Value, steps: readonly TraversalStep[], env: Env): Value {
    let current = value;
    for (const step of steps) {
      current = step.kind === 'attr' ? attribute(current, step.name) : indexValue(current, this.eval(step.key, env));
    }
    return current;
  }

  private objectKey(key: Expr, env: Env): string {
    if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
    return asString(this.eval(key, env), 'object key');
  }

  // ------------------------------------------------------------------------- templates

  private template(parts: readonly TemplatePart[], env: Env, quoted: boolean): Value {
    // `"${x}"` is x itself, unconverted.
    const only = parts[0];
    if (quoted && parts.length === 1 && only?.kind === 'interpolation') return this.eval(only.expr, env);
    const out = new TemplateOutput();
    this.renderParts(parts, env, out);
    return out.text;
  }

  private renderParts(parts: readonly TemplatePart[], env: Env, out: TemplateOutput): void {
    for (const part of parts) {
      switch (part.kind) {
        case 'string':
          out.literal(part.value);
          break;
        case 'interpolation': {
          if (part.stripLeft) out.stripBefore();
          const value = this.eval(part.expr, env);
          if (value === null) throw new EvaluationError('Invalid template interpolation value: the value is null.');
          out.value(asString(value, 'template interpolation value'));
          if (part.stripRight) out.stripAfter();
          break;
        }
        case 'if': {
          if (part.strip?.open?.left) out.stripBefore();
          if (part.strip?.open?.right) out.stripAfter();
          const branch = asBool(this.eval(part.cond, env), 'template condition') ? part.then : (part.else ?? []);
          this.renderParts(branch, env, out);
          if (part.strip?.close?.left) out.stripBefore();
          if (part.strip?.close?.right) out.stripAfter();
          break;
        }
        case 'for': {
          if (part.strip?.open?.left) out.stripBefore();
          for (const [key, value] of iterate(this.eval(part.collection, env))) {
            if (part.strip?.open?.right) out.stripAfter();
            this.renderParts(part.body, bind(env, part.keyVar, key, part.valueVar, value), out);
            if (part.strip?.close?.left) out.stripBefore();
          }
          if (part.strip?.close?.right) out.stripAfter();
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------------- calls and for

  private call(expr: Extract<Expr, { kind: 'call' }>, env: Env): Value {
    if (expr.name === 'try') {
      for (const candidate of expr.args) {
        try {
          return this.eval(candidate, env);
        } catch (thrown) {
          if (!(thrown instanceof EvaluationError)) throw thrown;
        }
      }
      throw new EvaluationError('try: no argument could be evaluated without an error.');
    }
    if (expr.name === 'can') {
      const [only] = expr.args;
      if (!only || expr.args.length !== 1) throw new EvaluationError('can: expected 1 argument.');
      try {
        this.eval(only, env);
        return true;
      } catch (thrown) {
        if (thrown instanceof EvaluationError) return false;
        throw thrown;
      }
    }
    const implementation = FUNCTIONS.get(expr.name);
    if (!implementation) throw new Unknown(`${expr.name}() is not evaluated offline`);
    let args = expr.args.map((a) => this.eval(a, env));
    if (expr.expandFinal) {
      const last = args[args.length - 1] ?? null;
      args = [...args.slice(0, -1), ...asList(last, 'expanded argument')];
    }
    return implementation(args);
  }

  private forExpr(expr: Extract<Expr, { kind: 'for' }>, env: Env): Value {
    const entries: [Value, Value][] = [];
    for (const [key, value] of iterate(this.eval(expr.collection, env))) {
      const inner = bind(env, expr.keyVar, key, expr.valueVar, value);
      if (expr.cond && !asBool(this.eval(expr.cond, inner), 'for condition')) continue;
      entries.push([expr.keyExpr ? this.eval(expr.keyExpr, inner) : null, this.eval(expr.valueExpr, inner)]);
    }
    if (expr.result === 'tuple') return entries.map(([, value]) => value);
    const grouped = new Map<string, Value[]>();
    const single = new Map<string, Value>();
    for (const [key, value] of entries) {
      const name = asString(key, 'for key');
      if (expr.grouping) {
        const group = grouped.get(name);
        if (group) group.push(value);
        else grouped.set(name, [value]);
      } else {
        if (single.has(name)) throw new EvaluationError(`Duplicate object key "${name}" in for expression; use "..." to group.`);
        single.set(name, value);
      }
    }
    return objectFrom(expr.grouping ? grouped.entries() : single.entries());
  }
}

/** Collects template output; `~` strip markers trim whitespace around them. */
class TemplateOutput {
  text = '';
  private trimNext = false;

  literal(text: string): void {
    this.text += this.trimNext ? text.trimStart() : text;
    this.trimNext = this.trimNext && text.trim() === '';
  }

  value(text: string): void {
    this.text += text;
    this.trimNext = false;
  }

  stripBefore(): void {
    this.text = this.text.trimEnd();
  }

  stripAfter(): void {
    this.trimNext = true;
  }
}

function requireName(root: string, name: string | undefined): string {
  if (name === undefined) throw new EvaluationError(`"${root}" must be followed by a name.`);
  return name;
}

function describeReference(root: string, steps: readonly TraversalStep[]): string {
  const names = [root];
  for (const step of steps.slice(0, root === 'data' || root === 'ephemeral' ? 2 : 1)) if (step.kind === 'attr') names.push(step.name);
  return names.join('.');
}

function bind(env: Env, keyVar: string | undefined, key: Value, valueVar: string, value: Value): Env {
  const names = new Map(env.names);
  if (keyVar !== undefined) names.set(keyVar, key);
  names.set(valueVar, value);
  return { ...env, names };
}

/** Key/value pairs of a collection: index and element for lists, sorted keys for maps. */
function iterate(collection: Value): [Value, Value][] {
  if (isList(collection)) return collection.map((value, index) => [index, value]);
  if (isObject(collection)) return sortedKeys(collection).map((key) => [key, collection[key]!]);
  throw new EvaluationError(`Cannot iterate over ${typeName(collection)}.`);
}

function attribute(value: Value, name: string): Value {
  if (isObject(value)) {
    const found = getOwn(value, name);
    if (found === undefined) throw new EvaluationError(`Unsupported attribute: this object has no attribute "${name}".`);
    return found;
  }
  throw new EvaluationError(`Unsupported attribute "${name}": a ${typeName(value)} has no attributes.`);
}

function indexValue(value: Value, key: Value): Value {
  if (isList(value)) {
    const index = asNumber(key, 'index');
    const found = Number.isInteger(index) ? value[index] : undefined;
    if (found === undefined) throw new EvaluationError(`Invalid index ${index}: the list has ${value.length} element(s).`);
    return found;
  }
  if (isObject(value)) {
    const name = asString(key, 'key');
    const found = getOwn(value, name);
    if (found === undefined) throw new EvaluationError(`Invalid index: the map has no element for the key "${name}".`);
    return found;
  }
  throw new EvaluationError(`Cannot index a ${typeName(value)}.`);
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], left: Value, right: Value): Value {
  switch (op) {
    case '==':
      return valuesEqual(left, right);
    case '!=':
      return !valuesEqual(left, right);
    case '&&':
      return asBool(left) && asBool(right);
    case '||':
      return asBool(left) || asBool(right);
    default:
      break;
  }
  const a = asNumber(left);
  const b = asNumber(right);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvaluationError('Division by zero.');
      return a / b;
    case '%':
      if (b === 0) throw new EvaluationError('Division by zero.');
      return a % b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
}
