/**
 * The Compose dotenv syntax (compose-go `dotenv`), used for the project `.env`, `env_file` and
 * `include.env_file`: `KEY=value`, `KEY: value`, `export KEY=value`, `KEY` alone (inherited from
 * the lookup), `#` comments (inline only after a space when unquoted), single quotes (literal),
 * double quotes (escapes `\n \t \" \\ \$ ...` and interpolation), multi-line quoted values.
 * Values can interpolate the lookup first, then variables defined earlier in the same file.
 */
import { substitute, type Lookup } from './interpolate.js';

export interface DotenvEntry {
  readonly name: string;
  readonly value: string;
  readonly line: number;
  readonly column: number;
  /** Variables interpolated into the value (for an inherited `KEY`, the key itself). */
  readonly variables: readonly string[];
}

export interface DotenvProblem {
  readonly kind: 'syntax' | 'required' | 'interpolation';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface DotenvResult {
  readonly entries: readonly DotenvEntry[];
  /** Set when parsing stopped at an error; entries before it are kept. */
  readonly problem?: DotenvProblem;
  /** Variables referenced without default while unset, where they were used. */
  readonly unset: ReadonlyArray<{ readonly name: string; readonly line: number; readonly column: number }>;
}

export type DotenvFormat = 'compose' | 'raw';

export function parseDotenv(text: string, lookup: Lookup, format: DotenvFormat = 'compose'): DotenvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return format === 'raw' ? parseRaw(source) : new DotenvParser(source, lookup).parse();
}

/** `format: raw`: each `KEY=VALUE` line taken literally, no quotes, escapes or interpolation. */
function parseRaw(text: string): DotenvResult {
  const entries: DotenvEntry[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const separator = line.indexOf('=');
    if (line.trim() === '' || line.trimStart().startsWith('#') || separator < 0) return;
    entries.push({ name: line.slice(0, separator), value: line.slice(separator + 1), line: index + 1, column: 1, variables: [] });
  });
  return { entries, unset: [] };
}

