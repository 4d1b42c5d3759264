/**
 * Turns a token sequence with line breaks already decided into text, choosing every space the
 * way hclwrite's `format` does (hashicorp/hcl, hclwrite/format.go), which is what `terraform fmt`
 * runs: indentation of two spaces per net bracket opened by a line, the spacing rules of
 * `spaceAfterToken`, and alignment of `=` (and of trailing comments) across consecutive lines.
 * Because the writer's output goes through the same rules, `terraform fmt` has nothing to change.
 */
import type { TokenSink } from './token-sink.js';
import type { TokenType } from './token.js';
import { bracketChange } from './token.js';

/** One line of tokens split into hclwrite's cells: [lead, assign, comment) as token indexes. */
interface FormatLine {
  readonly start: number;
  /** First token of the `= value` cell, or -1. */
  assign: number;
  /** The trailing comment token, or -1. */
  comment: number;
  readonly end: number;
}

export function renderTokens(sink: TokenSink): string {
  const { types, texts } = sink;
  const spaces = new Int32Array(types.length);
  const lines = splitLines(sink);
  formatIndent(types, lines, spaces);
  formatSpaces(sink, lines, spaces);
  formatCells(texts, lines, spaces);
  const out: string[] = [];
  for (const line of lines) {
    const indent = spaces[line.start] ?? 0;
    for (let i = line.start; i < line.end; i++) {
      const heredocIndent = sink.heredocIndents.size > 0 ? sink.heredocIndents.get(i) : undefined;
      const extra = heredocIndent === 'content' ? indent + 2 : heredocIndent === 'close' ? indent : 0;
      const before = spaces[i]! + extra;
      if (before > 0) out.push(blanks(before));
      out.push(texts[i]!);
    }
  }
  return out.join('');
}

const BLANKS: string[] = [];

function blanks(count: number): string {
  return (BLANKS[count] ??= ' '.repeat(count));
}

function splitLines(sink: TokenSink): FormatLine[] {
  const lines: FormatLine[] = [];
  let start = 0;
  for (let i = 0; i < sink.length; i++) {
    if (sink.endsLine(i)) {
      lines.push(makeLine(sink.types, start, i + 1));
      start = i + 1;
    }
  }
  if (start < sink.length) lines.push(makeLine(sink.types, start, sink.length));
  return lines;
}

function makeLine(types: readonly TokenType[], start: number, end: number): FormatLine {
  const line: FormatLine = { start, assign: -1, comment: -1, end };
  let leadEnd = end;
  if (end - start > 1 && types[end - 1] === 'comment') {
    line.comment = end - 1;
    leadEnd = end - 1;
  }
  for (let i = start + 1; i < leadEnd; i++) {
    if (types[i] !== 'equal') continue;
    // Only a complete `= value` (brackets balanced) joins an alignment chain.
    let net = 0;
    for (let j = i; j < leadEnd; j++) net += bracketChange(types[j]!);
    if (net === 0) line.assign = i;
    break;
  }
  return line;
}

/** End of the lead cell. */
function leadEnd(line: FormatLine): number {
  if (line.assign >= 0) return line.assign;
  return line.comment >= 0 ? line.comment : line.end;
}

/** End of the assign cell (empty when there is none). */
function assignEnd(line: FormatLine): number {
  return line.comment >= 0 ? line.comment : line.end;
}

function formatIndent(types: readonly TokenType[], lines: readonly FormatLine[], spaces: Int32Array): void {
  const indents: number[] = [];
  for (const line of lines) {
    if (line.start === line.end) continue;
    if (types[line.start] === 'newline') {
      spaces[line.start] = 0;
      continue;
    }
    let net = 0;
    for (let i = line.start; i < leadEnd(line); i++) {
      net += bracketChange(types[i]!);
      if (types[i] === 'oheredoc') break;
    }
    if (line.assign >= 0) for (let i = line.assign; i < assignEnd(line); i++) net += bracketChange(types[i]!);

    if (net > 0) {
      spaces[line.start] = 2 * indents.length;
      indents.push(net);
    } else {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1]!;
        if (closed >= top) {
          closed -= top;
          indents.pop();
        } else {
          indents[indents.length - 1] = top - closed;
          closed = 0;
        }
      }
      spaces[line.start] = 2 * indents.length;
    }
  }
}

