/**
 * Finds every reference and function call inside one expression, tracking the names that `for`
 * expressions and template `%{for}` directives bring into scope (they shadow only within their
 * own expression). A reference keeps its full access chain, including steps applied through
 * `[*]`/`.*` splats and index/attribute steps on the result, so attribute paths can be checked.
 */
import type { Expr, Range, TemplatePart, TraversalStep } from '../../hcl/index.js';
import type { ExprScope } from './scopes.js';

export type RefOp =
  | { readonly kind: 'attr'; readonly name: string; readonly range?: Range | undefined }
  | { readonly kind: 'index'; readonly key: Expr; readonly range?: Range | undefined }
  /** `[*]` or `.*`: `ops` apply to each element, and the result is a list. */
  | { readonly kind: 'splat'; readonly ops: readonly RefOp[]; readonly range?: Range | undefined };

export interface Reference {
  /** `var`, `local`, `aws_lb`, `each`, ... */
  readonly root: string;
  readonly ops: readonly RefOp[];
  readonly range?: Range | undefined;
  readonly rootRange?: Range | undefined;
  readonly scope: ExprScope;
}

export interface FunctionCallSite {
  readonly name: string;
  readonly range?: Range | undefined;
  readonly scope: ExprScope;
}

export interface ExprUses {
  readonly references: Reference[];
  readonly calls: FunctionCallSite[];
}

export function collectExprUses(expr: Expr, scope: ExprScope, out: ExprUses): void {
  new UseCollector(out).expr(expr, scope);
}

/** `names` plus the given iteration variables. */
export function withNames(scope: ExprScope, ...names: (string | undefined)[]): ExprScope {
  const added = names.filter((name): name is string => name !== undefined && name !== '');
  if (added.length === 0) return scope;
  return { ...scope, names: new Set([...scope.names, ...added]) };
}

interface Chain {
  readonly root: Extract<Expr, { kind: 'traversal' }>;
  readonly ops: RefOp[];
}

class UseCollector {
  constructor(private readonly out: ExprUses) {}

  expr(expr: Expr, scope: ExprScope): void {
    switch (expr.kind) {
      case 'literal':
        return;
      case 'template':
        this.templateParts(expr.parts, scope);
        return;
      case 'traversal':
      case 'getattr':
      case 'index':
      case 'splat': {
        const chain = chainOf(expr);
        if (chain) {
          this.out.references.push({
            root: chain.root.root,
            ops: chain.ops,
            range: expr.range,
            rootRange: chain.root.rootRange ?? chain.root.range,
            scope,
          });
          this.indexKeys(chain.ops, scope);
          return;
        }
        // Steps on something other than a name, e.g. `f(x).id` or `(a)[0]`.
        if (expr.kind === 'getattr') this.expr(expr.target, scope);
        else if (expr.kind === 'index') {
          this.expr(expr.target, scope);
          this.expr(expr.key, scope);
        } else if (expr.kind === 'splat') {
          this.expr(expr.target, scope);
          this.indexKeys(expr.steps.map(stepOp), scope);
        }
        return;
      }
      case 'call':
        this.out.calls.push({ name: expr.name, range: expr.nameRange ?? expr.range, scope });
        for (const arg of expr.args) this.expr(arg, scope);
        return;
      case 'tuple':
        for (const item of expr.items) this.expr(item, scope);
        return;
      case 'object':
        for (const item of expr.items) {
          // A bare identifier key is a literal name, not a reference.
          if (!(item.key.kind === 'traversal' && item.key.steps.length === 0)) this.expr(item.key, scope);
          this.expr(item.value, scope);
        }
        return;
      case 'for': {
        this.expr(expr.collection, scope);
        const inner = withNames(scope, expr.keyVar, expr.valueVar);
        if (expr.keyExpr) this.expr(expr.keyExpr, inner);
        this.expr(expr.valueExpr, inner);
        if (expr.cond) this.expr(expr.cond, inner);
        return;
      }
      case 'conditional':
        this.expr(expr.cond, scope);
        this.expr(expr.then, scope);
        this.expr(expr.else, scope);
        return;
      case 'binary':
        this.expr(expr.left, scope);
        this.expr(expr.right, scope);
        return;
      case 'unary':
        this.expr(expr.operand, scope);
        return;
      case 'paren':
        this.expr(expr.inner, scope);
        return;
    }
  }

  private templateParts(parts: readonly TemplatePart[], scope: ExprScope): void {
    for (const part of parts) {
      switch (part.kind) {
        case 'string':
          break;
        case 'interpolation':
          this.expr(part.expr, scope);
          break;
        case 'if':
          this.expr(part.cond, scope);
          this.templateParts(part.then, scope);
          if (part.else) this.templateParts(part.else, scope);
          break;
        case 'for':
          this.expr(part.collection, scope);
          this.templateParts(part.body, withNames(scope, part.keyVar, part.valueVar));
          break;
      }
    }
  }

  private indexKeys(ops: readonly RefOp[], scope: ExprScope): void {
    for (const op of ops) {
      if (op.kind === 'index') this.expr(op.key, scope);
      else if (op.kind === 'splat') this.indexKeys(op.ops, scope);
    }
  }
}

function stepOp(step: TraversalStep): RefOp {
  return step.kind === 'attr' ? { kind: 'attr', name: step.name, range: step.range } : { kind: 'index', key: step.key, range: step.range };
}

/** The name and access steps of `a.b[0]`, `a.b[*].c`, `a.*.b[0]`; undefined when not rooted in a name. */
function chainOf(expr: Expr): Chain | undefined {
  switch (expr.kind) {
    case 'traversal':
      return { root: expr, ops: expr.steps.map(stepOp) };
    case 'getattr': {
      const chain = chainOf(expr.target);
      chain?.ops.push({ kind: 'attr', name: expr.name, range: expr.range });
      return chain;
    }
    case 'index': {
      const chain = chainOf(expr.target);
      chain?.ops.push({ kind: 'index', key: expr.key, range: expr.range });
      return chain;
    }
    case 'splat': {
      const chain = chainOf(expr.target);
      chain?.ops.push({ kind: 'splat', ops: expr.steps.map(stepOp), range: expr.range });
      return chain;
    }
    default:
      return undefined;
  }
}
