/**
 * The lexer's output, stored column-wise in typed arrays: a megabyte of Terraform is a quarter
 * of a million tokens, and as objects they would keep the garbage collector busy. The parser
 * refers to tokens by index and reads what it needs from the arrays.
 */
import type { Pos, Range } from './ast.js';
import { TOKEN_TYPES, type TokenType } from './token.js';

const TYPE_CODES: ReadonlyMap<TokenType, number> = new Map(TOKEN_TYPES.map((type, code) => [type, code]));

/** Integers stored per token: start, end, line, column, endLine, endColumn. */
const INTS = 6;

export class TokenList {
  length = 0;
  private types: Uint8Array;
  private strips: Uint8Array;
  private ints: Int32Array;
  private readonly heredocs = new Map<number, { readonly marker: string; readonly indented: boolean }>();

  constructor(expected: number) {
    const capacity = Math.max(16, expected);
    this.types = new Uint8Array(capacity);
    this.strips = new Uint8Array(capacity);
    this.ints = new Int32Array(capacity * INTS);
  }

  push(type: TokenType, start: number, end: number, line: number, column: number, endLine: number, endColumn: number): number {
    if (this.length === this.types.length) this.grow();
    const index = this.length++;
    this.types[index] = TYPE_CODES.get(type)!;
    const at = index * INTS;
    const { ints } = this;
    ints[at] = start;
    ints[at + 1] = end;
    ints[at + 2] = line;
    ints[at + 3] = column;
    ints[at + 4] = endLine;
    ints[at + 5] = endColumn;
    return index;
  }

  markStrip(index: number): void {
    this.strips[index] = 1;
  }

  markHeredoc(index: number, marker: string, indented: boolean): void {
    this.heredocs.set(index, { marker, indented });
  }

  typeAt(index: number): TokenType {
    return TOKEN_TYPES[this.types[index]!]!;
  }

  startAt(index: number): number {
    return this.ints[index * INTS]!;
  }

  endAt(index: number): number {
    return this.ints[index * INTS + 1]!;
  }

  stripAt(index: number): boolean {
    return this.strips[index] === 1;
  }

  heredocAt(index: number): { readonly marker: string; readonly indented: boolean } | undefined {
    return this.heredocs.get(index);
  }

  startPos(index: number): Pos {
    const at = index * INTS;
    return { line: this.ints[at + 2]!, column: this.ints[at + 3]!, offset: this.ints[at]! };
  }

  endPos(index: number): Pos {
    const at = index * INTS;
    return { line: this.ints[at + 4]!, column: this.ints[at + 5]!, offset: this.ints[at + 1]! };
  }

  range(index: number): Range {
    return { start: this.startPos(index), end: this.endPos(index) };
  }

  private grow(): void {
    const capacity = this.types.length * 2;
    const types = new Uint8Array(capacity);
    types.set(this.types);
    const strips = new Uint8Array(capacity);
    strips.set(this.strips);
    const ints = new Int32Array(capacity * INTS);
    ints.set(this.ints);
    this.types = types;
    this.strips = strips;
    this.ints = ints;
  }
}
