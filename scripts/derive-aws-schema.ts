/**
 * Derives `data/aws-provider-schema.json` from the prebuilt AWS provider bindings
 * (`@cdktn/provider-aws`), with no network and no terraform binary.
 *
 *   npm run build && node dist/scripts/derive-aws-schema.js [packageDir] [outFile]
 *
 * Two sources inside the package, each used for what only it says exactly:
 *
 * - `lib/**\/*.js`, the generated classes. Every schema attribute gets a comment
 *   `// <snake_name> - computed: …, optional: …, required: …` followed by its getter, whose body
 *   names the attribute again and reveals its type (`getNumberAttribute('port')`,
 *   `Fn.tolist(getListAttribute(…))` for a set of strings, `new XList(this, "name", wrapsSet)` for
 *   nested objects). `synthesizeHclAttributes()` / `xToHclTerraform()` add the collection kind
 *   (`list`/`set`/`map`/`struct`) of every settable argument.
 * - `.jsii`, the assembly. Only it tells a nested *block* from an attribute whose type happens to be
 *   a list of objects (e.g. `aws_security_group.ingress`): the generator documents every block as
 *   "<snake_name> block." and attributes with their schema description. (The JS metadata's
 *   `isBlock` flag only means "has a struct type".)
 *
 * Snake-case names always come from the generated source, never from re-casing camelCase.
 * Anything the script cannot classify is an error, so a new bindings release fails loudly here
 * rather than silently producing a wrong schema.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTR_COMPUTED, ATTR_FLAG_SPAN, ATTR_OPTIONAL, ATTR_REQUIRED, ATTR_WRITE_ONLY, type EncodedAttributes, type EncodedBlock, type EncodedNestedBlock, type EncodedSchemaFile, type EncodedType, type FlatPairs, SCHEMA_FORMAT, type TypeSpec } from '../src/terraform/index.js';

// =============================================================================================
// Parsed bindings
// =============================================================================================

/** What an attribute's getter (or stored field) reveals about its type. */
type Getter =
  /** Read through a typed accessor, e.g. `getNumberAttribute`: the type is fully known. */
  | { readonly kind: 'typed'; readonly type: TypeSpec }
  /** A nested-object class: `XList` / `XMap` wrappers or a single `XOutputReference`. */
  | { readonly kind: 'class'; readonly className: string; readonly wrapper: 'list' | 'set' | 'map' | 'single' }
  /** `interpolationForAttribute`: the generator had no typed accessor; the type is in the HCL metadata. */
  | { readonly kind: 'untyped' };

interface RawAttribute {
  readonly snake: string;
  /** The jsii property name (the generator renames a few, e.g. `node` → `nodeAttribute`). */
  readonly camel: string;
  readonly computed: boolean;
  readonly optional: boolean;
  readonly required: boolean;
  readonly writeOnly: boolean;
  readonly getter: Getter;
}

/** `isBlock` is not used: it means "struct-typed", not "HCL block" (see the file comment). */
interface HclEntry {
  readonly type: 'simple' | 'list' | 'set' | 'map' | 'struct';
  readonly storage: string;
}

interface RawClass {
  readonly name: string;
  /** e.g. `cdktn.TerraformResource`, `cdktn.ComplexObject`, `cdktn.ComplexList`. */
  readonly base: string;
  readonly file: string;
  /** Top-level classes only: the Terraform type name, e.g. `aws_ecs_service`. */
  readonly tfType: string | undefined;
  readonly attributes: readonly RawAttribute[];
  /** `ComplexList` / `ComplexMap` only: the element's OutputReference class. */
  readonly element: string | undefined;
  /** Top-level classes only: `synthesizeHclAttributes()` entries. */
  readonly hcl: ReadonlyMap<string, HclEntry> | undefined;
}

interface Bindings {
  readonly classes: ReadonlyMap<string, RawClass>;
  /** `<structName>ToHclTerraform` function name → its entries. */
  readonly hclFunctions: ReadonlyMap<string, ReadonlyMap<string, HclEntry>>;
  /** Struct interface name → property name → doc summary. */
  readonly docs: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Top-level class name → its config interface name. */
  readonly configInterfaces: ReadonlyMap<string, string>;
}

// =============================================================================================
// Reading the generated JavaScript
// =============================================================================================

