/**
 * The AWS provider schema, offline. `data/aws-provider-schema.json` is derived from the published
 * typed bindings (see `scripts/derive-aws-schema.ts` and `docs/provider-schema.md`); this module
 * decodes it lazily, one resource type at a time, so loading stays cheap however much is looked up.
 *
 * The module does no file I/O of its own: the data arrives through a JSON module import.
 */

/** A Terraform type constraint, as the provider schema declares it. */
export type TypeSpec =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | { readonly list: TypeSpec }
  | { readonly set: TypeSpec }
  | { readonly map: TypeSpec }
  | { readonly object: Readonly<Record<string, TypeSpec>> };

/** One argument or attribute. A read-only attribute is `computed` and neither required nor optional. */
export interface AttributeSchema {
  readonly type: TypeSpec;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  /** Write-only (Terraform ≥ 1.11): accepted in configuration, never stored, always null when read. */
  readonly writeOnly: boolean;
}

/** A nested block type: how often it may appear, and what goes inside. */
export interface NestedBlockSchema {
  readonly nesting: 'single' | 'list' | 'set';
  /** 1 when the block is required. The bindings only say "at least one", so never more than 1. */
  readonly minItems: number;
  /** 1 for a block that may appear once, 0 for unbounded. */
  readonly maxItems: number;
  readonly block: BlockSchema;
}

/**
 * The body of a resource, data source or nested block. Records have no prototype, so looking up a
 * user-supplied name such as `constructor` yields `undefined` rather than an inherited member.
 */
export interface BlockSchema {
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  readonly blocks: Readonly<Record<string, NestedBlockSchema>>;
  /**
   * True when the bindings do not describe this block's contents: a few huge QuickSight and WAFv2
   * structures they elide, and self-similar WAFv2 statement nesting below its first level. Nothing
   * inside can be checked; `attributes` and `blocks` are empty. For the elided ones the enclosing
   * nesting and limits are unknown too (recorded as an unbounded, optional-or-required list).
   */
  readonly opaque: boolean;
}

export interface ProviderSchema {
  /** e.g. `registry.terraform.io/hashicorp/aws`. */
  readonly provider: string;
  /** The provider release the schema describes, e.g. `6.66.0`. */
  readonly version: string;
  /** The package the data was derived from, e.g. `@cdktn/provider-aws@25.7.0`. */
  readonly derivedFrom: string;
  resource(type: string): BlockSchema | undefined;
  dataSource(type: string): BlockSchema | undefined;
  ephemeral(type: string): BlockSchema | undefined;
  /** Sorted. */
  resourceTypes(): readonly string[];
  /** Sorted. */
  dataSourceTypes(): readonly string[];
  /** Sorted. */
  ephemeralTypes(): readonly string[];
}

// ---------------------------------------------------------------------------------------------
// On-disk encoding (format 1). Shared with the derivation script, which produces exactly this.
//
// JSON.parse is slowest on objects whose key sets all differ: V8 builds a hidden class per shape,
// and a provider schema is ~30 000 differently-shaped little objects. So below the top level
// everything is arrays: names and values alternate in flat lists, every distinct type is interned
// once in `types`, and an attribute is the single integer `typeIndex * ATTR_FLAG_SPAN + flags`.
// ---------------------------------------------------------------------------------------------

export const SCHEMA_FORMAT = 1;

/** Attribute flag bits, packed below the type index. */
export const ATTR_REQUIRED = 1;
export const ATTR_OPTIONAL = 2;
export const ATTR_COMPUTED = 4;
export const ATTR_WRITE_ONLY = 8;
export const ATTR_FLAG_SPAN = 16;

/** `[name1, value1, name2, value2, …]`, names in ascending order. */
export type FlatPairs<V> = readonly (string | V)[];

/** A primitive, or a collection/object whose element types are indexes into `types`. */
export type EncodedType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', number]
  | readonly ['object', FlatPairs<number>];

/** Attribute name → packed attribute. */
export type EncodedAttributes = FlatPairs<number>;

