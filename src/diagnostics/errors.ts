import type { Finding } from './finding.js';

/**
 * Raised for bad input or usage: the CLI prints the findings and exits 2, never a stack trace.
 * Carries every problem found, not only the first, so the user can fix them in one pass.
 */
export class InputError extends Error {
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    super(findings.map((f) => f.message).join('\n'));
    this.name = 'InputError';
    this.findings = findings;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
