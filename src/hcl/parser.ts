/**
 * `parseHcl`: HCL native syntax text to the document model in `ast.ts`, with ranges on every
 * node and comments attached to the items they describe. Never throws: syntax problems come back
 * as errors (the first one precise, later ones best effort) next to whatever could be parsed, and
 * a text nesting deeper than MAX_HCL_DEPTH comes back empty with one error saying so.
 *
 * Comments: the lines directly above an item lead it (any comments between two items lead the
 * second), a comment after an item on its last line trails it, and comments at the top of the
 * file separated from the first item by a blank line are the file's header. Comments inside
 * tuples and calls, or after the last item of a body, have no place in the model.
 */
import type { Attribute, Block, BodyItem, Comment, File, Range } from './ast.js';
import { CommentIndex, splitHeader, toComment } from './comments.js';
import { sortErrors, type HclError } from './errors.js';
import { blockContext, FILE_CONTEXT, policyBlankLine, type BodyContext } from './layout.js';
import { lex, type LexComment } from './lexer.js';
import { measureShape, tooDeepError } from './limits.js';
import { parseExpression } from './parse-expr.js';
import { decodeQuoted } from './template-text.js';
import { TokenReader, type TokenIndex } from './reader.js';

export interface ParseResult {
  readonly file: File;
  readonly errors: HclError[];
}

export function parseHcl(path: string, text: string): ParseResult {
  const lexed = lex(path, text);
  const { tooDeepAt } = measureShape(lexed.tokens);
  if (tooDeepAt !== undefined) {
    // Parsing would recurse past the stack: report where, and hand back an empty document.
    const start = { line: 1, column: 1, offset: 0 };
    return { file: { path, body: { items: [], range: { start, end: start } } }, errors: [tooDeepError(path, tooDeepAt)] };
  }
  const reader = new TokenReader(path, text, lexed.tokens, new CommentIndex(lexed.comments), lexed.errors);
  const parser = new BodyParser(reader);
  const items = parser.parseBody(FILE_CONTEXT, 0);
  const file: File = {
    path,
    body: { items, range: { start: { line: 1, column: 1, offset: 0 }, end: reader.startPos(reader.peek()) } },
    ...(parser.headerComments.length > 0 ? { headerComments: parser.headerComments.map(toComment) } : {}),
  };
  return { file, errors: sortErrors([...lexed.errors, ...reader.errors]) };
}

const NO_COMMENTS: Comment[] = [];

class BodyParser {
  headerComments: LexComment[] = [];

  constructor(private readonly r: TokenReader) {}

  /** Items up to the end of the file, or up to (not including) the `}` closing a block body. */
  parseBody(context: BodyContext, bodyStart: number): BodyItem[] {
    const { r } = this;
    const isFile = context === FILE_CONTEXT;
    const items: BodyItem[] = [];
    let previous: Attribute | Block | undefined;
    let previousEnd = bodyStart;
    let first = true;
    for (;;) {
      r.skipNewlines();
      const type = r.peekType();
      if (type === 'eof' || (type === 'cbrace' && !isFile)) break;
      const start = r.skip();
      if (type !== 'ident') {
        if (type === 'oquote') r.errorAt(start, 'Invalid argument name', 'Argument names must not be quoted.');
        else r.errorAt(start, 'Argument or block definition required', 'An argument or block definition is required here.');
        r.recoverToLineEnd();
        continue;
      }
      let leading = r.comments.claimBetween(previousEnd, r.start(start));
      if (isFile && first) {
        const split = splitHeader(leading, r.startPos(start).line);
        this.headerComments = split.header;
        leading = split.leading;
      }
      first = false;
      const item = this.parseItem(start, context, leading.length > 0 ? leading.map(toComment) : NO_COMMENTS);
      if (item) {
        if (previous) {
          const firstLine = leading[0]?.range.start.line ?? r.startPos(start).line;
          const blankInSource = firstLine - previous.range!.end.line > 1;
          if (blankInSource && !policyBlankLine(previous, item, context)) items.push({ kind: 'blank' });
        }
        items.push(item);
        previous = item;
        previousEnd = r.end(r.previous());
      }
      if (r.hasPendingError) r.recoverToLineEnd();
    }
    // A file of comments only: they are all its header.
    if (isFile && first) this.headerComments = r.comments.claimBetween(0, r.end(r.peek()) + 1);
    return items;
  }

