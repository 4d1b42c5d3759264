/**
 * `ecsform cost DIR`: the monthly cost of the Terraform under DIR (generated or hand-written), as
 * a text table, JSON or Markdown. `--usage FILE` sets the usage assumptions (YAML or JSON).
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { estimateCost, parseUsageFile, renderCostJson, renderCostMarkdown, renderCostText, DEFAULT_USAGE, type CostEstimate, type Usage } from '../../cost/index.js';
import { InputError } from '../../diagnostics/errors.js';
import { INPUT_LIMITS } from '../files/limits.js';
import { readTextFile } from '../files/read-text.js';
import type { Io } from '../io.js';
import { readTerraformDirectory } from '../terraform-directory.js';

export interface CostCommandOptions {
  readonly usage?: string;
  readonly format?: 'text' | 'json' | 'markdown';
}

export async function costCommand(io: Io, dir: string, options: CostCommandOptions): Promise<number> {
  const usage = readUsage(io, options.usage);
  const { root, files, result } = await readTerraformDirectory(io, dir, new Set(['syntax']), { requireSyntax: true });
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
  if (!existsSync(path) || statSync(path).isDirectory()) {
    const what = existsSync(path) ? `${file} is a directory, not a usage file` : `Usage file not found: ${file}`;
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: what, hint: 'Pass a YAML or JSON file; docs/cost.md lists the keys.' }]);
  }
  return parseUsageFile(io.display(path), readTextFile(path, { shown: io.display(path), maxBytes: INPUT_LIMITS.jsonFileBytes, what: 'a usage file' }));
}
