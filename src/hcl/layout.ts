/**
 * Our layout policy for bodies, shared by the writer (which applies it) and the parser (which
 * records only the blank lines this policy would not produce, as `BlankLine` items).
 *
 * - Blocks are separated from their neighbours by one blank line, at every level.
 * - In top-level `resource`, `data` and `module` blocks the meta-arguments `count`, `for_each` and
 *   `provider` come first, followed by a blank line; `depends_on` then `lifecycle` come last,
 *   preceded by a blank line (also in `output` blocks, for `depends_on`). In `dynamic` blocks
 *   `for_each` and `iterator` come first.
 * - Explicit `BlankLine` items are kept, never doubled, and dropped at the start or end of a body.
 */
import type { Attribute, Block, BodyItem } from './ast.js';

/** Where a body sits: the file itself (depth 0), or the body of a block of some type. */
export interface BodyContext {
  /** Type of the block owning the body; undefined for the file. */
  readonly blockType?: string;
  /** 0 for the file, 1 for a top-level block's body, and so on. */
  readonly depth: number;
}

export const FILE_CONTEXT: BodyContext = { depth: 0 };

export function blockContext(blockType: string, parent: BodyContext): BodyContext {
  return { blockType, depth: parent.depth + 1 };
}

const LEADING_META_TOP_LEVEL: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['resource', new Set(['count', 'for_each', 'provider'])],
  ['data', new Set(['count', 'for_each', 'provider'])],
  ['module', new Set(['count', 'for_each', 'provider'])],
]);
const DYNAMIC_META: ReadonlySet<string> = new Set(['for_each', 'iterator']);
const TRAILING_META_BLOCKS: ReadonlySet<string> = new Set(['resource', 'data', 'module', 'output']);

type RealItem = Attribute | Block;

export function isLeadingMeta(item: BodyItem, context: BodyContext): boolean {
  if (item.kind !== 'attribute' || context.blockType === undefined) return false;
  if (context.blockType === 'dynamic') return DYNAMIC_META.has(item.name);
  return context.depth === 1 && (LEADING_META_TOP_LEVEL.get(context.blockType)?.has(item.name) ?? false);
}

export function isTrailingMeta(item: BodyItem, context: BodyContext): boolean {
  if (context.depth !== 1 || context.blockType === undefined || !TRAILING_META_BLOCKS.has(context.blockType)) return false;
  return (item.kind === 'attribute' && item.name === 'depends_on') || (item.kind === 'block' && item.type === 'lifecycle');
}

/** Whether the writer separates these neighbours with a blank line on its own. */
export function policyBlankLine(previous: RealItem, next: RealItem, context: BodyContext): boolean {
  if (previous.kind === 'block' || next.kind === 'block') return true;
  if (isLeadingMeta(previous, context) && !isLeadingMeta(next, context)) return true;
  return isTrailingMeta(next, context) && !isTrailingMeta(previous, context);
}

/** One entry per attribute or block, in writing order, with whether a blank line precedes it. */
export interface ArrangedItem {
  readonly item: RealItem;
  readonly blankBefore: boolean;
}

/** Puts meta-arguments in their places and decides every blank line of a body. */
export function arrangeBody(items: readonly BodyItem[], context: BodyContext): ArrangedItem[] {
  const leading: BodyItem[] = [];
  const middle: BodyItem[] = [];
  const trailing: BodyItem[] = [];
  for (const item of items) {
    if (isLeadingMeta(item, context)) leading.push(item);
    else if (isTrailingMeta(item, context)) trailing.push(item);
    else middle.push(item);
  }
  const arranged: ArrangedItem[] = [];
  let explicitBlank = false;
  let previous: RealItem | undefined;
  // `depends_on` before `lifecycle`, each group in model order.
  trailing.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'attribute' ? -1 : 1));
  for (const item of [...leading, ...middle, ...trailing]) {
    if (item.kind === 'blank') {
      explicitBlank = true;
      continue;
    }
    const blankBefore = previous !== undefined && (explicitBlank || policyBlankLine(previous, item, context));
    arranged.push({ item, blankBefore });
    previous = item;
    explicitBlank = false;
  }
  return arranged;
}
