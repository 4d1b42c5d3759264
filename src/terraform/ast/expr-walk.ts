/** Visits an expression and every expression nested in it, depth first, parents before children. */
import type { Expr, TemplatePart, TraversalStep } from '../../hcl/index.js';

export function walkExpr(expr: Expr, visit: (expr: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'literal':
      return;
    case 'template':
      walkParts(expr.parts, visit);
      return;
    case 'traversal':
      walkSteps(expr.steps, visit);
      return;
    case 'call':
      for (const arg of expr.args) walkExpr(arg, visit);
      return;
    case 'tuple':
      for (const item of expr.items) walkExpr(item, visit);
      return;
    case 'object':
      for (const item of expr.items) {
        walkExpr(item.key, visit);
        walkExpr(item.value, visit);
      }
      return;
    case 'for':
      walkExpr(expr.collection, visit);
      if (expr.keyExpr) walkExpr(expr.keyExpr, visit);
      walkExpr(expr.valueExpr, visit);
      if (expr.cond) walkExpr(expr.cond, visit);
      return;
    case 'index':
      walkExpr(expr.target, visit);
      walkExpr(expr.key, visit);
      return;
    case 'getattr':
      walkExpr(expr.target, visit);
      return;
    case 'splat':
      walkExpr(expr.target, visit);
      walkSteps(expr.steps, visit);
      return;
    case 'conditional':
      walkExpr(expr.cond, visit);
      walkExpr(expr.then, visit);
      walkExpr(expr.else, visit);
      return;
    case 'binary':
      walkExpr(expr.left, visit);
      walkExpr(expr.right, visit);
      return;
    case 'unary':
      walkExpr(expr.operand, visit);
      return;
    case 'paren':
      walkExpr(expr.inner, visit);
      return;
  }
}

function walkSteps(steps: readonly TraversalStep[], visit: (expr: Expr) => void): void {
  for (const step of steps) if (step.kind === 'index') walkExpr(step.key, visit);
}

function walkParts(parts: readonly TemplatePart[], visit: (expr: Expr) => void): void {
  for (const part of parts) {
    switch (part.kind) {
      case 'string':
        break;
      case 'interpolation':
        walkExpr(part.expr, visit);
        break;
      case 'if':
        walkExpr(part.cond, visit);
        walkParts(part.then, visit);
        if (part.else) walkParts(part.else, visit);
        break;
      case 'for':
        walkExpr(part.collection, visit);
        walkParts(part.body, visit);
        break;
    }
  }
}
