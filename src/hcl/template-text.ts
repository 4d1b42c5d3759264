/**
 * Template text from its source spelling to its value: escapes in quoted strings, `$${`/`%%{`
 * in both forms, and the indentation a `<<-` heredoc removes.
 */
import type { Pos, Range } from './ast.js';

/** Reports a problem at a range (the reader's error reporting). */
export type Report = (summary: string, detail: string, range: Range) => void;

/** Template literal text as read from the source, not yet decoded; `flushHeredoc` edits it in place. */
export interface RawLiteral {
  raw: string;
  range: Range;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Resolves `\n`-style escapes and `$${` / `%%{` in a quoted-template literal (also block labels). */
export function decodeQuoted(report: Report, raw: string, range: Range): string {
  if (!raw.includes('\\') && !raw.includes('{')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += `${ch}{`;
      i += 3;
      continue;
    }
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const selector = raw[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[selector];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    const digits = selector === 'u' ? 4 : selector === 'U' ? 8 : 0;
    const hex = raw.slice(i + 2, i + 2 + digits);
    const point = digits > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
    if (Number.isNaN(point) || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      const length = digits > 0 ? 2 + Math.min(hex.length, digits) : 2;
      report(
        'Invalid escape sequence',
        digits > 0 ? `The escape sequence \\${selector} must be followed by ${digits} hexadecimal digits naming a Unicode character.` : `The symbol "${selector}" is not a valid escape sequence selector.`,
        subRange(raw, range, i, i + length),
      );
      out += raw.slice(i, i + length);
      i += length;
      continue;
    }
    out += String.fromCodePoint(point);
    i += 2 + digits;
  }
  return out;
}

/** The range of `raw.slice(from, to)` inside a single-line literal starting at `range.start`. */
function subRange(raw: string, range: Range, from: number, to: number): Range {
  const at = (index: number): Pos => ({
    line: range.start.line,
    column: range.start.column + [...raw.slice(0, index)].length,
    offset: range.start.offset + index,
  });
  return { start: at(from), end: at(to) };
}

/**
 * `<<-` heredocs: find the smallest indentation of the lines that start with literal text (blank
 * lines do not count, a line starting with `${`/`%{` counts as zero) and remove that many
 * characters from each such line. A port of hclsyntax's flushHeredocTemplateParts.
 */
export function flushHeredoc(pieces: readonly (RawLiteral | undefined)[]): void {
  let minSpaces = Infinity;
  let atLineStart = true;
  const adjust: RawLiteral[] = [];
  for (const token of pieces) {
    if (atLineStart) {
      atLineStart = false;
      let spaces = 0;
      if (token) {
        const indent = leadingWhitespace(token.raw);
        if (indent === token.raw.length && token.raw.endsWith('\n')) {
          spaces = Infinity;
        } else {
          spaces = indent;
          adjust.push(token);
        }
      }
      minSpaces = Math.min(minSpaces, spaces);
    }
    if (token?.raw.endsWith('\n')) atLineStart = true;
  }
  if (!Number.isFinite(minSpaces) || minSpaces === 0) return;
  for (const token of adjust) {
    token.raw = token.raw.slice(minSpaces);
    const start = token.range.start;
    token.range = { start: { line: start.line, column: start.column + minSpaces, offset: start.offset + minSpaces }, end: token.range.end };
  }
}

/** Length of the leading whitespace; whitespace characters are single UTF-16 units, so also a count. */
function leadingWhitespace(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** In heredocs only `$${` and `%%{` are escapes. */
export function unescapeHeredoc(raw: string): string {
  return raw.replace(/([$%])\1\{/g, '$1{');
}
