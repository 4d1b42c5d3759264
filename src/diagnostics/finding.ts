/**
 * Findings are data. Every layer reports problems as `Finding`s; renderers (text, JSON, SARIF)
 * live in the CLI and never influence what is found.
 */

/**
 * Ordered from most to least severe. `error` means Terraform (or Compose) would reject the input;
 * `critical`..`low` grade security and hygiene findings; `info` never fails a run.
 */
export const SEVERITIES = ['error', 'critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A point in a source file. `line` and `column` are 1-based, as editors show them. */
export interface SourcePoint {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Finding {
  /** Stable identifier, e.g. `HCL_SYNTAX` or `ECS_TASK_PRIVILEGED`. */
  readonly code: string;
  readonly severity: Severity;
  /** One sentence saying what is wrong, naming the thing that is wrong. */
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Logical path inside the file, e.g. `services.api.environment.DB_PASSWORD` or `aws_lb.main`. */
  readonly path?: string;
  /** What to do about it. */
  readonly hint?: string;
  /** Set when an `ecsform:ignore` comment or an x-ecsform suppression covers the finding. */
  readonly suppressed?: { readonly reason: string };
}

/** What a finding code means, documented once: for SARIF rule metadata and the code tables in docs/. */
export interface CodeDoc {
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** Deterministic order: file, line, column, code, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}
