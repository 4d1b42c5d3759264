/**
 * What a module declares, read once from its parsed files: variables, locals, resources, data
 * sources, ephemeral resources, outputs, module calls, providers and the `terraform` block. The
 * checks and later consumers (security rules, cost, diagrams) read this index instead of walking
 * the files again. Every declaration keeps its block (with ranges) and its leading comments.
 */
import type { Attribute, Block, Comment, Expr, File, Range } from '../hcl/index.js';
import { blockSite, blocksOf, findAttribute, literalString, objectEntries } from './ast/ast-read.js';

export interface ParsedFile {
  readonly path: string;
  readonly text: string;
  readonly ast: File;
}

export type ResourceMode = 'managed' | 'data' | 'ephemeral';

/** The meta-arguments of a resource, data source, ephemeral resource or module call. */
export interface MetaArguments {
  readonly count?: Attribute;
  readonly forEach?: Attribute;
  readonly dependsOn?: Attribute;
  readonly provider?: Attribute;
  readonly lifecycle?: Block;
}

export interface ResourceDecl {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  /** `aws_lb.main`, `data.aws_iam_policy_document.x`, `ephemeral.aws_secretsmanager_secret_version.x`. */
  readonly address: string;
  readonly file: string;
  readonly block: Block;
  readonly meta: MetaArguments;
  /** The provider's local name: `provider = aws.west` gives `aws`, else the type's prefix. */
  readonly providerName: string;
  /** Set for a data source declared inside a `check` block (visible only there in Terraform). */
  readonly checkName?: string;
}

export interface VariableDecl {
  readonly name: string;
  readonly address: string;
  readonly file: string;
  readonly block: Block;
  readonly type?: Expr;
  readonly default?: Expr;
  readonly description?: Attribute;
}

export interface LocalDecl {
  readonly name: string;
  readonly address: string;
  readonly file: string;
  readonly attribute: Attribute;
  /** The `locals` block it sits in. */
  readonly block: Block;
}

export interface OutputDecl {
  readonly name: string;
  readonly address: string;
  readonly file: string;
  readonly block: Block;
  readonly value?: Expr;
}

export interface ModuleCallDecl {
  readonly name: string;
  readonly address: string;
  readonly file: string;
  readonly block: Block;
  /** The literal `source`, when it is one. */
  readonly source?: string;
  readonly meta: MetaArguments;
}

export interface ProviderConfigDecl {
  readonly name: string;
  readonly alias?: string;
  /** `provider.aws` or `provider.aws.west`. */
  readonly address: string;
  readonly file: string;
  readonly block: Block;
}

export interface RequiredProvider {
  readonly name: string;
  readonly source?: string;
  readonly version?: string;
  readonly file: string;
  readonly range?: Range;
}

export interface TerraformBlockDecl {
  readonly file: string;
  readonly block: Block;
}

/** Two declarations with the same address: Terraform rejects the module. */
export interface DuplicateDecl {
  readonly address: string;
  readonly first: { readonly file: string; readonly range?: Range };
  readonly second: { readonly file: string; readonly range?: Range };
}

/** A declaration found by address. */
export interface DeclarationSite {
  readonly address: string;
  readonly file: string;
  readonly node: Block | Attribute;
  readonly leadingComments: readonly Comment[];
}

export interface ModuleIndex {
  /** The module's directory relative to the checked root, `.` for the root. */
  readonly dir: string;
  /** The files that parsed, sorted by path. */
  readonly files: readonly ParsedFile[];
  /** False when some `.tf` file of the directory did not parse: declarations may be missing. */
  readonly complete: boolean;
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, LocalDecl>;
  /** Resources, data sources and ephemeral resources, by address. */
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly outputs: ReadonlyMap<string, OutputDecl>;
  readonly moduleCalls: ReadonlyMap<string, ModuleCallDecl>;
  readonly providerConfigs: readonly ProviderConfigDecl[];
  readonly requiredProviders: ReadonlyMap<string, RequiredProvider>;
  readonly terraformBlocks: readonly TerraformBlockDecl[];
  readonly duplicates: readonly DuplicateDecl[];
  /** The block (or, for a local, the attribute) declaring `address`, with its leading comments. */
  find(address: string): DeclarationSite | undefined;
}