const CLASS_START = /^class (\w+) extends ([\w.]+) \{$/;
const HCL_FUNCTION_START = /^function (\w+ToHclTerraform)\(struct\) \{$/;
const ATTRIBUTE_COMMENT = /^ {4}\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)$/;
const SECTION_END = /^ {4}\/\/ ={5,}$/;
const TF_TYPE = /^ {4}static tfResourceType = "(\w+)";$/;
const GETTER = /^ {4}get (\w+)\(\) \{$/;
const RETURN = /^ {8}return (.+);$/;
/** `_x = new Foo(this, "x", true);` — optionally module-qualified (`index_1.Foo`). */
const STORED_CLASS = /^ {4}_\w+ = new (?:(\w+)\.)?(\w+)\(this, "(\w+)"(?:, (true|false))?\);$/;
const ELEMENT_GETTER = /^ {4}get\((?:index|key)\) \{$/;
const ELEMENT_RETURN = /^ {8}return new (?:\w+\.)?(\w+)\(this\.terraformResource, /;
const HCL_ENTRY =
  /^ +(\w+): \{\n +value: [^\n]*,\n +isBlock: (?:true|false),\n +type: "(simple|list|set|map|struct)",\n +storageClassType: "(\w+)",\n +\},$/gm;
const WRITE_ONLY_NOTE = '@deprecated Write-only';

/** Getter bodies that read a value through a typed accessor; `$` is the attribute name. */
const TYPED_GETTERS: ReadonlyArray<readonly [string, TypeSpec]> = [
  ["this.getStringAttribute('$')", 'string'],
  ["this.getNumberAttribute('$')", 'number'],
  ["this.getBooleanAttribute('$')", 'bool'],
  ["this.getListAttribute('$')", { list: 'string' }],
  ["cdktn.Fn.tolist(this.getListAttribute('$'))", { set: 'string' }],
  ["this.getNumberListAttribute('$')", { list: 'number' }],
  ["cdktn.Token.asNumberList(cdktn.Fn.tolist(this.getNumberListAttribute('$')))", { set: 'number' }],
  ["this.getStringMapAttribute('$')", { map: 'string' }],
  ["this.getNumberMapAttribute('$')", { map: 'number' }],
  ["this.getBooleanMapAttribute('$')", { map: 'bool' }],
  // No `getAnyMapAttribute` / `cdktn.AnyMap`: the generator renders both `dynamic` and `map(dynamic)`
  // that way, so such an attribute (none in this release) is left to fail as unclassifiable.
];
const UNTYPED_GETTERS = [
  "this.interpolationForAttribute('$')",
  "cdktn.Token.asAny(cdktn.Fn.tolist(this.interpolationForAttribute('$')))",
];
/** Read-only maps are stored as `new cdktn.StringMap(this, "x")` instead of a typed getter. */
const COMPUTED_MAP_CLASSES: Readonly<Record<string, TypeSpec>> = {
  StringMap: { map: 'string' },
  NumberMap: { map: 'number' },
  BooleanMap: { map: 'bool' },
};

function listJsFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listJsFiles(path));
    else if (entry.name.endsWith('.js')) files.push(path);
  }
  return files.sort();
}

/** Top-level `class …` and `function …ToHclTerraform` declarations, each as its lines. */
function* topLevelChunks(lines: readonly string[]): Generator<{ header: RegExpExecArray; kind: 'class' | 'hcl'; body: string[] }> {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const classMatch = CLASS_START.exec(line);
    const hclMatch = classMatch ? null : HCL_FUNCTION_START.exec(line);
    const header = classMatch ?? hclMatch;
    if (!header) continue;
    const end = lines.indexOf('}', i + 1);
    if (end < 0) throw new Error(`unterminated declaration: ${line}`);
    yield { header, kind: classMatch ? 'class' : 'hcl', body: lines.slice(i + 1, end) };
    i = end;
  }
}

function parseHclEntries(text: string, where: string): Map<string, HclEntry> {
  const entries = new Map<string, HclEntry>();
  for (const match of text.matchAll(HCL_ENTRY)) {
    const [, name, type, storage] = match;
    if (name === undefined || type === undefined || storage === undefined) continue;
    entries.set(name, { type: type as HclEntry['type'], storage });
  }
  // Every entry (one `isBlock:` line each) must have been captured by the pattern.
  const declared = text.split('\n').filter((l) => /^ +isBlock: /.test(l)).length;
  if (declared !== entries.size) throw new Error(`${where}: ${declared} HCL entries, parsed ${entries.size}`);
  return entries;
}

