/**
 * `writeHcl`: the document model to text, byte for byte what `terraform fmt` would leave as is.
 *
 * Layout policy (our style; see `layout.ts` for the blank-line rules):
 * - Two-space indentation, `=` signs aligned across consecutive single-line attributes, trailing
 *   comments aligned across consecutive lines: all decided by `renderTokens`, a port of hclwrite's
 *   formatter, so `terraform fmt` finds nothing to change.
 * - One blank line around every block; meta-arguments (`count`, `for_each`, `provider`) first and
 *   followed by a blank line, `depends_on` and `lifecycle` last and preceded by one; explicit
 *   `BlankLine`s kept but never doubled. No trailing whitespace; the file ends with one newline.
 * - `headerComments` first, then a blank line; `leadingComments` as lines above their item, in
 *   their own style (`#`, `//`, `/* *\/`); a trailing comment after the value.
 * - Objects, tuples, calls and `for` expressions marked `multiline` put one item per line; tuple
 *   items and call arguments then end with `,`, object items do not. Empty ones are `[]`/`{}`.
 * - Heredocs: `<<-EOT` text is indented two spaces deeper than the line that opens it and the
 *   marker sits level with that line; `<<EOT` text is written as is. The marker changes if the
 *   text contains it. Block labels are always quoted.
 * - What `terraform fmt` rewrites beyond spacing, we write already rewritten: an attribute whose
 *   value is a lone interpolation (`"${var.x}"`) is written unwrapped (`var.x`), and a `variable`
 *   block's legacy `type = "string"` / `list` / `map` becomes `string` / `list(any)` / ...
 */
import type { Attribute, Block, Expr, File } from './ast.js';
import { renderTokens } from './format-tokens.js';
import { arrangeBody, blockContext, FILE_CONTEXT, type BodyContext } from './layout.js';
import { TokenSink } from './token-sink.js';
import { writeCommentLines, writeTrailingComment } from './write-comment.js';
import { endsWithHeredoc, writeExprTokens } from './write-expr.js';
import { escapeQuoted } from './write-template.js';

export function writeHcl(file: File): string {
  const sink = new TokenSink();
  const header = file.headerComments ?? [];
  for (const comment of header) writeCommentLines(sink, comment);
  const hasItems = file.body.items.some((item) => item.kind !== 'blank');
  if (header.length > 0 && hasItems) sink.blankLine();
  writeBody(sink, file.body.items, FILE_CONTEXT);
  return renderTokens(sink);
}

function writeBody(sink: TokenSink, items: File['body']['items'], context: BodyContext): void {
  for (const { item, blankBefore } of arrangeBody(items, context)) {
    if (blankBefore) sink.blankLine();
    if (item.kind === 'attribute') writeAttribute(sink, item, context);
    else writeBlock(sink, item, context);
  }
}

function writeAttribute(sink: TokenSink, attribute: Attribute, context: BodyContext): void {
  const { expr, singleLine } = asTerraformFmtWrites(attribute, context);
  const heredocValue = endsWithHeredoc(expr);
  for (const comment of attribute.leadingComments ?? []) writeCommentLines(sink, comment);
  // Nothing may follow a heredoc on its closing line, so its trailing comment goes above.
  if (heredocValue && attribute.trailingComment) writeCommentLines(sink, attribute.trailingComment);
  sink.push('ident', attribute.name);
  sink.push('equal', '=');
  writeExprTokens(sink, expr, singleLine);
  if (attribute.trailingComment && !heredocValue) writeTrailingComment(sink, attribute.trailingComment);
  else sink.newline();
}

function writeBlock(sink: TokenSink, block: Block, parent: BodyContext): void {
  for (const comment of block.leadingComments ?? []) writeCommentLines(sink, comment);
  sink.push('ident', block.type);
  for (const label of block.labels) {
    sink.push('oquote', '"');
    if (label !== '') sink.push('quotedLit', escapeQuoted(label));
    sink.push('cquote', '"');
  }
  sink.push('obrace', '{');
  const context = blockContext(block.type, parent);
  if (block.body.items.some((item) => item.kind !== 'blank')) {
    sink.newline();
    writeBody(sink, block.body.items, context);
  }
  sink.push('cbrace', '}');
  sink.newline();
}

/**
 * The rewrites `terraform fmt` applies on top of hclwrite's spacing (terraform's
 * internal/command/fmt.go: formatValueExpr and formatTypeExpr), applied here so fmt has nothing left to do.
 */
function asTerraformFmtWrites(attribute: Attribute, context: BodyContext): { expr: Expr; singleLine: boolean } {
  const { expr } = attribute;
  if (context.blockType === 'variable' && context.depth === 1 && attribute.name === 'type') return { expr: legacyTypeRewrite(expr), singleLine: false };
  const only = expr.kind === 'template' && !expr.heredoc && expr.parts.length === 1 ? expr.parts[0] : undefined;
  // `"${x}"` becomes `x`; the tokens fmt keeps are those inside `${}`, written on one line.
  if (only?.kind === 'interpolation') return { expr: only.expr, singleLine: true };
  return { expr, singleLine: false };
}

function legacyTypeRewrite(expr: Expr): Expr {
  const collectionOf = (name: string, element: string): Expr => ({ kind: 'call', name, args: [{ kind: 'traversal', root: element, steps: [] }] });
  if (expr.kind === 'traversal' && expr.steps.length === 0 && ['list', 'map', 'set'].includes(expr.root)) return collectionOf(expr.root, 'any');
  const only = expr.kind === 'template' && !expr.heredoc && expr.parts.length === 1 ? expr.parts[0] : undefined;
  if (only?.kind === 'string') {
    const legacy = only.value;
    if (legacy === 'string') return { kind: 'traversal', root: 'string', steps: [] };
    if (legacy === 'list' || legacy === 'map') return collectionOf(legacy, 'string');
  }
  return expr;
}
