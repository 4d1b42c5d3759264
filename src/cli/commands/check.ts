/**
 * `ecsform check DIR`: verifies every Terraform module under DIR offline. Works on any
 * Terraform, generated or hand-written. `--fix` rewrites badly formatted files in place.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';
import { isAtLeast, type Severity } from '../../diagnostics/finding.js';
import { VERSION } from '../../version.js';
import { formatTerraform, verify, VERIFY_CODES } from '../../verify/index.js';
import type { Io } from '../io.js';
import { writeAtomically } from '../output-files.js';
import { renderFindingsJson } from '../render/findings-json.js';
import { renderFindingsSarif } from '../render/findings-sarif.js';
import { countBySeverity, renderFindingsText } from '../render/findings-text.js';

export interface CheckCommandOptions {
  readonly format?: 'text' | 'json' | 'sarif';
  readonly failOn?: Severity;
  readonly fix?: boolean;
  readonly rules?: string;
  readonly showSuppressed?: boolean;
}

/** Directories never worth descending into. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', 'node_modules', '.ecsform']);

export async function checkCommand(io: Io, dir: string, options: CheckCommandOptions): Promise<number> {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `Not a directory: ${dir}`, hint: 'Pass the directory that holds your .tf files.' }]);
  }
  const files = terraformFiles(root).map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  if (options.fix) {
    for (const file of files) {
      const formatted = await formatTerraform(file.text);
      if (formatted !== file.text) {
        writeAtomically(join(root, file.path), formatted);
        io.err(`formatted ${file.path}\n`);
        file.text = formatted;
      }
    }
  }
  const result = await verify({ files });
  const display = (path: string | undefined) => (path === undefined ? undefined : io.display(join(root, path)));
  const findings = result.findings.map((f) => (f.file ? { ...f, file: display(f.file)! } : f));
  const failOn = options.failOn ?? 'low';
  const failing = findings.filter((f) => !f.suppressed && isAtLeast(f.severity, failOn));
  switch (options.format ?? 'text') {
    case 'json':
      io.out(renderFindingsJson(findings, { root: io.display(root), files: files.length, modules: result.modules.length }));
      break;
    case 'sarif':
      io.out(renderFindingsSarif(findings, new Map(Object.entries(VERIFY_CODES).map(([code, doc]) => [code, doc])), VERSION));
      break;
    default:
      io.out(renderFindingsText(findings, { showSuppressed: options.showSuppressed ?? false }));
      io.out(`ecsform check: ${files.length} files in ${result.modules.length} modules: ${countBySeverity(findings)}${failing.length > 0 ? ` (${failing.length} at or above ${failOn})` : ''}.\n`);
  }
  return failing.length > 0 ? 1 : 0;
}

function terraformFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...terraformFiles(path));
    } else if (entry.name.endsWith('.tf') || entry.name.endsWith('.tf.json')) {
      out.push(path);
    }
  }
  return out;
}
