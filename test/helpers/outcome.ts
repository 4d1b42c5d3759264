/**
 * What generating a Compose project comes to, as a reviewed golden text: the decision for every
 * service, where every variable's value comes from, the warnings, and what `check` still reports.
 * Shared by the docker/awesome-compose corpus and the real-applications corpus.
 */
import assert from 'node:assert/strict';
import { check } from '../../src/check/index.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import { compareFindings, type Finding } from '../../src/diagnostics/finding.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { ComposeProject } from '../../src/load/types.js';
import type { AppModel, EnvPart } from '../../src/model/types.js';

export const findingLine = (f: Finding) => `${f.file?.replace(/^.*\//, '') ?? ''}:${f.line ?? 0}:${f.column ?? 0} ${f.severity} ${f.code} ${f.message}${f.hint ? `\n    hint: ${f.hint}` : ''}`;

/** Each variable of a service and where its value comes from: `NAME=plain(value)` or `NAME=secret:<name>[.key]`. */
export function envMapping(service: AppModel['services'][number]): string {
  const part = (p: EnvPart): string => {
    switch (p.kind) {
      case 'text':
        return p.text;
      case 'database-address':
        return `<${p.database}.address>`;
      case 'database-port':
        return `<${p.database}.port>`;
      case 'discovery-namespace':
        return '<namespace>';
      case 'variable':
        return `<var.${p.name}>`;
      case 'setting':
        return `<${p.setting}>`;
    }
  };
  const plain = service.environment.map((e) => [e.name, `plain(${e.value.map(part).join('')})`] as const);
  const secret = service.secretEnv.map((e) => [e.name, `secret:${e.secret}${e.jsonKey ? `.${e.jsonKey}` : ''}`] as const);
  return [...plain, ...secret].sort(([a], [b]) => a.localeCompare(b)).map(([name, source]) => `${name}=${source}`).join(', ');
}

export interface Outcome {
  readonly text: string;
  /** The generation, when the project was not refused. */
  readonly result?: GenerateResult;
}

export interface OutcomeOptions {
  /** Low-severity warnings as a count per code instead of one line each (for very long inputs). */
  readonly compactLowWarnings?: boolean;
}

/**
 * Generates and checks the project and renders the outcome. A refusal must point every error at a
 * line with a hint; a generated stack must have nothing Terraform would reject and nothing high or critical.
 */
export async function renderOutcome(load: () => { project: ComposeProject; findings: readonly Finding[] }, sourceNames: readonly string[], options: OutcomeOptions = {}): Promise<Outcome> {
  try {
    const { project, findings } = load();
    const result = generate(project, { sourceNames });
    const verification = await check({ files: result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content })) });
    const open = verification.findings.filter((f) => !f.suppressed && f.severity !== 'info');
    const blocking = open.filter((f) => f.severity === 'error' || f.severity === 'critical' || f.severity === 'high');
    assert.deepEqual(blocking.map(findingLine), [], 'generated output has nothing Terraform would reject and nothing high or critical');
    const { model } = result;
    const warnings = [...findings, ...model.warnings].filter((f) => f.severity !== 'info');
    const listed = options.compactLowWarnings ? warnings.filter((f) => f.severity !== 'low') : warnings;
    const lowCounts = new Map<string, number>();
    if (options.compactLowWarnings) for (const f of warnings.filter((w) => w.severity === 'low')) lowCounts.set(f.code, (lowCounts.get(f.code) ?? 0) + 1);
    const text = [
      'outcome: generated (exit 0)',
      `services: ${model.services.map((s) => `${s.name}=${s.kind}`).join(', ') || 'none'}`,
      `databases: ${model.databases.map((d) => `${d.name}=${d.engine} ${d.engineVersion}`).join(', ') || 'none'}`,
      `secrets: ${model.secrets.map((s) => `${s.name}=${s.source}`).join(', ') || 'none'}`,
      'env:',
      ...model.services.map((s) => `  ${s.name}: ${envMapping(s) || 'none'}`),
      `files: ${result.files.map((f) => f.path).join(', ')}`,
      'warnings:',
      ...listed.map((f) => `  ${findingLine(f)}`),
      ...[...lowCounts].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `  low ${code} x${n}`),
      `check: ${verification.findings.filter((f) => f.suppressed).length} deliberate exceptions; open findings:`,
      ...open.map((f) => `  ${f.severity} ${f.code} ${f.path ?? ''}`),
      '',
    ].join('\n');
    return { text, result };
  } catch (error) {
    if (!isInputError(error)) throw error;
    for (const finding of error.findings) {
      assert.ok(finding.line && finding.line > 0, `${finding.code} must point at a line`);
      assert.ok(finding.hint, `${finding.code} must say what to do`);
    }
    return { text: ['outcome: rejected (exit 2)', 'errors:', ...[...error.findings].sort(compareFindings).map((f) => `  ${findingLine(f)}`), ''].join('\n') };
  }
}
