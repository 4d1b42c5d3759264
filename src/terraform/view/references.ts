/** Which resources and data sources an expression refers to, read from its traversals. */
import type { Expr, TraversalExpr } from '../../hcl/index.js';
import { walkExpr } from '../ast/expr-walk.js';

/** Roots that never name a resource. */
const NOT_RESOURCES: ReadonlySet<string> = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self', 'module']);

/** Addresses (`aws_lb.main`, `data.aws_iam_policy_document.x`) referred to anywhere in `expr`. */
export function referencedAddresses(expr: Expr): string[] {
  const out = new Set<string>();
  walkExpr(expr, (node) => {
    if (node.kind !== 'traversal') return;
    const address = addressOf(node);
    if (address !== undefined) out.add(address);
  });
  return [...out];
}

/** True when `expr` reads `each.key` or `each.value`. */
export function usesEach(expr: Expr): boolean {
  let found = false;
  walkExpr(expr, (node) => {
    if (node.kind === 'traversal' && node.root === 'each') found = true;
  });
  return found;
}

export function addressOf(traversal: TraversalExpr): string | undefined {
  const [first, second] = traversal.steps;
  if (traversal.root === 'data' || traversal.root === 'ephemeral') {
    return first?.kind === 'attr' && second?.kind === 'attr' ? `${traversal.root}.${first.name}.${second.name}` : undefined;
  }
  if (NOT_RESOURCES.has(traversal.root) || !traversal.root.includes('_')) return undefined;
  return first?.kind === 'attr' ? `${traversal.root}.${first.name}` : undefined;
}