export function indexModule(dir: string, files: readonly ParsedFile[], complete: boolean): ModuleIndex {
  const builder = new IndexBuilder();
  for (const file of files) {
    for (const item of file.ast.body.items) {
      if (item.kind === 'block') builder.addTopLevel(file.path, item);
    }
  }
  return builder.finish(dir, files, complete);
}

class IndexBuilder {
  readonly variables = new Map<string, VariableDecl>();
  readonly locals = new Map<string, LocalDecl>();
  readonly resources = new Map<string, ResourceDecl>();
  readonly outputs = new Map<string, OutputDecl>();
  readonly moduleCalls = new Map<string, ModuleCallDecl>();
  readonly providerConfigs: ProviderConfigDecl[] = [];
  readonly requiredProviders = new Map<string, RequiredProvider>();
  readonly terraformBlocks: TerraformBlockDecl[] = [];
  readonly duplicates: DuplicateDecl[] = [];
  readonly sites = new Map<string, DeclarationSite>();

  addTopLevel(file: string, block: Block): void {
    const [first, second] = block.labels;
    switch (block.type) {
      case 'resource':
      case 'data':
      case 'ephemeral':
        if (first !== undefined && second !== undefined) this.addResource(file, block, MODE_OF_BLOCK[block.type], first, second);
        return;
      case 'variable':
        if (first !== undefined) this.addVariable(file, block, first);
        return;
      case 'locals':
        for (const item of block.body.items) {
          if (item.kind !== 'attribute') continue;
          const address = `local.${item.name}`;
          if (this.claim(address, file, item, item.nameRange)) {
            this.locals.set(item.name, { name: item.name, address, file, attribute: item, block });
          }
        }
        return;
      case 'output':
        if (first !== undefined && this.claim(`output.${first}`, file, block, blockSite(block))) {
          const value = findAttribute(block.body, 'value')?.expr;
          this.outputs.set(first, { name: first, address: `output.${first}`, file, block, ...(value ? { value } : {}) });
        }
        return;
      case 'module':
        if (first !== undefined && this.claim(`module.${first}`, file, block, blockSite(block))) {
          const source = literalString(findAttribute(block.body, 'source')?.expr);
          this.moduleCalls.set(first, {
            name: first,
            address: `module.${first}`,
            file,
            block,
            ...(source !== undefined ? { source } : {}),
            meta: metaArguments(block),
          });
        }
        return;
      case 'provider':
        if (first !== undefined) this.addProvider(file, block, first);
        return;
      case 'terraform':
        this.terraformBlocks.push({ file, block });
        this.addRequiredProviders(file, block);
        return;
      case 'check':
        // Data sources scoped to a check block; indexed so the check's own references resolve.
        for (const nested of blocksOf(block.body, 'data')) {
          const [type, name] = nested.labels;
          if (type !== undefined && name !== undefined) this.addResource(file, nested, 'data', type, name, first);
        }
        return;
      default:
        return;
    }
  }

  private addResource(file: string, block: Block, mode: ResourceMode, type: string, name: string, checkName?: string): void {
    const address = `${ADDRESS_PREFIX[mode]}${type}.${name}`;
    if (!this.claim(address, file, block, blockSite(block))) return;
    const meta = metaArguments(block);
    this.resources.set(address, {
      mode,
      type,
      name,
      address,
      file,
      block,
      meta,
      providerName: providerNameOf(type, meta.provider),
      ...(checkName !== undefined ? { checkName } : {}),
    });
  }

  private addVariable(file: string, block: Block, name: string): void {
    const address = `var.${name}`;
    if (!this.claim(address, file, block, blockSite(block))) return;
    const type = findAttribute(block.body, 'type')?.expr;
    const defaultValue = findAttribute(block.body, 'default')?.expr;
    const description = findAttribute(block.body, 'description');
    this.variables.set(name, {
      name,
      address,
      file,
      block,
      ...(type ? { type } : {}),
      ...(defaultValue ? { default: defaultValue } : {}),
      ...(description ? { description } : {}),
    });
  }