/** `[attributes, blocks]`; `blocks` is omitted when there are none. */
export type EncodedBlock = readonly [EncodedAttributes] | readonly [EncodedAttributes, FlatPairs<EncodedNestedBlock>];

/**
 * `[nesting, minItems, maxItems, attributes, blocks?]`; `attributes` is null for an opaque block
 * (contents unknown to the bindings).
 */
export type EncodedNestedBlock =
  | readonly ['single' | 'list' | 'set', number, number, EncodedAttributes | null]
  | readonly ['single' | 'list' | 'set', number, number, EncodedAttributes, FlatPairs<EncodedNestedBlock>];

export interface EncodedSchemaFile {
  readonly format: number;
  readonly provider: string;
  readonly version: string;
  readonly derivedFrom: string;
  readonly types: readonly EncodedType[];
  readonly resources: Readonly<Record<string, EncodedBlock>>;
  readonly dataSources: Readonly<Record<string, EncodedBlock>>;
  readonly ephemeralResources: Readonly<Record<string, EncodedBlock>>;
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/** Decodes types by index, each at most once. */
class TypeTable {
  private readonly decoded: (TypeSpec | undefined)[] = [];

  constructor(private readonly encoded: readonly EncodedType[]) {}

  get(index: number): TypeSpec {
    const cached = this.decoded[index];
    if (cached !== undefined) return cached;
    const entry = this.encoded[index];
    if (entry === undefined) throw new Error(`provider schema: type index ${index} out of range`);
    const spec = this.decode(entry);
    this.decoded[index] = spec;
    return spec;
  }

  private decode(entry: EncodedType): TypeSpec {
    if (typeof entry === 'string') return entry;
    if (entry[0] === 'object') {
      const fields = nullRecord<TypeSpec>();
      forEachPair(entry[1], (name, index) => (fields[name] = this.get(index)));
      return Object.freeze({ object: Object.freeze(fields) });
    }
    const element = this.get(entry[1]);
    switch (entry[0]) {
      case 'list':
        return Object.freeze({ list: element });
      case 'set':
        return Object.freeze({ set: element });
      case 'map':
        return Object.freeze({ map: element });
    }
  }
}

function nullRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function forEachPair<V>(flat: FlatPairs<V>, visit: (name: string, value: V) => void): void {
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i];
    const value = flat[i + 1];
    if (typeof name !== 'string' || value === undefined || typeof value === 'string') {
      throw new Error(`provider schema: malformed name/value list at ${i}`);
    }
    visit(name, value);
  }
}

function decodeAttributes(encoded: EncodedAttributes, types: TypeTable): Record<string, AttributeSchema> {
  const attributes = nullRecord<AttributeSchema>();
  forEachPair(encoded, (name, packed) => {
    const flags = packed % ATTR_FLAG_SPAN;
    attributes[name] = Object.freeze({
      type: types.get(Math.floor(packed / ATTR_FLAG_SPAN)),
      required: (flags & ATTR_REQUIRED) !== 0,
      optional: (flags & ATTR_OPTIONAL) !== 0,
      computed: (flags & ATTR_COMPUTED) !== 0,
      writeOnly: (flags & ATTR_WRITE_ONLY) !== 0,
    });
  });
  return Object.freeze(attributes);
}

function decodeBlockBody(
  attributes: EncodedAttributes | null,
  blocks: FlatPairs<EncodedNestedBlock> | undefined,
  types: TypeTable,
): BlockSchema {
  if (attributes === null) {
    return Object.freeze({ attributes: nullRecord<AttributeSchema>(), blocks: nullRecord<NestedBlockSchema>(), opaque: true });
  }
  const nested = nullRecord<NestedBlockSchema>();
  forEachPair(blocks ?? [], (name, entry) => {
    nested[name] = Object.freeze({
      nesting: entry[0],
      minItems: entry[1],
      maxItems: entry[2],
      block: decodeBlockBody(entry[3], entry[4], types),
    });
  });
  return Object.freeze({ attributes: decodeAttributes(attributes, types), blocks: Object.freeze(nested), opaque: false });
}

