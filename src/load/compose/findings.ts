/**
 * Collects the loader's findings so that every problem is reported in one pass. Errors end up in
 * the thrown `InputError`, the rest are returned as warnings.
 */
import { compareFindings, type Finding, type SourcePoint } from '../../diagnostics/finding.js';
import { COMPOSE_FINDING_CODES, type ComposeFindingCode } from './codes.js';

export interface Problem {
  readonly code: ComposeFindingCode;
  readonly message: string;
  readonly at?: SourcePoint | undefined;
  readonly path?: string | undefined;
  readonly hint?: string | undefined;
}

export class FindingCollector {
  private readonly errorList: Finding[] = [];
  private readonly otherList: Finding[] = [];
  private readonly seen = new Set<string>();
  /** Paths that already carry an error: a second error on the same value is a consequence, not news. */
  private readonly erroredPaths: string[] = [];

  report(problem: Problem): void {
    const severity = COMPOSE_FINDING_CODES[problem.code].severity;
    const finding: Finding = {
      code: problem.code,
      severity,
      message: problem.message,
      ...(problem.at ? { file: problem.at.file, line: problem.at.line, column: problem.at.column } : {}),
      ...(problem.path !== undefined && problem.path !== '' ? { path: problem.path } : {}),
      ...(problem.hint ? { hint: problem.hint } : {}),
    };
    const identity = [finding.code, finding.file, finding.line, finding.column, finding.path, finding.message].join('\u0000');
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    if (severity !== 'error') {
      this.otherList.push(finding);
      return;
    }
    const path = finding.path;
    if (path !== undefined) {
      if (this.erroredPaths.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))) return;
      this.erroredPaths.push(path);
    }
    this.errorList.push(finding);
  }

  get hasErrors(): boolean {
    return this.errorList.length > 0;
  }

  errors(): Finding[] {
    return [...this.errorList].sort(compareFindings);
  }

  warnings(): Finding[] {
    return [...this.otherList].sort(compareFindings);
  }
}
