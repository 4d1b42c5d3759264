/**
 * Shared state of one plan: the blocks built so far and the variables, locals and outputs the
 * builders ask for. Builders call `variable()` / `local()` / `output()` and get back the
 * reference to use, so declarations and uses cannot drift apart.
 */
import type { Block, BodyItem, Expr } from '../hcl/ast.js';
import { attr, binary, block, call, cond, forObject, ident, lineComment, num, obj, ref, str, tmpl, toExpr, type BodyInput, type ExprLike } from '../hcl/build.js';
import type { AppModel } from '../model/types.js';
import type { Family, PlannedBlock } from './document.js';

export interface VariableSpec {
  readonly description: string;
  /** A type constraint expression: `ident('string')`, `call('list', ident('string'))`... */
  readonly type: Expr;
  /** Omit for a required variable. */
  readonly default?: ExprLike;
  readonly validations?: readonly { readonly condition: Expr; readonly message: string }[];
  readonly sensitive?: boolean;
  readonly nullable?: boolean;
}

export interface OutputSpec {
  readonly description: string;
  readonly value: Expr;
  readonly sensitive?: boolean;
}

/** The longest `project_name` and `environment` the variables' validations admit. */
export const PROJECT_NAME_MAX_LENGTH = 32;
export const ENVIRONMENT_MAX_LENGTH = 16;
/** `local.name_prefix` is `<project_name>-<environment>`. */
const NAME_PREFIX_MAX_LENGTH = PROJECT_NAME_MAX_LENGTH + 1 + ENVIRONMENT_MAX_LENGTH;
/** Characters of a name's SHA-1 kept when the name is cut to fit its limit. */
const NAME_HASH_LENGTH = 8;

export class PlanContext {
  readonly model: AppModel;
  readonly isModule: boolean;
  private readonly planned: PlannedBlock[] = [];
  private readonly variables = new Map<string, { spec: VariableSpec; family: Family }>();
  private readonly locals = new Map<string, Expr>();
  private readonly outputs = new Map<string, OutputSpec>();
  private readonly dataSources = new Set<string>();
  private readonly limitedNames = new Map<string, { readonly name: Expr; readonly limit: number }>();

  constructor(model: AppModel) {
    this.model = model;
    this.isModule = model.project.layout === 'module';
  }

  add(family: Family, item: Block | readonly Block[], section?: string): void {
    const blocks = Array.isArray(item) ? (item as readonly Block[]) : [item as Block];
    blocks.forEach((b, i) => this.planned.push({ family, block: b, ...(section && i === 0 ? { section } : {}) }));
  }

  /** Declares (once) and references a variable. Re-declaring with a different spec is a bug. */
  variable(name: string, spec: VariableSpec, family: Family = 'variables'): Expr {
    if (!this.variables.has(name)) this.variables.set(name, { spec, family });
    return ref(`var.${name}`);
  }

  /** Variables without a default: whoever runs Terraform must set them. */
  requiredVariables(): { readonly name: string; readonly sensitive: boolean }[] {
    return [...this.variables].filter(([, v]) => v.spec.default === undefined).map(([name, v]) => ({ name, sensitive: v.spec.sensitive === true }));
  }

  local(name: string, value: ExprLike): Expr {
    if (!this.locals.has(name)) this.locals.set(name, toExpr(value));
    return ref(`local.${name}`);
  }

  output(name: string, spec: OutputSpec): void {
    this.outputs.set(name, spec);
  }

  /**
   * Declares a data source once (`data "aws_caller_identity" "current" {}`) and returns its
   * address. It is written with `family` (next to what uses it), or with the shared lookups.
   */
  data(type: string, name: string, body: readonly BodyInput[] = [], family: Family = 'data'): string {
    const address = `data.${type}.${name}`;
    if (!this.dataSources.has(address)) {
      this.dataSources.add(address);
      this.add(family, block('data', [type, name], body));
    }
    return address;
  }

  /** `"${local.name_prefix}-<suffix>"` */
  name(suffix?: string): Expr {
    return suffix ? tmpl`${ref('local.name_prefix')}-${suffix}` : ref('local.name_prefix');
  }

  /**
   * The suffix of a name AWS keeps short (target groups: 32 characters), so that the name fits
   * with the default project and environment: when they leave too little room, the suffix is cut
   * and ends in a hash of the whole suffix, so two long service names still get different names.
   * (Longer project and environment values are handled at plan time by `limitedName`.)
   */
  boundedSuffix(suffix: string, limit: number): string {
    const room = limit - (this.model.project.name.length + 1 + this.model.project.environment.length) - 1;
    if (suffix.length <= room) return suffix;
    // Too little room for a readable part: the hash alone still tells names apart.
    if (room < 6) return room >= 4 ? shortHash(suffix) : suffix;
    return `${suffix.slice(0, room - 5).replace(/-+$/, '')}-${shortHash(suffix)}`;
  }

