/** Which declarations an expression refers to, by address, with `for` variables kept apart. */
import type { Expr } from '../../hcl/index.js';
import { collectExprUses, type ExprUses } from './expr-references.js';
import { walkExpr } from './expr-walk.js';
import { referencedAddress } from './module-uses.js';

/** Every declaration referred to: `aws_lb.main`, `data.aws_x.y`, `var.z`, `local.w`, `module.m`. */
export function referencedAddresses(expr: Expr, file = ''): string[] {
  const uses: ExprUses = { references: [], calls: [] };
  collectExprUses(expr, { file, count: true, forEach: true, self: false, names: new Set() }, uses);
  const addresses = new Set<string>();
  for (const reference of uses.references) {
    const address = referencedAddress(reference);
    if (address !== undefined) addresses.add(address);
  }
  return [...addresses];
}

/** Only the resources, data sources and ephemeral resources referred to: `aws_lb.main`, `data.aws_x.y`. */
export function resourceAddresses(expr: Expr): string[] {
  return referencedAddresses(expr).filter(isResourceAddress);
}

/** True when `expr` reads `each.key` or `each.value`. */
export function usesEach(expr: Expr): boolean {
  let found = false;
  walkExpr(expr, (node) => {
    if (node.kind === 'traversal' && node.root === 'each') found = true;
  });
  return found;
}

/** Resource types always hold an underscore (`aws_lb`); a name without one is an iterator or a typo. */
function isResourceAddress(address: string): boolean {
  const root = address.slice(0, address.indexOf('.'));
  if (root === 'data' || root === 'ephemeral') return true;
  return root !== 'var' && root !== 'local' && root !== 'module' && root.includes('_');
}