/** One kind of top-level type (resources, data sources, ephemeral resources), decoded on demand. */
class TypeIndex {
  private readonly decoded = new Map<string, BlockSchema>();
  private sortedNames: readonly string[] | undefined;

  constructor(
    private readonly encoded: Readonly<Record<string, EncodedBlock>>,
    private readonly types: TypeTable,
  ) {}

  get(name: string): BlockSchema | undefined {
    const cached = this.decoded.get(name);
    if (cached !== undefined) return cached;
    // Own properties only: the parsed JSON object inherits from Object.prototype.
    if (!Object.hasOwn(this.encoded, name)) return undefined;
    const entry = this.encoded[name];
    if (entry === undefined) return undefined;
    const block = decodeBlockBody(entry[0], entry[1], this.types);
    this.decoded.set(name, block);
    return block;
  }

  names(): readonly string[] {
    this.sortedNames ??= Object.freeze(Object.keys(this.encoded).sort());
    return this.sortedNames;
  }
}

/** Builds the lookup API over already-parsed data. Exposed for tests and for alternative sources. */
export function providerSchemaFrom(data: EncodedSchemaFile): ProviderSchema {
  if (data.format !== SCHEMA_FORMAT) {
    throw new Error(`provider schema: format ${data.format} is not supported (expected ${SCHEMA_FORMAT})`);
  }
  const types = new TypeTable(data.types);
  const resources = new TypeIndex(data.resources, types);
  const dataSources = new TypeIndex(data.dataSources, types);
  const ephemeral = new TypeIndex(data.ephemeralResources, types);
  return Object.freeze({
    provider: data.provider,
    version: data.version,
    derivedFrom: data.derivedFrom,
    resource: (type: string) => resources.get(type),
    dataSource: (type: string) => dataSources.get(type),
    ephemeral: (type: string) => ephemeral.get(type),
    resourceTypes: () => resources.names(),
    dataSourceTypes: () => dataSources.names(),
    ephemeralTypes: () => ephemeral.names(),
  });
}

/** Renders a type the way Terraform writes it, e.g. `list(object({secret_arn=string}))`. */
export function formatType(type: TypeSpec): string {
  if (typeof type === 'string') return type;
  if ('list' in type) return `list(${formatType(type.list)})`;
  if ('set' in type) return `set(${formatType(type.set)})`;
  if ('map' in type) return `map(${formatType(type.map)})`;
  const fields = Object.keys(type.object)
    .sort()
    .map((name) => `${name}=${formatType(type.object[name] ?? 'dynamic')}`);
  return `object({${fields.join(',')}})`;
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/**
 * The data file, relative to this module once compiled (dist/src/terraform/schema/ → package root).
 * Deliberately not a string literal in the import: a literal would make tsc pull the multi-megabyte
 * JSON into the program, type-check it and copy it to dist/data/, a path the published package
 * (`files`: dist/src, data) does not ship.
 */
const DATA_URL = new URL('../../../../data/aws-provider-schema.json', import.meta.url);

let loading: Promise<ProviderSchema> | undefined;

/** The AWS provider schema. Parsed once; later calls share the same instance. */
export function loadAwsSchema(): Promise<ProviderSchema> {
  loading ??= importData().then(providerSchemaFrom);
  return loading;
}

async function importData(): Promise<EncodedSchemaFile> {
  const module: unknown = await import(DATA_URL.href, { with: { type: 'json' } });
  return asEncodedSchemaFile(isRecord(module) ? module['default'] : undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the envelope at the JSON boundary; entries are trusted (the derivation test pins them). */
function asEncodedSchemaFile(value: unknown): EncodedSchemaFile {
  const ok =
    isRecord(value) &&
    typeof value['format'] === 'number' &&
    typeof value['provider'] === 'string' &&
    typeof value['version'] === 'string' &&
    typeof value['derivedFrom'] === 'string' &&
    Array.isArray(value['types']) &&
    isRecord(value['resources']) &&
    isRecord(value['dataSources']) &&
    isRecord(value['ephemeralResources']);
  if (!ok) throw new Error(`provider schema: ${DATA_URL.pathname} is not a schema file`);
  return value as unknown as EncodedSchemaFile;
}