/** The lines of the class's `synthesizeHclAttributes()` method. */
function synthesizeHclText(body: readonly string[]): string | undefined {
  const start = body.indexOf('    synthesizeHclAttributes() {');
  if (start < 0) return undefined;
  const end = body.indexOf('    }', start);
  return body.slice(start + 1, end).join('\n');
}

function parseGetter(snake: string, section: readonly string[], where: string): { getter: Getter; camel: string } {
  const getterAt = section.findIndex((l) => GETTER.test(l));
  const camel = GETTER.exec(section[getterAt] ?? '')?.[1];
  const returned = RETURN.exec(section[getterAt + 1] ?? '')?.[1];
  if (camel === undefined || returned === undefined) throw new Error(`${where}: no getter for ${snake}`);

  const typed = TYPED_GETTERS.find(([pattern]) => pattern.replace('$', snake) === returned);
  if (typed) return { camel, getter: { kind: 'typed', type: typed[1] } };
  if (UNTYPED_GETTERS.some((pattern) => pattern.replace('$', snake) === returned)) return { camel, getter: { kind: 'untyped' } };
  // Returns its backing field (named before the generator's renames, e.g. `systemAttribute` → `_system`).
  if (/^this\._\w+$/.test(returned)) return { camel, getter: storedGetter(snake, section, where) };
  throw new Error(`${where}: unrecognised getter for ${snake}: ${returned}`);
}

/** A getter returning its backing field: the field's initialiser says what it holds. */
function storedGetter(snake: string, section: readonly string[], where: string): Getter {
  const init = section.map((l) => STORED_CLASS.exec(l)).find((m) => m !== null);
  if (!init) throw new Error(`${where}: ${snake} returns a field without a class initialiser`);
  const [, module, className, name, wrapsSet] = init;
  if (className === undefined || name !== snake) throw new Error(`${where}: ${snake} initialiser names ${name}`);
  if (module === 'cdktn') {
    const type = COMPUTED_MAP_CLASSES[className];
    if (!type) throw new Error(`${where}: ${snake} uses unknown cdktn.${className}`);
    return { kind: 'typed', type };
  }
  if (className.endsWith('OutputReference')) return { kind: 'class', className, wrapper: 'single' };
  if (className.endsWith('Map')) return { kind: 'class', className, wrapper: 'map' };
  if (className.endsWith('List')) return { kind: 'class', className, wrapper: wrapsSet === 'true' ? 'set' : 'list' };
  throw new Error(`${where}: ${snake} stores unknown class ${className}`);
}

/** Splits a class body into attribute sections, each starting at its `// name - computed: …` comment. */
function parseAttributes(body: readonly string[], where: string): RawAttribute[] {
  const attributes: RawAttribute[] = [];
  for (let i = 0; i < body.length; i++) {
    const comment = ATTRIBUTE_COMMENT.exec(body[i] ?? '');
    if (!comment) continue;
    let end = i + 1;
    while (end < body.length && !ATTRIBUTE_COMMENT.test(body[end] ?? '') && !SECTION_END.test(body[end] ?? '')) end++;
    const section = body.slice(i + 1, end);
    const [, snake = '', computed, optional, required] = comment;
    const { getter, camel } = parseGetter(snake, section, where);
    attributes.push({
      snake,
      camel,
      computed: computed === 'true',
      optional: optional === 'true',
      required: required === 'true',
      writeOnly: section.some((l) => l.includes(WRITE_ONLY_NOTE)),
      getter,
    });
    i = end - 1;
  }
  return attributes;
}

function parseClass(name: string, base: string, body: readonly string[], file: string): RawClass {
  const where = `${file}: class ${name}`;
  const tfType = body.map((l) => TF_TYPE.exec(l)?.[1]).find((t) => t !== undefined);
  const hclText = synthesizeHclText(body);
  let element: string | undefined;
  if (base === 'cdktn.ComplexList' || base === 'cdktn.ComplexMap') {
    const at = body.findIndex((l) => ELEMENT_GETTER.test(l));
    element = ELEMENT_RETURN.exec(body[at + 1] ?? '')?.[1];
    if (element === undefined) throw new Error(`${where}: no element class`);
  }
  return {
    name,
    base,
    file,
    tfType,
    attributes: parseAttributes(body, where),
    element,
    hcl: hclText === undefined ? undefined : parseHclEntries(hclText, where),
  };
}

