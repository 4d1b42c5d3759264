/**
 * Splits HCL native syntax into tokens. Like hclsyntax's scanner it is modal: a `"` or `<<EOT`
 * switches to template scanning, and `${` / `%{` switch back to expression scanning until the
 * matching `}`. Comments are collected on the side (the parser attaches them to items), so the
 * token stream holds only what the grammar needs. Never throws: problems become errors and
 * `invalid` tokens, and scanning goes on. Runs of plain text are skipped with sticky regular
 * expressions, which V8 runs natively even before the JIT has warmed up.
 */
import type { Pos, Range } from './ast.js';
import { hclError, type HclError } from './errors.js';
import { TokenList } from './token-list.js';
import type { TokenType } from './token.js';

export interface LexComment {
  readonly text: string;
  readonly style: '#' | '//' | '/*';
  readonly range: Range;
}

export interface LexResult {
  readonly tokens: TokenList;
  readonly comments: LexComment[];
  readonly errors: HclError[];
}

type ExprMode = { readonly kind: 'expr'; braces: number; readonly inTemplate: boolean };
type HeredocMode = { readonly kind: 'heredoc'; readonly marker: string; atLineStart: boolean; readonly opener: Range };
type Mode = ExprMode | { readonly kind: 'quoted' } | HeredocMode;

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

const IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** Quoted-template text up to `"`, a newline or a real `${`/`%{` (escapes and `$${` included). */
const QUOTED_TEXT = /(?:[^"\\\n\r$%]|\\[^\n\r]|\r(?!\n)|\$\$\{|%%\{|[$%](?!\{))+/y;
/** Heredoc text up to a newline or a real `${`/`%{`. */
const HEREDOC_TEXT = /(?:[^$%\n]|\$\$\{|%%\{|[$%](?!\{))+/y;

export function lex(path: string, text: string): LexResult {
  return new Lexer(path, text).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly hasAstral: boolean;
  private readonly tokens: TokenList;
  private readonly comments: LexComment[] = [];
  private readonly errors: HclError[] = [];
  private readonly modes: Mode[] = [{ kind: 'expr', braces: 0, inTemplate: false }];

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {
    this.hasAstral = /[\uD800-\uDFFF]/.test(text);
    this.tokens = new TokenList(text.length >> 2);
    if (text.charCodeAt(0) === 0xfeff) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  run(): LexResult {
    const { text } = this;
    while (this.pos < text.length) {
      const mode = this.modes[this.modes.length - 1]!;
      if (mode.kind === 'expr') this.scanExpr(mode);
      else if (mode.kind === 'quoted') this.scanQuoted();
      else this.scanHeredoc(mode);
    }
    this.closeOpenModes();
    const end = this.here();
    this.tokens.push('eof', this.pos, this.pos, end.line, end.column, end.line, end.column);
    return { tokens: this.tokens, comments: this.comments, errors: this.errors };
  }

  // -------------------------------------------------------------------------------------------
  // Positions
  // -------------------------------------------------------------------------------------------

  /** Columns count code points: only text with surrogate pairs needs counting. */
  private column(offset: number): number {
    if (!this.hasAstral) return offset - this.lineStart + 1;
    let column = 1;
    for (let i = this.lineStart; i < offset; i++) {
      const code = this.text.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    return column;
  }

  private here(): Pos {
    return { line: this.line, column: this.column(this.pos), offset: this.pos };
  }

  /** Advances over a newline at `pos` (either `\n` or `\r\n`), keeping line bookkeeping. */
  private consumeNewline(): void {
    this.pos += this.text.charCodeAt(this.pos) === CR ? 2 : 1;
    this.line++;
    this.lineStart = this.pos;
  }

  private isNewlineAt(offset: number): boolean {
    const code = this.text.charCodeAt(offset);
    return code === NL || (code === CR && this.text.charCodeAt(offset + 1) === NL);
  }

  /** Emits a token that lies on the current line from `start` to `pos`; returns its index. */
  private emit(type: TokenType, start: number): number {
    const column = this.column(start);
    const endColumn = this.hasAstral ? this.column(this.pos) : column + (this.pos - start);
    return this.tokens.push(type, start, this.pos, this.line, column, this.line, endColumn);
  }

  private error(summary: string, detail: string, start: Pos, end: Pos): void {
    this.errors.push(hclError(this.path, summary, detail, { start, end }));
  }

  /** Runs a sticky pattern at `pos`; on a match moves past it and returns true. */
  private match(pattern: RegExp): boolean {
    pattern.lastIndex = this.pos;
    if (!pattern.test(this.text)) return false;
    this.pos = pattern.lastIndex;
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Expression mode
  // -------------------------------------------------------------------------------------------

  private scanExpr(mode: ExprMode): void {
    const { text } = this;
    const start = this.pos;
    const code = text.charCodeAt(start);
    const next = text.charCodeAt(start + 1);

    if (code === SPACE || code === TAB) {
      this.pos++;
      return;
    }
    if (code === NL || (code === CR && next === NL)) {
      const line = this.line;
      const column = this.column(start);
      this.consumeNewline();
      this.tokens.push('newline', start, this.pos, line, column, this.line, 1);
      return;
    }
    if (code === 35 /* # */ || (code === 47 /* / */ && next === 47)) return this.scanLineComment(code === 35 ? '#' : '//');
    if (code === 47 && next === 42 /* * */) return this.scanBlockComment();
    if (code >= 48 && code <= 57) {
      this.match(NUMBER);
      this.emit('number', start);
      return;
    }
    if (this.match(IDENT)) {
      this.emit('ident', start);
      return;
    }

    switch (code) {
      case 34 /* " */:
        this.pos++;
        this.emit('oquote', start);
        this.modes.push({ kind: 'quoted' });
        return;
      case 60 /* < */:
        if (next === 60 && this.scanHeredocOpener()) return;
        break;
      case 126 /* ~ */:
        if (next === 125 && mode.inTemplate && mode.braces === 0) {
          this.pos += 2;
          this.tokens.markStrip(this.emit('seqEnd', start));
          this.modes.pop();
          return;
        }
        break;
      case 123 /* { */:
        this.pos++;
        this.emit('obrace', start);
        mode.braces++;
        return;
      case 125 /* } */:
        this.pos++;
        if (mode.inTemplate && mode.braces === 0) {
          this.emit('seqEnd', start);
          this.modes.pop();
        } else {
          this.emit('cbrace', start);
          mode.braces--;
        }
        return;
    }
    const punctuation = punctuationAt(text, start);
    if (punctuation) {
      this.pos += punctuation.length;
      this.emit(punctuation.type, start);
      return;
    }
    this.scanInvalid(text.codePointAt(start) ?? code);
  }

  private scanInvalid(point: number): void {
    const start = this.pos;
    const from = this.here();
    this.pos += point > 0xffff ? 2 : 1;
    const bitwise = point === 38 || point === 124 || point === 94; // & | ^
    this.error(
      bitwise ? 'Unsupported operator' : 'Invalid character',
      bitwise ? 'Bitwise operators are not supported.' : 'This character is not used within the language.',
      from,
      this.here(),
    );
    this.emit('invalid', start);
  }

  private scanLineComment(style: '#' | '//'): void {
    const { text } = this;
    const start = this.pos;
    const from = this.here();
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    else if (text.charCodeAt(end - 1) === CR) end--;
    this.pos = end;
    this.comments.push({ text: text.slice(start + style.length, end).trim(), style, range: { start: from, end: this.here() } });
  }

  private scanBlockComment(): void {
    const { text } = this;
    const start = this.pos;
    const from = this.here();
    const close = text.indexOf('*/', start + 2);
    const end = close < 0 ? text.length : close + 2;
    for (let nl = text.indexOf('\n', this.pos); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
      this.line++;
      this.lineStart = nl + 1;
    }
    this.pos = end;
    if (close < 0) {
      this.error('Unterminated comment', 'There is no "*/" closing this comment before the end of the file.', from, this.here());
    }
    const body = text.slice(start + 2, close < 0 ? text.length : close);
    this.comments.push({ text: body.trim(), style: '/*', range: { start: from, end: this.here() } });
  }

  /** `<<EOT` or `<<-EOT` followed by a newline; returns false (scanning nothing) otherwise. */
  private scanHeredocOpener(): boolean {
    const { text } = this;
    const start = this.pos;
    const indented = text.charCodeAt(start + 2) === 45;
    const markerStart = start + (indented ? 3 : 2);
    IDENT.lastIndex = markerStart;
    if (!IDENT.test(text) || !this.isNewlineAt(IDENT.lastIndex)) return false;
    this.pos = IDENT.lastIndex;
    const marker = text.slice(markerStart, this.pos);
    const index = this.emit('oheredoc', start);
    this.tokens.markHeredoc(index, marker, indented);
    const opener: Range = { start: { line: this.line, column: this.column(start), offset: start }, end: this.here() };
    this.consumeNewline();
    this.modes.push({ kind: 'heredoc', marker, atLineStart: true, opener });
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Template modes
  // -------------------------------------------------------------------------------------------

  /** Emits `${`/`%{` (with an optional `~`) at `pos` and enters expression mode. */
  private scanTemplateIntroducer(): void {
    const start = this.pos;
    const type: TokenType = this.text.charCodeAt(start) === 36 ? 'interp' : 'control';
    this.pos += 2;
    const strip = this.text.charCodeAt(this.pos) === 126;
    if (strip) this.pos++;
    const index = this.emit(type, start);
    if (strip) this.tokens.markStrip(index);
    this.modes.push({ kind: 'expr', braces: 0, inTemplate: true });
  }

  private scanQuoted(): void {
    const { text } = this;
    const start = this.pos;
    if (this.match(QUOTED_TEXT)) {
      // A backslash right before the end of the text escapes nothing; leave it in the literal.
      if (text.charCodeAt(this.pos) === 92) this.pos++;
      this.emit('quotedLit', start);
    } else if (text.charCodeAt(this.pos) === 92) {
      this.pos++;
      this.emit('quotedLit', start);
    }
    if (this.pos >= text.length) {
      const at = this.here();
      this.error('Unterminated template string', 'No closing marker was found for the string.', at, at);
      this.modes.pop();
      return;
    }
    const code = text.charCodeAt(this.pos);
    if (code === 34) {
      this.pos++;
      this.emit('cquote', this.pos - 1);
      this.modes.pop();
    } else if (code === NL || code === CR) {
      const from = this.here();
      const newlineEnd: Pos = { line: this.line + 1, column: 1, offset: this.pos + (code === CR ? 2 : 1) };
      this.error(
        'Invalid multi-line string',
        'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
        from,
        newlineEnd,
      );
      this.modes.pop();
    } else {
      this.scanTemplateIntroducer();
    }
  }

  private scanHeredoc(mode: HeredocMode): void {
    const { text } = this;
    if (mode.atLineStart && this.scanHeredocCloser(mode)) return;
    const start = this.pos;
    const line = this.line;
    const column = this.column(start);
    this.match(HEREDOC_TEXT);
    const endsLine = text.charCodeAt(this.pos) === NL;
    if (endsLine) this.consumeNewline();
    if (this.pos > start) this.tokens.push('stringLit', start, this.pos, line, column, this.line, this.column(this.pos));
    mode.atLineStart = endsLine;
    if (endsLine) return;
    if (this.pos >= text.length) {
      this.reportUnterminatedHeredoc(mode);
      this.modes.pop();
      return;
    }
    this.scanTemplateIntroducer();
  }

  /** At the start of a heredoc line: is it the closing marker (indentation allowed)? */
  private scanHeredocCloser(mode: HeredocMode): boolean {
    const { text } = this;
    let p = this.pos;
    while (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB) p++;
    if (!text.startsWith(mode.marker, p)) return false;
    const markerEnd = p + mode.marker.length;
    let after = markerEnd;
    while (text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB) after++;
    // hclsyntax wants a newline after the marker, even at the end of the file.
    if (!this.isNewlineAt(after)) return false;
    const start = this.pos;
    this.pos = markerEnd;
    this.emit('cheredoc', start);
    this.pos = after;
    this.modes.pop();
    return true;
  }

  private reportUnterminatedHeredoc(mode: HeredocMode): void {
    this.error(
      'Unterminated template string',
      `No closing marker "${mode.marker}" was found for the heredoc started here.`,
      mode.opener.start,
      mode.opener.end,
    );
  }

  private closeOpenModes(): void {
    while (this.modes.length > 1) {
      const mode = this.modes.pop()!;
      const at = this.here();
      if (mode.kind === 'heredoc') this.reportUnterminatedHeredoc(mode);
      else if (mode.kind === 'quoted') this.error('Unterminated template string', 'No closing marker was found for the string.', at, at);
      // An unclosed `${` is reported by the parser, which knows where it started.
    }
  }
}

function punctuationAt(text: string, offset: number): { type: TokenType; length: number } | undefined {
  const code = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  switch (code) {
    case 46: // .
      return next === 46 && text.charCodeAt(offset + 2) === 46 ? ELLIPSIS : DOT;
    case 58: // :
      return next === 58 ? DOUBLE_COLON : COLON;
    case 61: // =
      if (next === 61) return EQUAL_OP;
      return next === 62 ? FAT_ARROW : EQUAL;
    case 33: // !
      return next === 61 ? NOT_EQUAL : BANG;
    case 60: // <
      return next === 61 ? LESS_THAN_EQ : LESS_THAN;
    case 62: // >
      return next === 61 ? GREATER_THAN_EQ : GREATER_THAN;
    case 38: // &
      return next === 38 ? AND : undefined;
    case 124: // |
      return next === 124 ? OR : undefined;
    default:
      return SINGLE.get(code);
  }
}

const ELLIPSIS = { type: 'ellipsis', length: 3 } as const;
const DOT = { type: 'dot', length: 1 } as const;
const DOUBLE_COLON = { type: 'doubleColon', length: 2 } as const;
const COLON = { type: 'colon', length: 1 } as const;
const EQUAL_OP = { type: 'equalOp', length: 2 } as const;
const FAT_ARROW = { type: 'fatArrow', length: 2 } as const;
const EQUAL = { type: 'equal', length: 1 } as const;
const NOT_EQUAL = { type: 'notEqual', length: 2 } as const;
const BANG = { type: 'bang', length: 1 } as const;
const LESS_THAN_EQ = { type: 'lessThanEq', length: 2 } as const;
const LESS_THAN = { type: 'lessThan', length: 1 } as const;
const GREATER_THAN_EQ = { type: 'greaterThanEq', length: 2 } as const;
const GREATER_THAN = { type: 'greaterThan', length: 1 } as const;
const AND = { type: 'and', length: 2 } as const;
const OR = { type: 'or', length: 2 } as const;
const SINGLE: ReadonlyMap<number, { type: TokenType; length: number }> = new Map(
  (
    [
      ['[', 'obrack'],
      [']', 'cbrack'],
      ['(', 'oparen'],
      [')', 'cparen'],
      [',', 'comma'],
      ['?', 'question'],
      ['*', 'star'],
      ['/', 'slash'],
      ['+', 'plus'],
      ['-', 'minus'],
      ['%', 'percent'],
    ] as const
  ).map(([char, type]) => [char.charCodeAt(0), { type, length: 1 }]),
);