function formatSpaces(sink: TokenSink, lines: readonly FormatLine[], spaces: Int32Array): void {
  const { types, texts } = sink;
  const spaceCell = (from: number, to: number) => {
    for (let i = from; i < to - 1; i++) {
      const before = i > from ? types[i - 1]! : 'nil';
      spaces[i + 1] = spaceAfterToken(types[i]!, texts[i]!, before, types[i + 1]!) ? 1 : 0;
    }
  };
  for (const line of lines) {
    spaceCell(line.start, leadEnd(line));
    if (line.assign >= 0) {
      spaces[line.assign] = 1;
      spaceCell(line.assign, assignEnd(line));
    }
  }
}

function formatCells(texts: readonly string[], lines: readonly FormatLine[], spaces: Int32Array): void {
  const columns = (from: number, to: number) => {
    let total = 0;
    for (let i = from; i < to; i++) total += spaces[i]! + textColumns(texts[i]!);
    return total;
  };
  alignChain(lines, (line) => line.assign >= 0, (line) => columns(line.start, line.assign), (line, pad) => (spaces[line.assign] = pad));
  alignChain(
    lines,
    (line) => line.comment >= 0,
    (line) => columns(line.start, line.comment),
    (line, pad) => (spaces[line.comment] = pad),
  );
}

/** Consecutive lines having a cell get that cell's first token aligned one column past the widest prefix. */
function alignChain(lines: readonly FormatLine[], hasCell: (line: FormatLine) => boolean, prefixColumns: (line: FormatLine) => number, setSpaces: (line: FormatLine, spaces: number) => void): void {
  let chain: FormatLine[] = [];
  let widest = 0;
  const close = () => {
    for (const line of chain) setSpaces(line, widest - prefixColumns(line) + 1);
    chain = [];
    widest = 0;
  };
  for (const line of lines) {
    if (!hasCell(line)) {
      if (chain.length > 0) close();
      continue;
    }
    widest = Math.max(widest, prefixColumns(line));
    chain.push(line);
  }
  if (chain.length > 0) close();
}

const ASCII = /^[\x00-\x7f]*$/;
let segmenter: Intl.Segmenter | undefined;

/** Columns as hclwrite counts them: grapheme clusters. */
function textColumns(text: string): number {
  if (ASCII.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

const MINUS_IS_NEGATION_AFTER: ReadonlySet<TokenType | 'nil'> = new Set<TokenType | 'nil'>([
  'nil',
  'oparen',
  'obrace',
  'obrack',
  'equal',
  'colon',
  'comma',
  'question',
  'plus',
  'star',
  'slash',
  'percent',
  'minus',
  'equalOp',
  'notEqual',
  'greaterThan',
  'greaterThanEq',
  'lessThan',
  'lessThanEq',
  'and',
  'or',
  'bang',
]);

/** hclwrite's spaceAfterToken: whether `subject` is followed by one space (else none). */
function spaceAfterToken(type: TokenType, text: string, before: TokenType | 'nil', after: TokenType): boolean {
  switch (true) {
    case after === 'newline':
      return false;
    case type === 'ident' && after === 'oparen':
      return false;
    case (type === 'ident' && after === 'doubleColon') || (type === 'doubleColon' && after === 'ident'):
      return false;
    case type === 'dot' || after === 'dot':
      return false;
    case after === 'comma' || after === 'ellipsis':
      return false;
    case type === 'comma':
      return true;
    case type === 'quotedLit' || type === 'stringLit' || type === 'oquote' || type === 'oheredoc' || after === 'quotedLit' || after === 'stringLit' || after === 'cquote' || after === 'cheredoc':
      return false;
    case type === 'ident' && text === 'in' && before === 'ident':
      return true;
    case after === 'obrack' && (type === 'ident' || type === 'number' || bracketChange(type) < 0):
      return false;
    case type === 'bang':
      return false;
    case type === 'minus':
      return !MINUS_IS_NEGATION_AFTER.has(before);
    case type === 'obrace' || after === 'cbrace':
      return !(type === 'obrace' && after === 'cbrace');
    case (type === 'interp' || type === 'control') && after === 'obrace':
      return true;
    case type === 'cbrace' && after === 'seqEnd':
      return true;
    case type === 'seqEnd' && (after === 'interp' || after === 'control'):
      return false;
    case bracketChange(type) > 0:
      return false;
    case bracketChange(after) < 0:
      return false;
    default:
      return true;
  }
}