function readGeneratedCode(libDir: string): Pick<Bindings, 'classes' | 'hclFunctions'> {
  const classes = new Map<string, RawClass>();
  const hclFunctions = new Map<string, Map<string, HclEntry>>();
  for (const path of listJsFiles(libDir)) {
    const file = path.slice(libDir.length + 1);
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const { header, kind, body } of topLevelChunks(lines)) {
      const name = header[1] ?? '';
      // Class names are unique across the whole provider (the generator de-duplicates them).
      if (classes.has(name) || hclFunctions.has(name)) throw new Error(`${file}: duplicate declaration ${name}`);
      const base = header[2] ?? '';
      if (kind === 'hcl') hclFunctions.set(name, parseHclEntries(body.join('\n'), `${file}: ${name}`));
      // The provider's own configuration is out of scope (its getters follow other rules).
      else if (base !== 'cdktn.TerraformProvider') classes.set(name, parseClass(name, base, body, file));
    }
  }
  return { classes, hclFunctions };
}

// =============================================================================================
// Reading the jsii assembly (JSON boundary: narrowed right here)
// =============================================================================================

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fqnName(type: unknown): string | undefined {
  const fqn = isRecord(type) ? type['fqn'] : undefined;
  return typeof fqn === 'string' ? fqn.slice(fqn.lastIndexOf('.') + 1) : undefined;
}

function readAssembly(packageDir: string): Pick<Bindings, 'docs' | 'configInterfaces'> {
  const assembly: unknown = JSON.parse(readFileSync(join(packageDir, '.jsii'), 'utf8'));
  const types = isRecord(assembly) && isRecord(assembly['types']) ? assembly['types'] : {};
  const docs = new Map<string, Map<string, string>>();
  const configInterfaces = new Map<string, string>();
  for (const type of Object.values(types)) {
    if (!isRecord(type) || typeof type['name'] !== 'string') continue;
    if (type['datatype'] === true) docs.set(type['name'], propertySummaries(type['properties']));
    const config = configParameter(type['initializer']);
    if (config !== undefined) configInterfaces.set(type['name'], config);
  }
  if (docs.size === 0) throw new Error('.jsii: no struct interfaces found');
  return { docs, configInterfaces };
}

function propertySummaries(properties: unknown): Map<string, string> {
  const summaries = new Map<string, string>();
  for (const property of Array.isArray(properties) ? properties : []) {
    if (!isRecord(property) || typeof property['name'] !== 'string') continue;
    const docs = property['docs'];
    const summary = isRecord(docs) && typeof docs['summary'] === 'string' ? docs['summary'] : '';
    summaries.set(property['name'], summary);
  }
  return summaries;
}

/** The interface of a construct's `config` parameter (resources, data sources, ephemerals). */
function configParameter(initializer: unknown): string | undefined {
  const parameters = isRecord(initializer) ? initializer['parameters'] : undefined;
  if (!Array.isArray(parameters)) return undefined;
  const config: unknown = parameters.find((p) => isRecord(p) && p['name'] === 'config');
  return isRecord(config) ? fqnName(config['type']) : undefined;
}

// =============================================================================================
// Building the schema
// =============================================================================================

interface DerivedAttribute {
  readonly type: TypeSpec;
  readonly flags: number;
}

interface DerivedNestedBlock {
  readonly nesting: 'single' | 'list' | 'set';
  readonly minItems: number;
  readonly maxItems: number;
  /** undefined: opaque (contents elided by the bindings). */
  readonly block: DerivedBlock | undefined;
}

interface DerivedBlock {
  readonly attributes: ReadonlyMap<string, DerivedAttribute>;
  readonly blocks: ReadonlyMap<string, DerivedNestedBlock>;
}

const STRUCT_SUFFIX = 'OutputReference';

/** The struct (jsii interface) behind an OutputReference class. */
function structName(outputReference: string): string {
  if (!outputReference.endsWith(STRUCT_SUFFIX)) throw new Error(`${outputReference} is not an OutputReference class`);
  return outputReference.slice(0, -STRUCT_SUFFIX.length);
}

