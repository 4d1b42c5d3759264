/**
 * A block of one resource instance, read the way rules ask: attributes as located values
 * (evaluated with that instance's `count.index`/`each`), nested blocks, and whether a `dynamic`
 * block may add more of a kind (then a rule cannot know what is there and stays silent).
 */
import type { Attribute, Block } from '../../hcl/index.js';
import type { EvalScope } from '../eval/evaluate.js';
import type { ModuleIndex, ResourceDecl } from '../module-index.js';
import { instanceAddress } from '../instances.js';
import { locate, locateJson, type Located, type Site } from './located.js';

export class BlockView {
  private readonly values = new Map<string, Located>();

  constructor(
    readonly block: Block,
    readonly file: string,
    readonly scope: EvalScope,
  ) {}

  /** Where a finding about the block as a whole points: its type keyword. */
  get site(): Site {
    return { file: this.file, range: this.block.typeRange ?? this.block.range };
  }

  attribute(name: string): Attribute | undefined {
    for (const item of this.block.body.items) if (item.kind === 'attribute' && item.name === name) return item;
    return undefined;
  }

  /** The attribute's value, located at the attribute; undefined when it is not set. */
  attr(name: string): Located | undefined {
    const cached = this.values.get(name);
    if (cached) return cached;
    const attribute = this.attribute(name);
    if (!attribute) return undefined;
    const value = locate(attribute.expr, { scope: this.scope, file: this.file }, attribute.range);
    this.values.set(name, value);
    return value;
  }

  /** The attribute read as a JSON document (`jsonencode({...})`, a heredoc, a known string). */
  json(name: string): Located | undefined {
    const attribute = this.attribute(name);
    return attribute ? locateJson(attribute.expr, { scope: this.scope, file: this.file }, attribute.range) : undefined;
  }

  /** Nested blocks of a type written out (not `dynamic`). */
  blocks(type: string): BlockView[] {
    const out: BlockView[] = [];
    for (const item of this.block.body.items) if (item.kind === 'block' && item.type === type) out.push(new BlockView(item, this.file, this.scope));
    return out;
  }

  /** The first nested block of a type, for blocks that appear at most once. */
  first(type: string): BlockView | undefined {
    return this.blocks(type)[0];
  }

  /** True when a `dynamic "type"` block may generate blocks of this type. */
  hasDynamic(type: string): boolean {
    return this.block.body.items.some((item) => item.kind === 'block' && item.type === 'dynamic' && item.labels[0] === type);
  }
}

/** One instance of a resource or data source, with the module it belongs to. */
export class ResourceInstance extends BlockView {
  constructor(
    readonly decl: ResourceDecl,
    readonly module: ModuleIndex,
    readonly key: number | string | undefined,
    scope: EvalScope,
  ) {
    super(decl.block, decl.file, scope);
  }

  get type(): string {
    return this.decl.type;
  }

  /** The address without instance key, as written in references: `aws_lb.main`. */
  get name(): string {
    return this.decl.address;
  }

  /** The instance's own address: `aws_subnet.public[0]`. */
  get address(): string {
    return instanceAddress(this.decl.address, this.key);
  }
}
