import type { TokenType } from './token.js';

/**
 * Heredoc text whose indentation depends on where the heredoc starts: `content` lines of a
 * `<<-` heredoc sit two spaces deeper than the line that opens it, its `close` marker level with it.
 */
export type HeredocIndent = 'content' | 'close';

/**
 * Collects the writer's tokens; the writer decides line breaks, `renderTokens` the spaces.
 * Stored column-wise (a megabyte of output is a quarter of a million tokens).
 */
export class TokenSink {
  readonly types: TokenType[] = [];
  readonly texts: string[] = [];
  readonly heredocIndents = new Map<number, HeredocIndent>();

  get length(): number {
    return this.types.length;
  }

  push(type: TokenType, text: string, heredocIndent?: HeredocIndent): void {
    if (heredocIndent) this.heredocIndents.set(this.types.length, heredocIndent);
    this.types.push(type);
    this.texts.push(text);
  }

  /** Whether the token ends its line: a newline, or a `#`/`//` comment (which includes its newline). */
  endsLine(index: number): boolean {
    const type = this.types[index];
    return type === 'newline' || (type === 'comment' && this.texts[index]!.endsWith('\n'));
  }

  /** True at the start of the output or right after a line ended (newline, line comment, heredoc). */
  get atLineStart(): boolean {
    return this.types.length === 0 || this.endsLine(this.types.length - 1);
  }

  /** Ends the current line unless it has just ended. */
  newline(): void {
    if (!this.atLineStart) this.push('newline', '\n');
  }

  /** An empty line; the current line must have ended. */
  blankLine(): void {
    this.newline();
    this.push('newline', '\n');
  }
}