/** A struct's HCL metadata lives in `<lowerFirst(struct)>ToHclTerraform`. */
function hclFunctionName(struct: string): string {
  return `${struct.charAt(0).toLowerCase()}${struct.slice(1)}ToHclTerraform`;
}

function flagsOf(attribute: RawAttribute): number {
  return (
    (attribute.required ? ATTR_REQUIRED : 0) |
    (attribute.optional ? ATTR_OPTIONAL : 0) |
    (attribute.computed ? ATTR_COMPUTED : 0) |
    (attribute.writeOnly ? ATTR_WRITE_ONLY : 0)
  );
}

const STORAGE_PRIMITIVES: Readonly<Record<string, TypeSpec>> = { string: 'string', number: 'number', boolean: 'bool' };

/** A primitive or primitive-collection type from HCL storage names like `string`, `stringList`, `stringMapMap`. */
function typeFromStorage(storage: string): TypeSpec | undefined {
  if (storage in STORAGE_PRIMITIVES) return STORAGE_PRIMITIVES[storage];
  // The generator spells every inner collection `List`, whether list or set: we can only say list.
  if (storage.endsWith('List')) return wrap('list', typeFromStorage(storage.slice(0, -4)));
  if (storage.endsWith('Map')) return wrap('map', typeFromStorage(storage.slice(0, -3)));
  return undefined;
}

function wrap(kind: 'list' | 'set' | 'map', element: TypeSpec | undefined): TypeSpec | undefined {
  if (element === undefined) return undefined;
  if (kind === 'list') return { list: element };
  if (kind === 'set') return { set: element };
  return { map: element };
}

/** The type the HCL metadata gives a primitive or primitive-collection argument. */
function typeFromHcl(entry: HclEntry): TypeSpec | undefined {
  if (entry.type === 'struct') return undefined;
  if (entry.type === 'simple') {
    // `any` marks the generator's "skipped attributes": structures it replaced by an untyped value.
    return entry.storage === 'any' ? 'dynamic' : STORAGE_PRIMITIVES[entry.storage];
  }
  // The storage name ends with the outer collection (`List` for lists and sets); `type` tells which.
  const suffix = entry.type === 'map' ? 'Map' : 'List';
  if (!entry.storage.endsWith(suffix)) return undefined;
  return wrap(entry.type, typeFromStorage(entry.storage.slice(0, -suffix.length)));
}

