/** Reading a resource block as a whole: every expression in it, and the addresses they refer to. */
import type { Block, Expr } from '../../hcl/index.js';
import { referencedAddresses, type StackResource, walkExpr } from '../../terraform/index.js';

/** Every attribute expression of a block and its nested blocks, in order. */
export function blockExpressions(block: Block): Expr[] {
  const out: Expr[] = [];
  for (const item of block.body.items) {
    if (item.kind === 'attribute') out.push(item.expr);
    else if (item.kind === 'block') out.push(...blockExpressions(item));
  }
  return out;
}

/** Every expression nested anywhere in the block, sub-expressions included. */
export function allExpressions(block: Block): Expr[] {
  const out: Expr[] = [];
  for (const expr of blockExpressions(block)) walkExpr(expr, (e) => out.push(e));
  return out;
}

/** Addresses (without module prefix) the resource's block refers to. */
export function referencesOf(resource: StackResource): Set<string> {
  return new Set(blockExpressions(resource.decl.block).flatMap((expr) => referencedAddresses(expr)));
}
