/**
 * `ecsform generate`: Compose → Terraform, verified offline, written without losing edits.
 * `--check` is the CI drift gate (exit 1 when the files on disk differ), `--dry-run` lists what
 * would change.
 */
import { resolve } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';
import type { Finding } from '../../diagnostics/finding.js';
import { generate, type GenerateResult } from '../../generate.js';
import { loadCompose } from '../../load/compose/index.js';
import { composeInput } from '../compose-input.js';
import { applyChanges, lockOutput, planChanges, type OutputContext, type PlannedChange } from '../output-files.js';
import { countBySeverity, renderFindingsText } from '../render/findings-text.js';
import type { Io } from '../io.js';
import { verifyGenerated, type GeneratedVerification } from '../verify-generated.js';
import { costSummaryLine } from '../../cost/index.js';
import { summarise } from '../summary.js';

export interface GenerateCommandOptions {
  readonly file?: string[];
  readonly out?: string;
  readonly layout?: 'root' | 'module';
  readonly profile?: string[];
  readonly projectName?: string;
  readonly check?: boolean;
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly verify?: boolean;
  readonly verbose?: boolean;
  readonly format?: 'text' | 'json';
  readonly ci?: 'github';
}

export interface LoadedGeneration {
  readonly result: GenerateResult;
  readonly loadFindings: readonly Finding[];
  /** Absolute directory generated paths are relative to. */
  readonly root: string;
}

/** Loads the Compose files and runs the generator; shared by generate, explain, report. */
export function loadAndGenerate(io: Io, options: Pick<GenerateCommandOptions, 'file' | 'out' | 'layout' | 'profile' | 'projectName' | 'ci'>): LoadedGeneration {
  const { input, projectDir, sourceNames } = composeInput({ files: options.file ?? [], profiles: options.profile ?? [], ...(options.projectName ? { projectName: options.projectName } : {}), cwd: io.cwd, env: io.env });
  const { project, findings } = loadCompose(input);
  const result = generate(project, { sourceNames, ...(options.layout ? { layout: options.layout } : {}), ...(options.ci ? { ci: options.ci } : {}) });
  return { result, loadFindings: findings, root: options.out ? resolve(io.cwd, options.out) : projectDir };
}

export async function generateCommand(io: Io, options: GenerateCommandOptions): Promise<number> {
  const { result, loadFindings, root } = loadAndGenerate(io, options);
  const { name: project, environment } = result.model.project;
  const output: OutputContext = { root, owner: { project, environment }, force: options.force ?? false, shown: (path) => io.display(path) };
  // Only a run that writes holds the root: --check and --dry-run read, and may run beside it.
  const held = options.check || options.dryRun ? undefined : lockOutput(output);
  try {
    if (held?.recovered) io.err(`ecsform: an earlier run writing to ${io.display(root)} was interrupted; the files it had changed were put back.\n`);
    return await generateLocked(io, options, { result, loadFindings, root }, output);
  } finally {
    held?.lock.release();
  }
}