class SchemaBuilder {
  private readonly objectTypes = new Map<string, TypeSpec>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly bindings: Bindings) {}

  topLevel(cls: RawClass): DerivedBlock {
    const config = this.bindings.configInterfaces.get(cls.name);
    if (config === undefined) throw new Error(`${cls.name}: no config interface in .jsii`);
    return this.block(cls, config, cls.hcl ?? new Map());
  }

  private cls(name: string): RawClass {
    const found = this.bindings.classes.get(name);
    if (!found) throw new Error(`class ${name} not found`);
    return found;
  }

  private block(cls: RawClass, iface: string, hcl: ReadonlyMap<string, HclEntry>): DerivedBlock {
    this.inProgress.add(cls.name);
    try {
      return this.blockBody(cls, iface, hcl);
    } finally {
      this.inProgress.delete(cls.name);
    }
  }

  private blockBody(cls: RawClass, iface: string, hcl: ReadonlyMap<string, HclEntry>): DerivedBlock {
    const docs = this.bindings.docs.get(iface);
    if (!docs) throw new Error(`${cls.name}: interface ${iface} not in .jsii`);
    const attributes = new Map<string, DerivedAttribute>();
    const blocks = new Map<string, DerivedNestedBlock>();
    for (const attribute of cls.attributes) {
      const where = `${cls.name}.${attribute.snake}`;
      const entry = hcl.get(attribute.snake);
      if ((attribute.optional || attribute.required) !== (entry !== undefined)) {
        throw new Error(`${where}: settable=${attribute.optional || attribute.required} but HCL entry ${entry ? 'present' : 'absent'}`);
      }
      if (isDocumentedBlock(docs, attribute, where)) {
        blocks.set(attribute.snake, this.nestedBlock(attribute, entry, where));
      } else {
        attributes.set(attribute.snake, { type: this.attributeType(attribute, entry, where), flags: flagsOf(attribute) });
      }
    }
    for (const name of hcl.keys()) {
      if (!attributes.has(name) && !blocks.has(name)) throw new Error(`${cls.name}: HCL entry ${name} has no attribute`);
    }
    return { attributes, blocks };
  }

  private nestedBlock(attribute: RawAttribute, entry: HclEntry | undefined, where: string): DerivedNestedBlock {
    if (attribute.computed || entry === undefined) throw new Error(`${where}: a block cannot be computed`);
    const { getter } = attribute;
    const minItems = attribute.required ? 1 : 0;
    // The generator replaced a few enormous blocks with an untyped `any` argument (its "skipped
    // attributes"): the block is real, its contents unknown. Nesting and limits are unknowable too.
    if (getter.kind === 'untyped' && entry.storage === 'any') return { nesting: 'list', minItems, maxItems: 0, block: undefined };
    if (getter.kind !== 'class') throw new Error(`${where}: block without a struct class`);
    if (getter.wrapper === 'map') throw new Error(`${where}: map-nested blocks are not supported`);
    const element = getter.wrapper === 'single' ? getter.className : this.cls(getter.className).element;
    if (element === undefined) throw new Error(`${where}: no element class`);
    const struct = structName(element);
    // The generator folds deep, self-similar nesting (e.g. WAFv2 `statement` → `and_statement` →
    // `statement`) into a reference back to the ancestor struct. The real schema is finite but its
    // depth is not recorded, so the repeated level is kept as an opaque block.
    const block = this.inProgress.has(element)
      ? undefined
      : this.block(this.cls(element), struct, this.bindings.hclFunctions.get(hclFunctionName(struct)) ?? new Map());
    if (getter.wrapper !== 'single') {
      this.expectHcl(entry, getter.wrapper, `${struct}List`, where);
      return { nesting: getter.wrapper, minItems, maxItems: 0, block };
    }
    // A single OutputReference is either a list/set block limited to one item, or a "single" block
    // (e.g. `timeouts`). For single blocks the generator infers "required" from the children instead
    // of recording the schema's min_items, so it is no evidence: single blocks are kept optional.
    if (entry.type === 'struct') {
      this.expectHcl(entry, 'struct', struct, where);
      return { nesting: 'single', minItems: 0, maxItems: 1, block };
    }
    if (entry.type !== 'list' && entry.type !== 'set') throw new Error(`${where}: unexpected HCL type ${entry.type}`);
    this.expectHcl(entry, entry.type, `${struct}List`, where);
    return { nesting: entry.type, minItems, maxItems: 1, block };
  }

  private expectHcl(entry: HclEntry, type: HclEntry['type'], storage: string, where: string): void {
    if (entry.type !== type || entry.storage !== storage) {
      throw new Error(`${where}: HCL says ${entry.type}/${entry.storage}, getter says ${type}/${storage}`);
    }
  }

  private attributeType(attribute: RawAttribute, entry: HclEntry | undefined, where: string): TypeSpec {
    const { getter } = attribute;
    if (getter.kind === 'untyped') {
      // Only a skipped (elided) read-only attribute lacks HCL metadata; its type is unknown.
      if (entry === undefined) return 'dynamic';
      const type = typeFromHcl(entry);
      if (type === undefined) throw new Error(`${where}: cannot type ${entry.type}/${entry.storage}`);
      return type;
    }
    if (getter.kind === 'typed') {
      if (entry !== undefined && !sameType(typeFromHcl(entry), getter.type)) {
        throw new Error(`${where}: HCL ${entry.type}/${entry.storage} disagrees with getter ${JSON.stringify(getter.type)}`);
      }
      return getter.type;
    }
    const element = getter.wrapper === 'single' ? getter.className : this.cls(getter.className).element;
    if (element === undefined) throw new Error(`${where}: no element class`);
    const object = this.objectType(element);
    if (getter.wrapper === 'single') {
      if (entry !== undefined) this.expectHcl(entry, 'struct', structName(element), where);
      return object;
    }
    if (entry !== undefined) {
      const suffix = getter.wrapper === 'map' ? 'Map' : 'List';
      this.expectHcl(entry, getter.wrapper, `${structName(element)}${suffix}`, where);
    }
    return wrap(getter.wrapper, object) ?? object;
  }

  /** The object type of a nested-attribute struct. Memoised: a struct's type is context-free. */
  private objectType(outputReference: string): TypeSpec {
    const cached = this.objectTypes.get(outputReference);
    if (cached) return cached;
    if (this.inProgress.has(outputReference)) throw new Error(`${outputReference}: recursive object type`);
    this.inProgress.add(outputReference);
    const cls = this.cls(outputReference);
    const struct = structName(outputReference);
    const hcl = this.bindings.hclFunctions.get(hclFunctionName(struct));
    const docs = this.bindings.docs.get(struct);
    const fields: Record<string, TypeSpec> = {};
    for (const attribute of cls.attributes) {
      const where = `${cls.name}.${attribute.snake}`;
      if (docs && isDocumentedBlock(docs, attribute, where)) throw new Error(`${where}: block inside an attribute type`);
      fields[attribute.snake] = this.attributeType(attribute, hcl?.get(attribute.snake), where);
    }
    this.inProgress.delete(outputReference);
    const type: TypeSpec = { object: fields };
    this.objectTypes.set(outputReference, type);
    return type;
  }
}