  private parseItem(name: TokenIndex, context: BodyContext, leadingComments: Comment[]): Attribute | Block | undefined {
    const { r } = this;
    const after = r.peekType();
    if (after === 'equal') return this.parseAttribute(name, leadingComments, false);
    if (after === 'oquote' || after === 'ident' || after === 'obrace') return this.parseBlock(name, context, leadingComments);
    r.errorAt(name, 'Argument or block definition required', 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
    return undefined;
  }

  private parseAttribute(name: TokenIndex, leadingComments: Comment[], inSingleLineBlock: boolean): Attribute {
    const { r } = this;
    r.skip(); // =
    const newlineDepth = r.newlineDepth;
    const expr = parseExpression(r);
    r.resetNewlines(newlineDepth);
    const last = r.previous();
    const after = r.peekRawType();
    const endsLine = after === 'newline' || after === 'eof';
    if (!endsLine && !(inSingleLineBlock && after === 'cbrace')) {
      r.errorAt(r.peekRaw(), 'Missing newline after argument', 'An argument definition must end with a newline.');
    }
    const trailing = endsLine ? r.comments.claimTrailing(r.endPos(last).line, r.end(last)) : undefined;
    const nameRange = r.range(name);
    const attribute: { -readonly [K in keyof Attribute]: Attribute[K] } = {
      kind: 'attribute',
      name: r.text(name),
      expr,
      range: { start: nameRange.start, end: expr.range?.end ?? r.endPos(last) },
      nameRange,
    };
    if (leadingComments.length > 0) attribute.leadingComments = leadingComments;
    if (trailing) attribute.trailingComment = toComment(trailing);
    return attribute;
  }

  private parseBlock(typeToken: TokenIndex, parentContext: BodyContext, leadingComments: Comment[]): Block | undefined {
    const { r } = this;
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    for (;;) {
      const type = r.peekType();
      if (type === 'ident') {
        const label = r.skip();
        labels.push(r.text(label));
        labelRanges.push(r.range(label));
      } else if (type === 'oquote') {
        const label = this.parseLabel();
        if (label === undefined) return undefined;
        labels.push(label.value);
        labelRanges.push(label.range);
      } else {
        break;
      }
    }
    if (r.peekType() !== 'obrace') {
      r.errorAt(r.peek(), 'Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.');
      return undefined;
    }
    const open = r.skip();
    const type = r.text(typeToken);
    const context = blockContext(type, parentContext);
    const singleLine = r.peekRawType() !== 'newline' && r.peekRawType() !== 'eof';
    const items = singleLine ? this.parseSingleLineBody() : this.parseBody(context, r.end(open));
    const close = r.peek();
    let end = close;
    if (r.type(close) === 'cbrace') {
      r.skip();
      const after = r.peekRawType();
      if (after !== 'newline' && after !== 'eof') r.errorAt(r.peekRaw(), 'Missing newline after block definition', 'A block definition must end with a newline.');
    } else if (!r.reportedAfter(r.start(open))) {
      r.error('Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', r.range(open));
    }
    if (r.type(close) !== 'cbrace') end = r.previous();
    return {
      kind: 'block',
      type,
      labels,
      body: { items, range: { start: r.endPos(open), end: r.startPos(close) } },
      ...(leadingComments.length > 0 ? { leadingComments } : {}),
      range: r.span(typeToken, end),
      typeRange: r.range(typeToken),
      labelRanges,
    };
  }

  /** `name { attr = value }` or `name {}` on one line. */
  private parseSingleLineBody(): BodyItem[] {
    const { r } = this;
    if (r.peekType() === 'cbrace') return [];
    if (r.peekType() === 'ident' && r.peekType(1) === 'equal') {
      const attribute = this.parseAttribute(r.skip(), [], true);
      if (r.peekRawType() !== 'cbrace') {
        r.errorAt(
          r.peekRaw(),
          'Invalid single-argument block definition',
          "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
        );
      }
      return [attribute];
    }
    r.errorAt(r.peek(), 'Invalid single-argument block definition', 'A single-line block definition can contain only a single argument.');
    return [];
  }

  private parseLabel(): { value: string; range: Range } | undefined {
    const { r } = this;
    const open = r.skip();
    let value = '';
    r.pushNewlines(true);
    for (;;) {
      const type = r.peekType();
      if (type === 'quotedLit') {
        const literal = r.skip();
        value += decodeQuoted(r.reportAt, r.text(literal), r.range(literal));
      } else if (type === 'interp' || type === 'control') {
        r.errorAt(r.peek(), 'Invalid string literal', 'Template sequences are not allowed in this string. To include a literal "$", double it (as "$$") to escape it.');
        r.popNewlines();
        return undefined;
      } else {
        break;
      }
    }
    r.popNewlines();
    const close = r.peekType() === 'cquote' ? r.skip() : r.previous();
    return { value, range: r.span(open, close) };
  }
}
