/**
 * What a block body may contain, in one shape for both sources of truth: the AWS provider schema
 * (resource and data source bodies, nested blocks, attributes written as blocks) and Terraform's
 * own language (meta-arguments, `lifecycle`, `dynamic`, `variable`, `output`, ...). One checker
 * (`body-check.ts`) then reads every body the same way.
 */
import type { BlockSchema, TypeSpec } from '../terraform/index.js';

export interface AttributeSpec {
  readonly type: TypeSpec;
  readonly required: boolean;
  /** Computed only: the provider sets it, configuration must not. */
  readonly readOnly: boolean;
  /** Added to a type mismatch finding. */
  readonly hint?: string;
}

export interface BlockSpec {
  readonly labels: number;
  /** 1 when the block is required. */
  readonly minItems: number;
  /** 1 when the block may appear at most once, 0 for unbounded. */
  readonly maxItems: number;
  /** Undefined when the contents are not checked (opaque provider blocks, backends, provisioners). */
  readonly body: BodySpec | undefined;
}

export interface BodySpec {
  attribute(name: string): AttributeSpec | undefined;
  block(name: string): BlockSpec | undefined;
  attributeNames(): Iterable<string>;
  blockNames(): Iterable<string>;
  /** Any argument name is accepted (module inputs, locals, unchecked providers); known ones are still checked. */
  readonly anyAttributes?: boolean;
  /** Any block type is accepted (unchecked providers); known ones are still checked. */
  readonly anyBlocks?: boolean;
  /** `dynamic` blocks may generate this body's blocks (provider bodies only). */
  readonly allowsDynamic?: boolean;
}

// ---------------------------------------------------------------------------------------------
// From the provider schema
// ---------------------------------------------------------------------------------------------

const specCache = new WeakMap<BlockSchema, BodySpec>();

/** The body of a provider block. Attributes of type list/set of objects may also be written as blocks. */
export function specFromSchema(schema: BlockSchema): BodySpec {
  const cached = specCache.get(schema);
  if (cached) return cached;
  const spec: BodySpec = {
    attribute(name) {
      const attribute = schema.attributes[name];
      if (!attribute) return undefined;
      return { type: attribute.type, required: attribute.required, readOnly: attribute.computed && !attribute.optional && !attribute.required };
    },
    block(name) {
      const nested = schema.blocks[name];
      if (nested) {
        return {
          labels: 0,
          minItems: nested.minItems,
          maxItems: nested.nesting === 'single' ? 1 : nested.maxItems,
          body: nested.block.opaque ? undefined : specFromSchema(nested.block),
        };
      }
      const attribute = schema.attributes[name];
      return attribute ? attributeAsBlock(attribute.type) : undefined;
    },
    attributeNames: () => Object.keys(schema.attributes),
    blockNames: () => [...Object.keys(schema.blocks), ...Object.keys(schema.attributes).filter((name) => attributeAsBlock(schema.attributes[name]!.type))],
    allowsDynamic: true,
  };
  specCache.set(schema, spec);
  return spec;
}

/**
 * Terraform accepts block syntax for an attribute whose type is a list or set of objects
 * ("attributes as blocks", e.g. `ingress { }` on `aws_security_group`); every field is optional then.
 */
function attributeAsBlock(type: TypeSpec): BlockSpec | undefined {
  if (typeof type === 'string') return undefined;
  const element = 'list' in type ? type.list : 'set' in type ? type.set : undefined;
  if (element === undefined || typeof element === 'string' || !('object' in element)) return undefined;
  return { labels: 0, minItems: 0, maxItems: 0, body: specFromObjectType(element.object) };
}

function specFromObjectType(fields: Readonly<Record<string, TypeSpec>>): BodySpec {
  const field = (name: string): TypeSpec | undefined => (Object.hasOwn(fields, name) ? fields[name] : undefined);
  return {
    attribute(name) {
      const type = field(name);
      return type === undefined ? undefined : { type, required: false, readOnly: false };
    },
    block(name) {
      const type = field(name);
      return type === undefined ? undefined : attributeAsBlock(type);
    },
    attributeNames: () => Object.keys(fields),
    blockNames: () => Object.keys(fields).filter((name) => attributeAsBlock(fields[name]!)),
    allowsDynamic: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Terraform's language
// ---------------------------------------------------------------------------------------------

interface StaticSpec {
  readonly attributes?: Readonly<Record<string, AttributeSpec>>;
  readonly blocks?: Readonly<Record<string, BlockSpec>>;
  readonly anyAttributes?: boolean;
  readonly anyBlocks?: boolean;
}

export function staticSpec(spec: StaticSpec): BodySpec {
  const attributes = spec.attributes ?? {};
  const blocks = spec.blocks ?? {};
  return {
    attribute: (name) => (Object.hasOwn(attributes, name) ? attributes[name] : undefined),
    block: (name) => (Object.hasOwn(blocks, name) ? blocks[name] : undefined),
    attributeNames: () => Object.keys(attributes),
    blockNames: () => Object.keys(blocks),
    ...(spec.anyAttributes ? { anyAttributes: true } : {}),
    ...(spec.anyBlocks ? { anyBlocks: true } : {}),
  };
}

/** Adds `extra` (meta-arguments) to a body spec; `extra` wins on a name clash. */
export function withExtras(base: BodySpec, extra: BodySpec): BodySpec {
  return {
    attribute: (name) => extra.attribute(name) ?? base.attribute(name),
    block: (name) => extra.block(name) ?? base.block(name),
    attributeNames: () => [...base.attributeNames(), ...extra.attributeNames()],
    blockNames: () => [...base.blockNames(), ...extra.blockNames()],
    ...(base.anyAttributes ? { anyAttributes: true } : {}),
    ...(base.anyBlocks ? { anyBlocks: true } : {}),
    ...(base.allowsDynamic ? { allowsDynamic: true } : {}),
  };
}

export const optional = (type: TypeSpec): AttributeSpec => ({ type, required: false, readOnly: false });
export const required = (type: TypeSpec): AttributeSpec => ({ type, required: true, readOnly: false });

export function block(body: BodySpec | undefined, limits: { labels?: number; minItems?: number; maxItems?: number } = {}): BlockSpec {
  return { labels: limits.labels ?? 0, minItems: limits.minItems ?? 0, maxItems: limits.maxItems ?? 0, body };
}