async function generateLocked(io: Io, options: GenerateCommandOptions, { result, loadFindings, root }: LoadedGeneration, output: OutputContext): Promise<number> {
  const warnings = [...loadFindings, ...result.model.warnings].filter((f) => options.verbose || f.severity !== 'info');
  const files = result.files.map((f) => ({ path: f.path, content: f.content }));
  const changes = planChanges(output, files);
  const changed = changes.filter((c) => c.kind !== 'unchanged');

  if (options.check) {
    if (options.format === 'json') io.out(`${JSON.stringify({ root: io.display(root), upToDate: changed.length === 0, changes: changed }, null, 2)}\n`);
    if (changed.length === 0) {
      if (options.format !== 'json') io.out(`ecsform: ${files.length} generated files are up to date in ${io.display(root)}.\n`);
      return 0;
    }
    io.err(`ecsform: the files on disk differ from what ${result.model.project.composeFiles.join(', ')} generates:\n${describeChanges(changed)}`);
    io.err('Run `ecsform generate` to update them (files you edited are kept unless --force).\n');
    return 1;
  }

  const verification = await verifyGenerated(result, { verify: options.verify !== false });
  const conflicts: Finding[] = changes
    .filter((c) => c.kind === 'conflict')
    .map((c) => ({
      code: 'OUTPUT_CONFLICT',
      severity: 'error' as const,
      message: `Not overwriting ${io.display(resolve(root, c.path))}: ${c.reason}.`,
      file: io.display(resolve(root, c.path)),
      hint: 'Move your change elsewhere (or into x-ecsform), or run again with --force to overwrite it.',
    }));
  if (options.format === 'json') {
    // One JSON document either way: a refusal carries its findings beside what would have been written.
    const refusal = conflicts.length > 0 ? { refused: true, findings: conflicts } : {};
    io.out(`${JSON.stringify({ root: io.display(root), ...refusal, changes, warnings, verification: verification.findings ?? null, monthlyCostUsd: verification.cost.totalMonthlyUsd, summary: summarise(result) }, null, 2)}\n`);
    if (conflicts.length > 0) {
      io.err(renderFindingsText(conflicts));
      return 2;
    }
  } else {
    if (warnings.length > 0) io.err(renderFindingsText(warnings));
    io.out(summaryText(io, result, root, changes, verification, options.dryRun ?? false));
  }
  if (conflicts.length > 0) throw new InputError(conflicts);
  if (!options.dryRun) applyChanges(output, files, changes);
  const failed = (verification.findings ?? []).filter((f) => !f.suppressed && (f.severity === 'error' || f.severity === 'critical' || f.severity === 'high'));
  return failed.length > 0 ? 1 : 0;
}

function suppressedCount(findings: readonly Finding[]): string {
  const suppressed = findings.filter((f) => f.suppressed).length;
  return suppressed > 0 ? ` (${suppressed} deliberate exceptions, each explained in an ecsform:ignore comment)` : '';
}

function describeChanges(changes: readonly PlannedChange[]): string {
  return changes.map((c) => `  ${c.kind.padEnd(9)} ${c.path}${c.reason ? ` (${c.reason})` : ''}\n`).join('');
}

function summaryText(io: Io, result: GenerateResult, root: string, changes: readonly PlannedChange[], verification: GeneratedVerification, dryRun: boolean): string {
  const findings = verification.findings;
  const summary = summarise(result);
  const { project } = result.model;
  const lines: string[] = [];
  lines.push(`ecsform: ${project.name} (${project.environment}, ${project.region}) → ${io.display(resolve(root, result.terraformDir))} (${project.layout} module)`);
  lines.push(`  services:  ${summary.services.map((s) => `${s.name} [${s.kind}]`).join(', ') || 'none'}`);
  if (summary.databases.length > 0) lines.push(`  databases: ${summary.databases.join(', ')}`);
  if (summary.staticSites.length > 0) lines.push(`  sites:     ${summary.staticSites.join(', ')}`);
  lines.push(`  secrets:   ${summary.secrets}`);
  const top = summary.resourcesByType.slice(0, 6).map(([type, n]) => `${n} ${type}`);
  lines.push(`  resources: ${summary.resourceCount} blocks of ${summary.resourcesByType.length} types (${top.join(', ')}${summary.resourcesByType.length > top.length ? ', ...' : ''})`);
  if (findings) lines.push(`  verified:  syntax, format, AWS provider schema, references, hygiene, security: ${countBySeverity(findings)}${suppressedCount(findings)}`);
  lines.push(`  cost:      ${costSummaryLine(verification.cost)}`);
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  // Any conflict stops the whole write: say so rather than listing what was not written.
  const conflicted = changes.some((c) => c.kind === 'conflict');
  const verb = dryRun ? 'would write' : conflicted ? 'nothing written, would write' : 'wrote';
  lines.push(`  ${verb}:     ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  if (dryRun) for (const c of changes.filter((c) => c.kind !== 'unchanged')) lines.push(`    ${c.kind.padEnd(9)} ${c.path}`);
  let text = `${lines.join('\n')}\n`;
  if (findings && findings.some((f) => !f.suppressed)) text += `\n${renderFindingsText(findings)}`;
  return text;
}
