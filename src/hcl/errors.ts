import type { Range } from './ast.js';

/**
 * A syntax problem in an HCL file. `summary` and `detail` follow HashiCorp's diagnostics
 * (`Invalid expression` / `Expected the start of an expression, ...`) so errors from our parser and
 * from HashiCorp's read alike; `message` joins them for one-line display.
 */
export interface HclError {
  readonly file: string;
  readonly message: string;
  readonly summary: string;
  readonly detail?: string;
  /** 1-based, the start of `range`. */
  readonly line: number;
  readonly column: number;
  readonly range: Range;
}

export function hclError(file: string, summary: string, detail: string | undefined, range: Range): HclError {
  return {
    file,
    message: detail ? `${summary}: ${detail}` : summary,
    summary,
    ...(detail ? { detail } : {}),
    line: range.start.line,
    column: range.start.column,
    range,
  };
}

/** Orders errors by position, keeping the original order for errors at the same place. */
export function sortErrors(errors: readonly HclError[]): HclError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.range.start.offset - b.error.range.start.offset || a.index - b.index)
    .map((entry) => entry.error);
}
