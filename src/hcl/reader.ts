/**
 * The parser's cursor over lexer tokens, which it refers to by index (no token objects are
 * created while parsing). Newlines end attributes and object items but mean nothing inside
 * parentheses, brackets and template sequences, so the reader keeps a stack of "newlines matter"
 * modes (as hclsyntax does) and skips newline tokens when they do not.
 */
import type { Pos, Range } from './ast.js';
import type { CommentIndex } from './comments.js';
import { hclError, type HclError } from './errors.js';
import type { TokenList } from './token-list.js';
import type { TokenType } from './token.js';

/** A token's position in the lexer's token list. */
export type TokenIndex = number;

export class TokenReader {
  readonly errors: HclError[] = [];
  private index = 0;
  private readonly newlineModes: boolean[] = [true];
  private lastConsumed = 0;
  /** Set after a parse error until the body parser recovers, so one mistake is reported once. */
  private recovering = false;

  constructor(
    readonly path: string,
    private readonly source: string,
    private readonly tokens: TokenList,
    readonly comments: CommentIndex,
    private readonly lexErrors: readonly HclError[],
  ) {}

  // -------------------------------------------------------------------------------------------
  // Moving
  // -------------------------------------------------------------------------------------------

  pushNewlines(significant: boolean): void {
    this.newlineModes.push(significant);
  }

  popNewlines(): void {
    this.newlineModes.pop();
  }

  /** Resets the newline-mode stack to a depth read earlier from `newlineDepth`. */
  resetNewlines(depth: number): void {
    while (this.newlineModes.length > depth) this.newlineModes.pop();
  }

  get newlineDepth(): number {
    return this.newlineModes.length;
  }

  /** The token `ahead` positions on, skipping newlines where they do not matter. */
  peek(ahead = 0): TokenIndex {
    const { tokens } = this;
    const skipNewlines = this.newlineModes[this.newlineModes.length - 1] === false;
    let i = this.index;
    for (;;) {
      if (skipNewlines) while (tokens.typeAt(i) === 'newline') i++;
      if (ahead === 0 || tokens.typeAt(i) === 'eof') return i;
      ahead--;
      i++;
    }
  }

  peekType(ahead = 0): TokenType {
    return this.tokens.typeAt(this.peek(ahead));
  }

  /** The very next token, newline or not. */
  peekRaw(): TokenIndex {
    return this.index;
  }

  peekRawType(): TokenType {
    return this.tokens.typeAt(this.index);
  }

  /** Consumes the next token and returns it. */
  skip(): TokenIndex {
    const i = this.peek();
    if (this.tokens.typeAt(i) !== 'eof') this.index = i + 1;
    this.lastConsumed = i;
    return i;
  }

  /** Consumes the next token if it has the given type. */
  accept(type: TokenType): boolean {
    if (this.peekType() !== type) return false;
    this.skip();
    return true;
  }

  skipNewlines(): void {
    while (this.tokens.typeAt(this.index) === 'newline') this.index++;
  }

  /** The last consumed token. */
  previous(): TokenIndex {
    return this.lastConsumed;
  }

  /**
   * Consumes the closing token of `open`. If it is missing, reports the next token (or, at the end
   * of the file, the unclosed opener, unless something after it was already reported) and returns
   * the last token read.
   */
  closeWith(type: TokenType, open: TokenIndex, summary: string, detail: string): TokenIndex {
    const found = this.peekType();
    if (found === type) return this.skip();
    if (found !== 'eof') this.errorAt(this.peek(), summary, detail);
    else if (!this.reportedAfter(this.start(open))) this.error(summary, detail, this.range(open));
    return this.previous();
  }

  // -------------------------------------------------------------------------------------------
  // Token data
  // -------------------------------------------------------------------------------------------

  type(token: TokenIndex): TokenType {
    return this.tokens.typeAt(token);
  }

  text(token: TokenIndex): string {
    return this.source.slice(this.tokens.startAt(token), this.tokens.endAt(token));
  }

  start(token: TokenIndex): number {
    return this.tokens.startAt(token);
  }

  end(token: TokenIndex): number {
    return this.tokens.endAt(token);
  }

  range(token: TokenIndex): Range {
    return this.tokens.range(token);
  }

  startPos(token: TokenIndex): Pos {
    return this.tokens.startPos(token);
  }

  endPos(token: TokenIndex): Pos {
    return this.tokens.endPos(token);
  }

  /** From the start of `first` to the end of `last`. */
  span(first: TokenIndex, last: TokenIndex): Range {
    return { start: this.startPos(first), end: this.endPos(last) };
  }

  strip(token: TokenIndex): boolean {
    return this.tokens.stripAt(token);
  }

  heredoc(token: TokenIndex): { readonly marker: string; readonly indented: boolean } | undefined {
    return this.tokens.heredocAt(token);
  }

  /** Whether the token `ahead` is the identifier `word` (a contextual keyword such as `for`). */
  isKeyword(word: string, ahead = 0): boolean {
    const i = this.peek(ahead);
    if (this.tokens.typeAt(i) !== 'ident') return false;
    const start = this.tokens.startAt(i);
    return this.tokens.endAt(i) - start === word.length && this.source.startsWith(word, start);
  }

  // -------------------------------------------------------------------------------------------
  // Errors
  // -------------------------------------------------------------------------------------------

  /** `error` as a free function, for helpers that only report. */
  readonly reportAt = (summary: string, detail: string, range: Range): void => this.error(summary, detail, range);

  error(summary: string, detail: string, range: Range): void {
    if (this.recovering) return;
    this.recovering = true;
    this.errors.push(hclError(this.path, summary, detail, range));
  }

  /** Reports an unexpected token, unless the lexer already reported it as invalid. */
  errorAt(token: TokenIndex, summary: string, detail: string): void {
    if (this.tokens.typeAt(token) === 'invalid') {
      this.recovering = true;
      return;
    }
    this.error(summary, detail, this.range(token));
  }

  /**
   * Whether a problem at or after `offset` was already reported. An opener left unclosed at the
   * end of the file is then a consequence, not news (hclsyntax stays quiet about it too).
   */
  reportedAfter(offset: number): boolean {
    const after = (error: HclError) => error.range.start.offset >= offset;
    return this.errors.some(after) || this.lexErrors.some(after);
  }

  get hasPendingError(): boolean {
    return this.recovering;
  }

  /**
   * Skips to the end of the current line, stepping over nested brackets, and resumes reporting.
   * Stops before a `}` that would close the enclosing block.
   */
  recoverToLineEnd(): void {
    let depth = 0;
    for (;;) {
      const type = this.tokens.typeAt(this.index);
      if (type === 'eof') break;
      if (type === 'newline' && depth <= 0) break;
      if (OPENERS.has(type)) depth++;
      if (CLOSERS.has(type)) {
        if (depth === 0 && type === 'cbrace') break;
        depth--;
      }
      this.index++;
    }
    this.recovering = false;
  }
}

const OPENERS: ReadonlySet<TokenType> = new Set(['obrace', 'obrack', 'oparen', 'interp', 'control', 'oquote', 'oheredoc']);
const CLOSERS: ReadonlySet<TokenType> = new Set(['cbrace', 'cbrack', 'cparen', 'seqEnd', 'cquote', 'cheredoc']);