class ParseStop extends Error {
  constructor(readonly problem: DotenvProblem) {
    super(problem.message);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

class DotenvParser {
  private index = 0;
  private readonly entries: DotenvEntry[] = [];
  private readonly unset: Array<{ name: string; line: number; column: number }> = [];
  private readonly defined = new Map<string, string>();
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly lookup: Lookup,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  parse(): DotenvResult {
    try {
      while (this.nextStatement()) this.statement();
      return { entries: this.entries, unset: this.unset };
    } catch (error) {
      if (error instanceof ParseStop) return { entries: this.entries, unset: this.unset, problem: error.problem };
      throw error;
    }
  }

  /** Skips blank space and comment lines; false at the end of the text. */
  private nextStatement(): boolean {
    for (;;) {
      while (this.index < this.text.length && /\s/.test(this.text[this.index] ?? '')) this.index++;
      if (this.index >= this.text.length) return false;
      if (this.text[this.index] !== '#') return true;
      this.skipToEndOfLine();
    }
  }

  private statement(): void {
    const exported = /^export[^\S\n]+/.exec(this.text.slice(this.index));
    if (exported) this.index += exported[0].length;
    const keyStart = this.index;
    let end = this.index;
    let terminator: string | undefined;
    while (end < this.text.length) {
      const char = this.text[end] ?? '';
      if (char === '=' || char === ':' || char === '\n') {
        terminator = char;
        break;
      }
      if (!isInlineSpace(char) && !/[\p{L}\p{N}_.\-[\]]/u.test(char)) {
        this.fail('syntax', `unexpected character ${JSON.stringify(char)} in variable name`, end);
      }
      end++;
    }
    const name = this.text.slice(keyStart, end).replace(/[^\S\n]+$/, '');
    if (name === '') this.fail('syntax', 'a line starts with a separator but no variable name', keyStart);
    if (/\s/.test(name)) this.fail('syntax', `variable name ${JSON.stringify(name)} contains a space`, keyStart);
    const { line, column } = this.position(keyStart);
    if (terminator === undefined || terminator === '\n') {
      // `KEY` alone takes its value from the environment, and is skipped when that has none.
      this.index = end;
      const inherited = this.lookup(name);
      if (inherited !== undefined) this.define({ name, value: inherited, line, column, variables: [name] });
      return;
    }
    this.index = end + 1;
    while (isInlineSpace(this.text[this.index] ?? '')) this.index++;
    const { value, variables } = this.value();
    this.define({ name, value, line, column, variables });
  }

  private value(): { value: string; variables: readonly string[] } {
    const quote = this.text[this.index];
    if (quote !== '"' && quote !== "'") {
      const lineEnd = this.endOfLine();
      const raw = this.text.slice(this.index, lineEnd);
      const start = this.index;
      this.index = lineEnd;
      const commentAt = raw.indexOf(' #');
      const value = (commentAt < 0 ? raw : raw.slice(0, commentAt)).replace(/\s+$/, '');
      return this.interpolate(value, start);
    }
    const start = this.index;
    let raw = '';
    let escaped = false;
    for (let i = start + 1; i < this.text.length; i++) {
      const char = this.text[i] ?? '';
      if (escaped) {
        escaped = false;
        // An escaped quote drops its backslash; other escapes are kept for expandEscapes.
        raw += char === quote ? char : `\\${char}`;
      } else if (char === '\\') {
        escaped = true;
      } else if (char === quote) {
        this.index = i + 1;
        this.afterClosingQuote();
        return quote === "'" ? { value: raw, variables: [] } : this.interpolate(expandEscapes(raw), start);
      } else {
        raw += char;
      }
    }
    return this.fail('syntax', `unterminated quoted value ${this.text.slice(start, this.endOfLine(start))}`, start);
  }

  private afterClosingQuote(): void {
    while (isInlineSpace(this.text[this.index] ?? '')) this.index++;
    const next = this.text[this.index];
    if (next === '#') this.skipToEndOfLine();
    else if (next !== undefined && next !== '\n' && next !== '\r') this.fail('syntax', 'unexpected text after the closing quote', this.index);
  }

  private interpolate(template: string, offset: number): { value: string; variables: readonly string[] } {
    const result = substitute(template, (name) => this.lookup(name) ?? this.defined.get(name));
    if (!result.ok) {
      if (result.error.kind === 'required') {
        const { variable, message } = result.error;
        return this.fail('required', `required variable "${variable}" is missing a value${message === '' ? '' : `: ${message}`}`, offset);
      }
      if (result.error.kind === 'too-deep') return this.fail('interpolation', `interpolation nested more than ${result.error.limit} levels deep; nest fewer defaults`, offset);
      return this.fail('interpolation', `invalid interpolation format in ${JSON.stringify(template)}; write a literal $ as $$`, offset);
    }
    const { line, column } = this.position(offset);
    for (const name of result.unset) this.unset.push({ name, line, column });
    return { value: result.value, variables: result.variables };
  }

  private define(entry: DotenvEntry): void {
    this.entries.push(entry);
    this.defined.set(entry.name, entry.value);
  }

  private endOfLine(from = this.index): number {
    const newline = this.text.indexOf('\n', from);
    return newline < 0 ? this.text.length : newline;
  }

  private skipToEndOfLine(): void {
    this.index = this.endOfLine();
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  private fail(kind: DotenvProblem['kind'], message: string, offset: number): never {
    throw new ParseStop({ kind, message, ...this.position(offset) });
  }
}

function isInlineSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\v' || char === '\f' || char === '\u0085' || char === '\u00A0';
}

/** Escapes in double-quoted values, as compose-go expands them before interpolation. */
function expandEscapes(value: string): string {
  return value.replace(/\\(?:[abcfnrtv$"\\]|0[0-7]{0,3})/g, (match) => {
    const code = match.slice(1);
    if (code === '$') return '$$'; // a literal dollar for the interpolation that follows
    if (code.startsWith('0')) return code.length === 4 ? String.fromCharCode(parseInt(code.slice(1), 8)) : match;
    return ESCAPES[code] ?? match;
  });
}
