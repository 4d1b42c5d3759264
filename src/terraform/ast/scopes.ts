/**
 * Which names an expression may use depends on where it sits: `count.index` only under `count`,
 * `each` only under `for_each`, `self` only in provisioners, connections and postconditions, a
 * `dynamic` block's iterator only inside that block. This walks every expression of a module
 * with the scope it is evaluated in, and skips what Terraform does not evaluate as an expression
 * (`provider = aws.x`, `lifecycle.ignore_changes`, `variable.type`, module `source`, ...).
 */
import type { Block, Body, Expr } from '../../hcl/index.js';
import { findAttribute, literalString } from './ast-read.js';
import type { ModuleIndex } from '../module-index.js';
import { withNames } from './expr-references.js';

export interface ExprScope {
  readonly file: string;
  /** The declaration whose value depends on the expression: a dependency-graph node address. */
  readonly owner?: string | undefined;
  readonly count: boolean;
  readonly forEach: boolean;
  readonly self: boolean;
  /** `for` variables and `dynamic` iterators in scope. */
  readonly names: ReadonlySet<string>;
  /** In a module call: the argument (module input or meta-argument) the expression sets. */
  readonly argument?: string;
}

export type ExprVisitor = (expr: Expr, scope: ExprScope) => void;

const NO_NAMES: ReadonlySet<string> = new Set();

function baseScope(file: string, owner?: string): ExprScope {
  return { file, owner, count: false, forEach: false, self: false, names: NO_NAMES };
}

/** Every expression of the module, in file order, with its scope. */
export function forEachModuleExpression(index: ModuleIndex, visit: ExprVisitor): void {
  for (const file of index.files) {
    for (const item of file.ast.body.items) {
      if (item.kind === 'block') visitTopLevelBlock(file.path, item, visit);
    }
  }
}

function visitTopLevelBlock(file: string, block: Block, visit: ExprVisitor): void {
  const [first, second] = block.labels;
  switch (block.type) {
    case 'resource':
    case 'data':
    case 'ephemeral': {
      const prefix = block.type === 'resource' ? '' : `${block.type}.`;
      visitResourceBlock(block, resourceScope(file, block, `${prefix}${first ?? ''}.${second ?? ''}`), visit);
      return;
    }
    case 'module': {
      const scope = resourceScope(file, block, `module.${first ?? ''}`);
      for (const item of block.body.items) {
        if (item.kind === 'attribute' && !MODULE_NON_EXPRESSIONS.has(item.name)) visit(item.expr, { ...scope, argument: item.name });
      }
      return;
    }
    case 'locals':
      for (const item of block.body.items) {
        if (item.kind === 'attribute') visit(item.expr, baseScope(file, `local.${item.name}`));
      }
      return;
    case 'output': {
      const scope = baseScope(file, `output.${first ?? ''}`);
      visitAttributes(block.body, scope, visit);
      visitConditions(block.body, scope, visit);
      return;
    }
    case 'variable': {
      const scope = baseScope(file, `var.${first ?? ''}`);
      visitAttributes(block.body, scope, visit, VARIABLE_NON_EXPRESSIONS);
      for (const nested of block.body.items) {
        if (nested.kind === 'block' && nested.type === 'validation') visitAttributes(nested.body, scope, visit);
      }
      return;
    }
    case 'provider':
      visitAttributes(block.body, baseScope(file), visit, PROVIDER_NON_EXPRESSIONS);
      visitNestedBlocks(block.body, baseScope(file), visit);
      return;
    case 'check':
      for (const nested of block.body.items) {
        if (nested.kind !== 'block') continue;
        if (nested.type === 'data') {
          visitResourceBlock(nested, resourceScope(file, nested, `data.${nested.labels[0] ?? ''}.${nested.labels[1] ?? ''}`), visit);
        } else if (nested.type === 'assert') {
          visitAttributes(nested.body, baseScope(file), visit);
        }
      }
      return;
    case 'action':
      // Terraform 1.14 actions: provider-defined bodies whose expressions still read module values.
      visitResourceBlock(block, resourceScope(file, block, undefined), visit);
      return;
    case 'import':
      visitAttributes(block.body, { ...baseScope(file), forEach: findAttribute(block.body, 'for_each') !== undefined }, visit, IMPORT_NON_EXPRESSIONS);
      return;
    default:
      // terraform, moved, removed: addresses and constants, nothing evaluated.
      return;
  }
}