/** The generator documents blocks, and only blocks, as "<snake_name> block." (schema text is used otherwise). */
function isDocumentedBlock(docs: ReadonlyMap<string, string>, attribute: RawAttribute, where: string): boolean {
  const summary = docs.get(attribute.camel);
  const named = summary === undefined ? undefined : /^(\w+) block\.$/.exec(summary)?.[1];
  if (named !== undefined && named !== attribute.snake) throw new Error(`${where}: documented as block ${named}`);
  return named !== undefined;
}

function sameType(a: TypeSpec | undefined, b: TypeSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// =============================================================================================
// Encoding (format documented in src/terraform/schema/provider-schema.ts)
// =============================================================================================

/** Interns types so each distinct type is written once; children get lower indexes than parents. */
class TypeInterner {
  readonly table: EncodedType[] = [];
  private readonly indexByKey = new Map<string, number>();

  intern(type: TypeSpec): number {
    const encoded = this.encode(type);
    const key = JSON.stringify(encoded);
    let index = this.indexByKey.get(key);
    if (index === undefined) {
      index = this.table.push(encoded) - 1;
      this.indexByKey.set(key, index);
    }
    return index;
  }

  private encode(type: TypeSpec): EncodedType {
    if (typeof type === 'string') return type;
    if ('list' in type) return ['list', this.intern(type.list)];
    if ('set' in type) return ['set', this.intern(type.set)];
    if ('map' in type) return ['map', this.intern(type.map)];
    const fields: (string | number)[] = [];
    for (const name of Object.keys(type.object).sort()) fields.push(name, this.intern(type.object[name] ?? 'dynamic'));
    return ['object', fields];
  }
}

function sortedEntries<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function encodeAttributes(block: DerivedBlock, types: TypeInterner): EncodedAttributes {
  const encoded: (string | number)[] = [];
  for (const [name, attribute] of sortedEntries(block.attributes)) {
    encoded.push(name, types.intern(attribute.type) * ATTR_FLAG_SPAN + attribute.flags);
  }
  return encoded;
}

function encodeNestedBlock(nested: DerivedNestedBlock, types: TypeInterner): EncodedNestedBlock {
  const { nesting, minItems, maxItems } = nested;
  if (nested.block === undefined) return [nesting, minItems, maxItems, null];
  const attributes = encodeAttributes(nested.block, types);
  const children = encodeNestedBlocks(nested.block, types);
  return children === undefined ? [nesting, minItems, maxItems, attributes] : [nesting, minItems, maxItems, attributes, children];
}

function encodeNestedBlocks(block: DerivedBlock, types: TypeInterner): FlatPairs<EncodedNestedBlock> | undefined {
  if (block.blocks.size === 0) return undefined;
  return sortedEntries(block.blocks).flatMap(([name, nested]) => [name, encodeNestedBlock(nested, types)]);
}

function encodeBlock(block: DerivedBlock, types: TypeInterner): EncodedBlock {
  const attributes = encodeAttributes(block, types);
  const blocks = encodeNestedBlocks(block, types);
  return blocks === undefined ? [attributes] : [attributes, blocks];
}

// =============================================================================================
// Entry points
// =============================================================================================

const KIND_BY_BASE: Readonly<Record<string, 'resources' | 'dataSources' | 'ephemeralResources'>> = {
  'cdktn.TerraformResource': 'resources',
  'cdktn.TerraformDataSource': 'dataSources',
  'cdktn.TerraformEphemeralResource': 'ephemeralResources',
};

interface PackageInfo {
  readonly provider: string;
  readonly version: string;
  readonly derivedFrom: string;
}

function readPackageInfo(packageDir: string): PackageInfo {
  const manifest: unknown = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (!isRecord(manifest)) throw new Error('package.json is not an object');
  const meta = manifest['cdktn'];
  const provider = isRecord(meta) ? meta['provider'] : undefined;
  const name = isRecord(provider) ? provider['name'] : undefined;
  const version = isRecord(provider) ? provider['version'] : undefined;
  if (typeof name !== 'string' || typeof version !== 'string') throw new Error('package.json lacks cdktn.provider');
  return { provider: name, version, derivedFrom: `${String(manifest['name'])}@${String(manifest['version'])}` };
}

/** Derives the encoded schema from an installed `@cdktn/provider-aws` package. Pure apart from reading it. */
export function deriveAwsSchema(packageDir: string): EncodedSchemaFile {
  const info = readPackageInfo(packageDir);
  const bindings: Bindings = { ...readGeneratedCode(join(packageDir, 'lib')), ...readAssembly(packageDir) };
  const builder = new SchemaBuilder(bindings);
  const derived = { resources: new Map<string, DerivedBlock>(), dataSources: new Map<string, DerivedBlock>(), ephemeralResources: new Map<string, DerivedBlock>() };
  for (const cls of bindings.classes.values()) {
    const kind = KIND_BY_BASE[cls.base];
    if (kind === undefined) continue;
    if (cls.tfType === undefined) throw new Error(`${cls.name}: no tfResourceType`);
    if (derived[kind].has(cls.tfType)) throw new Error(`${cls.tfType}: two ${kind} classes`);
    derived[kind].set(cls.tfType, builder.topLevel(cls));
  }
  const types = new TypeInterner();
  const encodeAll = (blocks: ReadonlyMap<string, DerivedBlock>): Record<string, EncodedBlock> =>
    Object.fromEntries(sortedEntries(blocks).map(([name, block]) => [name, encodeBlock(block, types)]));
  // Keys in alphabetical order throughout, so the file is byte-for-byte reproducible.
  const dataSources = encodeAll(derived.dataSources);
  const ephemeralResources = encodeAll(derived.ephemeralResources);
  const resources = encodeAll(derived.resources);
  return {
    dataSources,
    derivedFrom: info.derivedFrom,
    ephemeralResources,
    format: SCHEMA_FORMAT,
    provider: info.provider,
    resources,
    types: types.table,
    version: info.version,
  };
}

/**
 * Compact JSON, but one line per resource type (and per interned type) so that a regenerated file
 * diffs readably in review. Still plain JSON: the line breaks sit between values.
 */
export function serializeSchema(data: EncodedSchemaFile): string {
  const lines = Object.entries(data).map(([key, value]) => {
    if (Array.isArray(value)) return `${JSON.stringify(key)}:[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]`;
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value).map(([name, v]) => `${JSON.stringify(name)}:${JSON.stringify(v)}`);
      return `${JSON.stringify(key)}:{\n${entries.join(',\n')}\n}`;
    }
    return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function main(argv: readonly string[]): void {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const packageDir = resolve(argv[0] ?? join(root, 'node_modules', '@cdktn', 'provider-aws'));
  const outFile = resolve(argv[1] ?? join(root, 'data', 'aws-provider-schema.json'));
  const started = performance.now();
  const data = deriveAwsSchema(packageDir);
  const text = serializeSchema(data);
  writeFileSync(outFile, text);
  const counts = `${Object.keys(data.resources).length} resources, ${Object.keys(data.dataSources).length} data sources, ${Object.keys(data.ephemeralResources).length} ephemeral resources`;
  const ms = Math.round(performance.now() - started);
  console.log(`${outFile}: ${counts}, ${data.types.length} types, ${text.length} bytes (${ms} ms)`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
