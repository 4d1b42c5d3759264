/**
 * All references and function calls of a module, collected in one pass and shared by the
 * reference, cycle and hygiene checks.
 */
import type { ModuleIndex } from '../module-index.js';
import { collectExprUses, type ExprUses, type Reference } from './expr-references.js';
import { forEachModuleExpression } from './scopes.js';

export function collectModuleUses(index: ModuleIndex): ExprUses {
  const uses: ExprUses = { references: [], calls: [] };
  forEachModuleExpression(index, (expr, scope) => collectExprUses(expr, scope, uses));
  return uses;
}

/** Root names that are never resource types. */
const SPECIAL_ROOTS: ReadonlySet<string> = new Set(['var', 'local', 'module', 'data', 'ephemeral', 'path', 'terraform', 'count', 'each', 'self']);

export function isSpecialRoot(root: string): boolean {
  return SPECIAL_ROOTS.has(root);
}

/** The leading attribute names of a reference: `aws_lb.main.arn` gives `["main", "arn"]`. */
export function leadingNames(ref: Reference, count: number): string[] | undefined {
  const names: string[] = [];
  for (const op of ref.ops.slice(0, count)) {
    if (op.kind !== 'attr') return undefined;
    names.push(op.name);
  }
  return names.length === count ? names : undefined;
}

/**
 * The declaration address a reference points at (`var.x`, `local.x`, `module.x`, `aws_lb.main`,
 * `data.aws_x.y`), or undefined for scoped names, `path`, `each`, `count`, `self`, `terraform`.
 */
export function referencedAddress(ref: Reference): string | undefined {
  if (ref.scope.names.has(ref.root)) return undefined;
  switch (ref.root) {
    case 'var':
    case 'local':
    case 'module': {
      const names = leadingNames(ref, 1);
      return names ? `${ref.root}.${names[0]}` : undefined;
    }
    case 'data':
    case 'ephemeral': {
      const names = leadingNames(ref, 2);
      return names ? `${ref.root}.${names[0]}.${names[1]}` : undefined;
    }
    default: {
      if (isSpecialRoot(ref.root)) return undefined;
      const names = leadingNames(ref, 1);
      return names ? `${ref.root}.${names[0]}` : undefined;
    }
  }
}
