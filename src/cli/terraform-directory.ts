/**
 * Reads the Terraform under a directory (every `.tf` file, every module below it) for the
 * commands that work on any Terraform: check, cost, diagram, report.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../diagnostics/errors.js';
import { check, type CheckName, type CheckResult } from '../check/index.js';
import type { Io } from './io.js';

/** Directories never worth descending into. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', 'node_modules', '.ecsform']);

export interface TerraformFiles {
  readonly root: string;
  /** Paths relative to `root`, `/`-separated. */
  readonly files: { path: string; text: string }[];
}

export function readTerraformFiles(io: Io, dir: string): TerraformFiles {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `Not a directory: ${dir}`, hint: 'Pass the directory that holds your .tf files.' }]);
  }
  const files = terraformFiles(root).map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  if (files.length === 0) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `No .tf files under ${io.display(root)}.`, hint: 'Pass the directory that holds your .tf files.' }]);
  }
  return { root, files };
}

export interface TerraformDirectory {
  readonly root: string;
  readonly files: number;
  /** Paths in findings and modules are relative to `root`. */
  readonly result: CheckResult;
}

/**
 * Reads every `.tf` file under `dir` and runs `check()` with the given checks (all by default).
 * With `requireSyntax`, a file that does not parse is an input error: a cost, a diagram or a
 * report of the files that do would silently leave part of the stack out.
 */
export async function readTerraformDirectory(io: Io, dir: string, checks?: ReadonlySet<CheckName>, options: { readonly requireSyntax?: boolean } = {}): Promise<TerraformDirectory> {
  const { root, files } = readTerraformFiles(io, dir);
  const result = await check({ files }, checks ? { checks } : {});
  if (options.requireSyntax) {
    const broken = result.findings.filter((f) => f.code === 'HCL_SYNTAX');
    if (broken.length > 0) {
      throw new InputError(broken.map((f) => ({ ...f, ...(f.file ? { file: io.display(join(root, f.file)) } : {}), hint: f.hint ?? 'Fix the syntax (ecsform check lists every problem), then run again.' })));
    }
  }
  return { root, files: files.length, result };
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
