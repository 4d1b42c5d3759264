/**
 * Follows an access path (`.master_user_secret[0].secret_arn`, `[*].id`) through a provider
 * schema: nested blocks, and list/set/map/object types. Reports only what Terraform reports too;
 * where the schema cannot tell (a `dynamic` type, an opaque block, a computed index into a
 * set), the rest of the path is accepted unchecked.
 */
import type { Expr, Range } from '../hcl/index.js';
import { didYouMean } from '../util/did-you-mean.js';
import { type BlockSchema, literalString, type RefOp, type TypeSpec } from '../terraform/index.js';

export type Shape =
  | { readonly kind: 'object'; readonly describe: string; lookup(name: string): Shape | undefined; names(): Iterable<string> }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: Shape }
  | { readonly kind: 'primitive'; readonly type: 'string' | 'number' | 'bool' }
  | { readonly kind: 'any' };

const ANY: Shape = { kind: 'any' };

export function shapeOfBlock(block: BlockSchema, describe: string): Shape {
  if (block.opaque) return ANY;
  return {
    kind: 'object',
    describe,
    lookup(name) {
      const attribute = block.attributes[name];
      if (attribute) return shapeOfType(attribute.type, name);
      const nested = block.blocks[name];
      if (!nested) return undefined;
      const inner = shapeOfBlock(nested.block, `block "${name}"`);
      return nested.nesting === 'single' ? inner : { kind: nested.nesting, element: inner };
    },
    names: () => [...Object.keys(block.attributes), ...Object.keys(block.blocks)],
  };
}

export function shapeOfType(type: TypeSpec, describe: string): Shape {
  if (type === 'dynamic') return ANY;
  if (typeof type === 'string') return { kind: 'primitive', type };
  if ('list' in type) return { kind: 'list', element: shapeOfType(type.list, describe) };
  if ('set' in type) return { kind: 'set', element: shapeOfType(type.set, describe) };
  if ('map' in type) return { kind: 'map', element: shapeOfType(type.map, describe) };
  const fields = type.object;
  return {
    kind: 'object',
    describe: `object "${describe}"`,
    lookup: (name) => {
      const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
      return field === undefined ? undefined : shapeOfType(field, name);
    },
    names: () => Object.keys(fields),
  };
}

export interface PathProblem {
  readonly message: string;
  readonly range?: Range | undefined;
  readonly hint?: string | undefined;
}

export type PathResult = { readonly shape: Shape } | { readonly problem: PathProblem };

/** Applies `ops` to a value of `shape`; `label` names the value in messages (`aws_lb.main`). */
export function followPath(shape: Shape, ops: readonly RefOp[], label: string): PathResult {
  let current = shape;
  let path = label;
  for (const op of ops) {
    if (current.kind === 'any') return { shape: ANY };
    switch (op.kind) {
      case 'attr': {
        const next = attributeOf(current, op.name, path, op.range);
        if ('problem' in next) return next;
        current = next.shape;
        path = `${path}.${op.name}`;
        break;
      }
      case 'index': {
        current = indexOf(current, op.key);
        path = `${path}[…]`;
        break;
      }
      case 'splat': {
        const element = current.kind === 'list' || current.kind === 'set' ? current.element : current;
        const inner = followPath(element, op.ops, `${path}[*]`);
        if ('problem' in inner) return inner;
        current = { kind: 'list', element: inner.shape };
        path = `${path}[*]`;
        break;
      }
    }
  }
  return { shape: current };
}

function attributeOf(shape: Shape, name: string, path: string, range: Range | undefined): PathResult {
  switch (shape.kind) {
    case 'any':
      return { shape: ANY };
    case 'map':
      return { shape: shape.element };
    case 'object': {
      const found = shape.lookup(name);
      if (found) return { shape: found };
      const suggestion = didYouMean(name, shape.names());
      return {
        problem: {
          message: `${path} has no attribute "${name}".`,
          range,
          hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
        },
      };
    }
    case 'list':
    case 'set':
      return {
        problem: {
          message: `${path} is a ${shape.kind}, so it has no attribute "${name}".`,
          range,
          hint: shape.kind === 'list' ? `Read one element (${path}[0].${name}) or all of them (${path}[*].${name}).` : `Read all elements with ${path}[*].${name}.`,
        },
      };
    case 'primitive':
      return { problem: { message: `${path} is a ${shape.type}, which has no attribute "${name}".`, range } };
  }
}

function indexOf(shape: Shape, key: Expr): Shape {
  switch (shape.kind) {
    case 'list':
    case 'map':
      return shape.element;
    case 'object': {
      const name = literalString(key);
      return (name !== undefined ? shape.lookup(name) : undefined) ?? ANY;
    }
    default:
      // Sets cannot be indexed and strings hold no elements, but stay lenient: unchecked.
      return ANY;
  }
}
