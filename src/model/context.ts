/**
 * Collects what building the model finds: errors (reported together at the end), warnings and
 * the decisions `ecsform explain` prints. Every entry points at the user's file.
 */
import type { Finding } from '../diagnostics/finding.js';
import type { ModelCode } from './codes.js';
import type { Decision, DecisionOutcome, Origin } from './types.js';

export class ModelContext {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  readonly decisions: Decision[] = [];

  error(code: ModelCode, message: string, origin: Origin, hint?: string): void {
    this.errors.push(finding(code, 'error', message, origin, hint));
  }

  /** `medium` when the app will likely need a change to work on AWS, `low` otherwise. */
  warn(code: ModelCode, message: string, origin: Origin, hint?: string, severity: 'medium' | 'low' = 'low'): void {
    this.warnings.push(finding(code, severity, message, origin, hint));
  }

  /** Informational: shown by `generate -v` and `explain`, never fails a run. */
  note(code: ModelCode, message: string, origin: Origin, hint?: string): void {
    this.warnings.push(finding(code, 'info', message, origin, hint));
  }

  decide(outcome: DecisionOutcome, origin: Origin, detail: string, service?: string): void {
    this.decisions.push({ outcome, at: origin.at, path: origin.path, detail, ...(service ? { service } : {}) });
  }
}

function finding(code: ModelCode, severity: Finding['severity'], message: string, origin: Origin, hint: string | undefined): Finding {
  return { code, severity, message, file: origin.at.file, line: origin.at.line, column: origin.at.column, path: origin.path, ...(hint ? { hint } : {}) };
}