const MODULE_NON_EXPRESSIONS: ReadonlySet<string> = new Set(['source', 'version', 'providers']);
const VARIABLE_NON_EXPRESSIONS: ReadonlySet<string> = new Set(['type']);
const PROVIDER_NON_EXPRESSIONS: ReadonlySet<string> = new Set(['alias']);
const IMPORT_NON_EXPRESSIONS: ReadonlySet<string> = new Set(['to', 'provider']);

function resourceScope(file: string, block: Block, owner: string | undefined): ExprScope {
  return {
    ...baseScope(file, owner),
    count: findAttribute(block.body, 'count') !== undefined,
    forEach: findAttribute(block.body, 'for_each') !== undefined,
  };
}

function visitAttributes(body: Body, scope: ExprScope, visit: ExprVisitor, skip?: ReadonlySet<string>): void {
  for (const item of body.items) {
    if (item.kind === 'attribute' && !skip?.has(item.name)) visit(item.expr, scope);
  }
}

/** `precondition` (no `self`) and `postcondition` (with `self`) blocks of a body. */
function visitConditions(body: Body, scope: ExprScope, visit: ExprVisitor): void {
  for (const item of body.items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'precondition') visitAttributes(item.body, scope, visit);
    else if (item.type === 'postcondition') visitAttributes(item.body, { ...scope, self: true }, visit);
  }
}

function visitNestedBlocks(body: Body, scope: ExprScope, visit: ExprVisitor): void {
  for (const item of body.items) {
    if (item.kind === 'block') visitResourceBody(item.body, scope, visit, false);
  }
}

function visitResourceBlock(block: Block, scope: ExprScope, visit: ExprVisitor): void {
  visitResourceBody(block.body, scope, visit, true);
}

function visitResourceBody(body: Body, scope: ExprScope, visit: ExprVisitor, topLevel: boolean): void {
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (!(topLevel && item.name === 'provider')) visit(item.expr, scope);
      continue;
    }
    if (item.kind !== 'block') continue;
    if (topLevel && item.type === 'lifecycle') {
      // ignore_changes lists attribute names of this resource, not references.
      visitAttributes(item.body, scope, visit, LIFECYCLE_NON_EXPRESSIONS);
      visitConditions(item.body, scope, visit);
    } else if (item.type === 'provisioner' || item.type === 'connection') {
      visitResourceBody(item.body, { ...scope, self: true }, visit, false);
    } else if (item.type === 'dynamic') {
      visitDynamicBlock(item, scope, visit);
    } else {
      visitResourceBody(item.body, scope, visit, false);
    }
  }
}

const LIFECYCLE_NON_EXPRESSIONS: ReadonlySet<string> = new Set(['ignore_changes']);

/** `dynamic "x" { for_each, iterator, labels, content {} }`: the iterator is in scope inside only. */
function visitDynamicBlock(block: Block, scope: ExprScope, visit: ExprVisitor): void {
  const forEach = findAttribute(block.body, 'for_each');
  if (forEach) visit(forEach.expr, scope);
  const inner = withNames(scope, dynamicIteratorName(block));
  const labels = findAttribute(block.body, 'labels');
  if (labels) visit(labels.expr, inner);
  for (const item of block.body.items) {
    if (item.kind === 'block' && item.type === 'content') visitResourceBody(item.body, inner, visit, false);
  }
}

/** `iterator = name` (a bare name; a string is tolerated), else the block's label. */
export function dynamicIteratorName(block: Block): string | undefined {
  const iterator = findAttribute(block.body, 'iterator');
  if (!iterator) return block.labels[0];
  if (iterator.expr.kind === 'traversal' && iterator.expr.steps.length === 0) return iterator.expr.root;
  return literalString(iterator.expr);
}