  private addProvider(file: string, block: Block, name: string): void {
    const alias = literalString(findAttribute(block.body, 'alias')?.expr);
    const address = alias === undefined ? `provider.${name}` : `provider.${name}.${alias}`;
    if (!this.claim(address, file, block, blockSite(block))) return;
    this.providerConfigs.push({ name, ...(alias !== undefined ? { alias } : {}), address, file, block });
  }

  private addRequiredProviders(file: string, block: Block): void {
    for (const required of blocksOf(block.body, 'required_providers')) {
      for (const item of required.body.items) {
        if (item.kind !== 'attribute') continue;
        const entry: { source?: string; version?: string } = {};
        if (item.expr.kind === 'object') {
          for (const { name, value } of objectEntries(item.expr)) {
            const text = literalString(value);
            if (text !== undefined && (name === 'source' || name === 'version')) entry[name] = text;
          }
        } else {
          // The pre-0.13 shorthand `aws = "~> 5.0"` gives a version and no source.
          const version = literalString(item.expr);
          if (version !== undefined) entry.version = version;
        }
        this.requiredProviders.set(item.name, { name: item.name, ...entry, file, ...(item.range ? { range: item.range } : {}) });
      }
    }
  }

  /** Records the site of `address`; false (and a duplicate) when it was declared before. */
  private claim(address: string, file: string, node: Block | Attribute, range: Range | undefined): boolean {
    const existing = this.sites.get(address);
    if (existing) {
      const firstRange = existing.node.kind === 'block' ? blockSite(existing.node) : existing.node.nameRange;
      this.duplicates.push({
        address,
        first: { file: existing.file, ...(firstRange ? { range: firstRange } : {}) },
        second: { file, ...(range ? { range } : {}) },
      });
      return false;
    }
    this.sites.set(address, { address, file, node, leadingComments: node.leadingComments ?? [] });
    return true;
  }

  finish(dir: string, files: readonly ParsedFile[], complete: boolean): ModuleIndex {
    const sites = this.sites;
    return {
      dir,
      files,
      complete,
      variables: this.variables,
      locals: this.locals,
      resources: this.resources,
      outputs: this.outputs,
      moduleCalls: this.moduleCalls,
      providerConfigs: this.providerConfigs,
      requiredProviders: this.requiredProviders,
      terraformBlocks: this.terraformBlocks,
      duplicates: this.duplicates,
      find: (address) => sites.get(address),
    };
  }
}

/** The resource mode each top-level block type declares. */
export const MODE_OF_BLOCK = { resource: 'managed', data: 'data', ephemeral: 'ephemeral' } as const satisfies Record<string, ResourceMode>;

const ADDRESS_PREFIX: Record<ResourceMode, string> = { managed: '', data: 'data.', ephemeral: 'ephemeral.' };

export function metaArguments(block: Block): MetaArguments {
  const count = findAttribute(block.body, 'count');
  const forEach = findAttribute(block.body, 'for_each');
  const dependsOn = findAttribute(block.body, 'depends_on');
  const provider = findAttribute(block.body, 'provider');
  const lifecycle = blocksOf(block.body, 'lifecycle')[0];
  return {
    ...(count ? { count } : {}),
    ...(forEach ? { forEach } : {}),
    ...(dependsOn ? { dependsOn } : {}),
    ...(provider ? { provider } : {}),
    ...(lifecycle ? { lifecycle } : {}),
  };
}

/** The provider local name a resource type belongs to, as Terraform infers it. */
function providerNameOf(type: string, provider: Attribute | undefined): string {
  if (provider?.expr.kind === 'traversal') return provider.expr.root;
  const underscore = type.indexOf('_');
  return underscore < 0 ? type : type.slice(0, underscore);
}
