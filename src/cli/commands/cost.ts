/**
 * `ecsform cost DIR`: the monthly cost of the Terraform under DIR (generated or hand-written), as
 * a text table, JSON or Markdown. `--usage FILE` sets the usage assumptions (YAML or JSON).
 * Also home of `readTerraformDirectory`, which `diagram` and `report` share.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { estimateCost, parseUsageFile, renderCostJson, renderCostMarkdown, renderCostText, DEFAULT_USAGE, type CostEstimate, type Usage } from '../../cost/index.js';
import { InputError } from '../../diagnostics/errors.js';
import { verify, type CheckName, type VerifyResult } from '../../verify/index.js';
import type { Io } from '../io.js';
import { renderFindingsText } from '../render/findings-text.js';

export interface CostCommandOptions {
  readonly usage?: string;
  readonly format?: 'text' | 'json' | 'markdown';
}

export async function costCommand(io: Io, dir: string, options: CostCommandOptions): Promise<number> {
  const usage = readUsage(io, options.usage);
  const { root, files, result } = await readTerraformDirectory(io, dir, new Set(['syntax']));
  const syntaxErrors = result.findings.filter((f) => f.severity === 'error');
  if (syntaxErrors.length > 0) io.err(renderFindingsText(syntaxErrors.map((f) => (f.file ? { ...f, file: io.display(join(root, f.file)) } : f))));
  const estimate = withDisplayPaths(await estimateCost(result.modules, usage), (file) => io.display(join(root, file)));
  const title = `Monthly cost of ${io.display(root)} (${files} files)`;
  switch (options.format ?? 'text') {
    case 'json':
      io.out(renderCostJson(estimate));
      break;
    case 'markdown':
      io.out(renderCostMarkdown(estimate, `Monthly cost of ${io.display(root)}`));
      break;
    default:
      io.out(renderCostText(estimate, title));
  }
  return 0;
}

/** The estimate with its file paths as the user sees them (relative to the working directory). */
export function withDisplayPaths(estimate: CostEstimate, display: (file: string) => string): CostEstimate {
  return {
    ...estimate,
    resources: estimate.resources.map((r) => ({ ...r, file: display(r.file) })),
    notEstimated: estimate.notEstimated.map((n) => ({ ...n, file: display(n.file) })),
  };
}

/** The usage file given with --usage, validated; the defaults without one. */
export function readUsage(io: Io, file: string | undefined): Usage {
  if (file === undefined) return DEFAULT_USAGE;
  const path = resolve(io.cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `Usage file not found: ${file}`, hint: 'Pass a YAML or JSON file; docs/cost.md lists the keys.' }]);
  }
  return parseUsageFile(io.display(path), readFileSync(path, 'utf8'));
}

/** Directories never worth descending into. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', 'node_modules', '.ecsform']);

export interface TerraformDirectory {
  readonly root: string;
  readonly files: number;
  /** Paths in findings and modules are relative to `root`. */
  readonly result: VerifyResult;
}

/** Reads every `.tf` file under `dir` and runs `verify()` with the given checks (all by default). */
export async function readTerraformDirectory(io: Io, dir: string, checks?: ReadonlySet<CheckName>): Promise<TerraformDirectory> {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `Not a directory: ${dir}`, hint: 'Pass the directory that holds your .tf files.' }]);
  }
  const files = terraformFiles(root).map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  if (files.length === 0) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `No .tf files under ${io.display(root)}.`, hint: 'Pass the directory that holds your .tf files.' }]);
  }
  const result = await verify({ files }, checks ? { checks } : {});
  return { root, files: files.length, result };
}

function terraformFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...terraformFiles(path));
    } else if (entry.name.endsWith('.tf')) {
      out.push(path);
    }
  }
  return out;
}