  /**
   * `"${local.name_prefix}-<suffix>"` (then `-<account id>` when `accountSuffix`) for a resource
   * whose name AWS limits to `limit` characters. When some `project_name` and `environment` the
   * variables admit could make it longer, the name goes through `local.names`, which cuts a name
   * that is too long and ends it with a hash of the whole name: every admitted value plans, and a
   * name that fits is unchanged. `key` names the entry (an identifier).
   */
  limitedName(key: string, suffix: string, limit: number, options: { readonly accountSuffix?: boolean } = {}): Expr {
    if (options.accountSuffix) {
      // The account id (12 digits and its dash) stays whole at the end; the rest is limited.
      const account = ref(`${this.data('aws_caller_identity', 'current')}.account_id`);
      return tmpl`${this.limitedName(key, suffix, limit - 13)}-${account}`;
    }
    if (NAME_PREFIX_MAX_LENGTH + 1 + suffix.length <= limit) return this.name(suffix);
    this.limitedNames.set(key, { name: this.name(suffix), limit });
    return ref(`local.names.${key}`);
  }

  /** `tags = merge(local.tags, { Name = ... })`, or `local.tags` when no Name is wanted. */
  tags(nameSuffix?: string, extra: Record<string, ExprLike> = {}): BodyItem {
    if (nameSuffix === undefined && Object.keys(extra).length === 0) return attr('tags', ref('local.tags'));
    return attr('tags', call('merge', ref('local.tags'), obj({ ...(nameSuffix !== undefined ? { Name: this.name(nameSuffix) } : {}), ...extra })));
  }

  /** Adds comment lines above every planned resource block whose address `matches`. */
  annotateResources(matches: (address: string) => boolean, lines: readonly string[]): void {
    this.planned.forEach((planned, i) => {
      const b = planned.block;
      if (b.type !== 'resource' || !matches(`${b.labels[0]}.${b.labels[1]}`)) return;
      this.planned[i] = { ...planned, block: { ...b, leadingComments: [...(b.leadingComments ?? []), ...lines.map(lineComment)] } };
    });
  }

  blocks(): readonly PlannedBlock[] {
    return this.planned;
  }

  /** `variable` blocks, in declaration order. */
  variableBlocks(): Block[] {
    return [...this.variables].map(([name, { spec }]) =>
      block('variable', [name], [
        attr('description', str(spec.description)),
        attr('type', spec.type),
        spec.default !== undefined ? attr('default', spec.default) : undefined,
        spec.nullable === false ? attr('nullable', false) : undefined,
        spec.sensitive ? attr('sensitive', true) : undefined,
        ...(spec.validations ?? []).map((v) => block('validation', [], [attr('condition', v.condition), attr('error_message', str(v.message))])),
      ]),
    );
  }

  localsBlock(): Block | undefined {
    if (this.locals.size === 0 && this.limitedNames.size === 0) return undefined;
    return block('locals', [], [...[...this.locals].map(([name, value]) => attr(name, value)), ...this.limitedNamesLocals()]);
  }

  private limitedNamesLocals(): BodyItem[] {
    if (this.limitedNames.size === 0) return [];
    const entries = [...this.limitedNames].sort(([a], [b]) => a.localeCompare(b));
    const cut = binary('-', ref('n.limit'), NAME_HASH_LENGTH + 1);
    const shortened = tmpl`${call('trim', call('substr', ref('n.name'), 0, cut), '-')}-${call('substr', call('sha1', ref('n.name')), 0, NAME_HASH_LENGTH)}`;
    return [
      attr('name_limits', obj(Object.fromEntries(entries.map(([key, { name, limit }]) => [key, obj({ name, limit: num(limit) }, false)])), true), [
        'Names AWS limits in length (load balancers and target groups: 32 characters, buckets: 63 with the account id...).',
        'A name longer than its limit (a long project_name or environment) is cut and ends in a hash',
        'of the whole name, so it stays unique and stable; a name that fits is used as it is.',
      ]),
      attr('names', forObject('key', 'n', ref('local.name_limits'), ref('key'), cond(binary('<=', call('length', ref('n.name')), ref('n.limit')), ref('n.name'), shortened))),
    ];
  }

  outputBlocks(): Block[] {
    return [...this.outputs]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, spec]) => block('output', [name], [attr('description', str(spec.description)), attr('value', spec.value), spec.sensitive ? attr('sensitive', true) : undefined]));
  }

  variableNames(): string[] {
    return [...this.variables.keys()];
  }

  variableSpec(name: string): VariableSpec | undefined {
    return this.variables.get(name)?.spec;
  }

  outputSpecs(): ReadonlyMap<string, OutputSpec> {
    return this.outputs;
  }
}

/** Type constraint helpers. */
export const types = {
  string: ident('string'),
  number: ident('number'),
  bool: ident('bool'),
  listOf: (t: Expr) => call('list', t),
  setOf: (t: Expr) => call('set', t),
  mapOf: (t: Expr) => call('map', t),
};

/** Four hex digits of FNV-1a: stable across runs and platforms, enough to tell names apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0xffff).toString(16).padStart(4, '0');
}
