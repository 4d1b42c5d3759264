/**
 * `ecsform report DIR --out report.html`: one self-contained HTML page with the architecture
 * diagram, resources by type, the monthly cost and the findings of `check()`. With `-f
 * compose.yaml` it also shows the generation decisions and warnings (and, without DIR, reports on
 * the Terraform that Compose generates, in memory).
 */
import { join, resolve } from 'node:path';
import { estimateCost } from '../../cost/index.js';
import { InputError } from '../../diagnostics/errors.js';
import type { Finding } from '../../diagnostics/finding.js';
import { diagramFromModel, diagramFromModules, renderMermaid } from '../../diagram/index.js';
import { explain } from '../../explain.js';
import { inventory, renderReport, type GenerationInfo, type ReportInput } from '../../report/index.js';
import { check } from '../../check/index.js';
import type { ModuleIndex } from '../../terraform/index.js';
import { VERSION } from '../../version.js';
import type { Io } from '../io.js';
import { writeAtomically } from '../output-files.js';
import { readTerraformDirectory } from '../terraform-directory.js';
import { readUsage, withDisplayPaths } from './cost.js';
import { loadAndGenerate, type GenerateCommandOptions, type LoadedGeneration } from './generate.js';

export interface ReportCommandOptions extends Pick<GenerateCommandOptions, 'file' | 'profile' | 'projectName' | 'layout'> {
  readonly out?: string;
  readonly usage?: string;
}

interface Terraform {
  readonly source: string;
  readonly files: number;
  readonly modules: readonly ModuleIndex[];
  readonly findings: readonly Finding[];
  /** A path inside the Terraform as the user sees it. */
  readonly display: (file: string) => string;
}

export async function reportCommand(io: Io, dir: string | undefined, options: ReportCommandOptions): Promise<number> {
  if (!options.out) throw new InputError([{ code: 'USAGE', severity: 'error', message: 'ecsform report needs --out FILE, the HTML file to write.', hint: 'For example: ecsform report infra/terraform --out report.html' }]);
  const usage = readUsage(io, options.usage);
  const { file, profile, projectName, layout } = options;
  // Not `out`: for generate that is the output root, here it is the report file.
  const generation = file && file.length > 0 ? loadAndGenerate(io, { file, ...(profile ? { profile } : {}), ...(projectName ? { projectName } : {}), ...(layout ? { layout } : {}) }) : undefined;
  const terraform = dir !== undefined ? await fromDirectory(io, dir) : generation ? await fromGeneration(io, generation) : undefined;
  if (!terraform) {
    throw new InputError([{ code: 'USAGE', severity: 'error', message: 'Nothing to report on: pass a Terraform directory, or -f compose.yaml.', hint: 'ecsform report infra/terraform --out report.html' }]);
  }
  const estimate = withDisplayPaths(await estimateCost(terraform.modules, usage), terraform.display);
  const resources = inventory(terraform.modules);
  const model = generation?.result.model;
  const diagram = model ? diagramFromModel(model) : diagramFromModules(terraform.modules, terraform.source);
  const input: ReportInput = {
    title: model ? `${model.project.name} (${model.project.environment}, ${model.project.region})` : terraform.source,
    source: terraform.source,
    files: terraform.files,
    modules: terraform.modules.length,
    version: VERSION,
    estimate,
    findings: terraform.findings,
    inventory: { ...resources, types: resources.types.map((t) => ({ ...t, entries: t.entries.map((e) => ({ ...e, file: terraform.display(e.file) })) })) },
    diagram,
    mermaid: renderMermaid(diagram),
    ...(generation ? { generation: generationInfo(io, generation) } : {}),
  };
  const out = resolve(io.cwd, options.out);
  writeAtomically(out, renderReport(input), (path) => io.display(path));
  const open = terraform.findings.filter((f) => !f.suppressed).length;
  io.out(`ecsform: wrote ${io.display(out)}: ${input.inventory.instances} resources, ~$${estimate.totalMonthlyUsd.toFixed(2)} a month, ${open} ${open === 1 ? 'finding' : 'findings'}.\n`);
  return 0;
}

async function fromDirectory(io: Io, dir: string): Promise<Terraform> {
  const { root, files, result } = await readTerraformDirectory(io, dir, undefined, { requireSyntax: true });
  const display = (file: string) => io.display(join(root, file));
  return { source: io.display(root), files, modules: result.modules, findings: result.findings.map((f) => (f.file ? { ...f, file: display(f.file) } : f)), display };
}

/** The Terraform `generate` would write, verified in memory (paths relative to the output root). */
async function fromGeneration(io: Io, generation: LoadedGeneration): Promise<Terraform> {
  const files = generation.result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content }));
  const result = await check({ files });
  const display = (file: string) => io.display(join(generation.root, file));
  return {
    source: `${io.display(join(generation.root, generation.result.terraformDir))} (as generated)`,
    files: files.length,
    modules: result.modules,
    findings: result.findings.map((f) => (f.file ? { ...f, file: display(f.file) } : f)),
    display,
  };
}

function generationInfo(io: Io, generation: LoadedGeneration): GenerationInfo {
  const display = (file: string) => io.display(resolve(generation.root, file));
  const decisions = explain(generation.result).map((entry) => ({
    ...entry,
    at: { ...entry.at, file: io.display(resolve(io.cwd, entry.at.file)) },
    locations: entry.locations.map((l) => ({ ...l, file: display(l.file) })),
  }));
  return {
    composeFiles: generation.result.model.project.composeFiles,
    decisions,
    warnings: [...generation.loadFindings, ...generation.result.model.warnings].filter((f) => f.severity !== 'info'),
  };
}
