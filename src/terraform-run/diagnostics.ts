/**
 * Terraform's machine-readable diagnostics (`validate -json`, `test -json`) turned into findings
 * that point at the user's own file and line.
 */
import type { Finding } from '../diagnostics/finding.js';
import { TERRAFORM_RUN_CODES, type TerraformRunCode } from './codes.js';
import { OFFLINE_ERROR_CODE } from './local-endpoint.js';

export interface TerraformDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  readonly address?: string;
  /** As Terraform names it: relative to the directory it ran in. */
  readonly filename?: string;
  readonly line?: number;
  readonly column?: number;
  /** The `run` block of a test file the diagnostic belongs to. */
  readonly run?: string;
}

interface RawDiagnostic {
  readonly severity?: string;
  readonly summary?: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename?: string; readonly start?: { readonly line?: number; readonly column?: number } };
}

function fromRaw(raw: RawDiagnostic, run?: string): TerraformDiagnostic {
  return {
    severity: raw.severity === 'warning' ? 'warning' : 'error',
    summary: raw.summary ?? 'Terraform reported an error without a summary.',
    detail: raw.detail ?? '',
    ...(raw.address ? { address: raw.address } : {}),
    ...(raw.range?.filename ? { filename: raw.range.filename } : {}),
    ...(raw.range?.start?.line ? { line: raw.range.start.line } : {}),
    ...(raw.range?.start?.column ? { column: raw.range.start.column } : {}),
    ...(run ? { run } : {}),
  };
}

/** The diagnostics of `terraform validate -json`. */
export function parseValidateOutput(stdout: string): TerraformDiagnostic[] {
  try {
    const parsed = JSON.parse(stdout) as { diagnostics?: RawDiagnostic[] };
    return (parsed.diagnostics ?? []).map((d) => fromRaw(d));
  } catch {
    return [];
  }
}

export interface TestOutput {
  readonly diagnostics: readonly TerraformDiagnostic[];
  /** Run name → pass, fail, error or skip. */
  readonly runs: ReadonlyMap<string, string>;
}

/** The diagnostics and run results of `terraform test -json` (one JSON object per line). */
export function parseTestOutput(stdout: string): TestOutput {
  const diagnostics: TerraformDiagnostic[] = [];
  const runs = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let message: { type?: string; diagnostic?: RawDiagnostic; '@testrun'?: string; test_run?: { run?: string; progress?: string; status?: string } };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      continue;
    }
    if (message.type === 'diagnostic' && message.diagnostic) diagnostics.push(fromRaw(message.diagnostic, message['@testrun']));
    if (message.type === 'test_run' && message.test_run?.run && message.test_run.progress === 'complete') runs.set(message.test_run.run, message.test_run.status ?? 'unknown');
  }
  return { diagnostics, runs };
}

export interface FindingContext {
  readonly stage: 'validate' | 'plan';
  /** Terraform's file name → the path to show (the user's file), or undefined when outside the input. */
  readonly mapFile: (filename: string) => string | undefined;
  /** Variables that got a placeholder value in this plan. */
  readonly placeholders?: ReadonlySet<string>;
}

export function diagnosticFinding(diagnostic: TerraformDiagnostic, context: FindingContext): Finding {
  const code = codeOf(diagnostic, context);
  const file = diagnostic.filename !== undefined ? context.mapFile(diagnostic.filename) ?? diagnostic.filename : undefined;
  const detail = diagnostic.detail.replace(/\s+/g, ' ').trim();
  return {
    code,
    severity: TERRAFORM_RUN_CODES[code].severity,
    message: `terraform ${context.stage === 'validate' ? 'validate' : 'plan (offline)'}: ${diagnostic.summary.replace(/\s+/g, ' ').trim()}`,
    ...(file !== undefined ? { file } : {}),
    ...(diagnostic.line !== undefined ? { line: diagnostic.line } : {}),
    ...(diagnostic.column !== undefined ? { column: diagnostic.column } : {}),
    ...(diagnostic.address !== undefined ? { path: diagnostic.address } : {}),
    ...(detail !== '' ? { hint: detail } : {}),
  };
}

function codeOf(diagnostic: TerraformDiagnostic, context: FindingContext): TerraformRunCode {
  if (`${diagnostic.summary} ${diagnostic.detail}`.includes(OFFLINE_ERROR_CODE)) return 'TERRAFORM_OFFLINE_LIMIT';
  const variable = /^var\.([A-Za-z0-9_-]+)/.exec(diagnostic.address ?? '')?.[1];
  if (diagnostic.severity === 'error' && /^Invalid value for (input )?variable/.test(diagnostic.summary) && (variable === undefined || context.placeholders?.has(variable))) {
    return 'TERRAFORM_PLACEHOLDER_REJECTED';
  }
  return diagnostic.severity === 'warning' ? 'TERRAFORM_WARNING' : 'TERRAFORM_ERROR';
}
