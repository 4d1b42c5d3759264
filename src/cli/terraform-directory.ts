/**
 * Reads the Terraform under a directory (every `.tf` file, every module below it) for the
 * commands that work on any Terraform: check, cost, diagram, report. Only regular files are read:
 * a `.tf` name on a directory, a dangling or looping link, a FIFO, a device or an unreadable file
 * is an input error naming the path (exit 2), all of them reported at once. Linked files are read
 * through their link; linked directories are not followed (a link can make a directory its own
 * descendant).
 */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { check, type CheckName, type CheckResult } from '../check/index.js';
import { InputError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import { hclShape, MAX_HCL_DEPTH } from '../hcl/index.js';
import { INPUT_LIMITS } from './files/limits.js';
import { readTextFile } from './files/read-text.js';
import type { Io } from './io.js';

/** Directories never worth descending into. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', 'node_modules', '.ecsform']);

export interface TerraformFile {
  /** Relative to the root, `/`-separated. */
  path: string;
  text: string;
  /** The file itself: the target when `path` is a symbolic link. */
  realPath: string;
}

export interface TerraformFiles {
  readonly root: string;
  readonly files: TerraformFile[];
}

export function readTerraformFiles(io: Io, dir: string): TerraformFiles {
  const root = resolve(io.cwd, dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDirectory) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `Not a directory: ${dir}`, hint: 'Pass the directory that holds your .tf files.' }]);
  }
  const problems: Finding[] = [];
  const paths = terraformFiles(io, root, problems);
  const files: TerraformFile[] = [];
  let total = 0;
  let blocks = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = readTextFile(path, { shown: io.display(path), maxBytes: INPUT_LIMITS.terraformFileBytes, what: 'a Terraform file' });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const finding of error.findings) problems.push(finding);
      continue;
    }
    total += Buffer.byteLength(text);
    files.push({ path: relative(root, path).split(sep).join('/'), text, realPath: realpathSync(path) });
    if (!path.endsWith('.tf')) continue;
    // Bounds before anything recursive or quadratic runs: nesting depth, number of blocks.
    const shape = hclShape(path, text);
    if (shape.tooDeepAt !== undefined) {
      problems.push(limitFinding(io, path, shape.tooDeepAt.line, shape.tooDeepAt.column, `${io.display(path)} nests expressions or blocks more than ${MAX_HCL_DEPTH} levels deep; ecsform reads at most ${MAX_HCL_DEPTH}.`, 'INPUT_TOO_DEEP'));
    }
    const over = INPUT_LIMITS.terraformBlocks - blocks;
    if (over >= 0 && shape.blockLines.length > over) {
      problems.push(
        limitFinding(io, path, shape.blockLines[over]!, undefined, `More than ${INPUT_LIMITS.terraformBlocks.toLocaleString('en-US')} top-level blocks under ${io.display(root)}, more than ecsform reads at once (the first one past the limit is here).`, 'INPUT_TOO_LARGE'),
      );
    }
    blocks += shape.blockLines.length;
  }
  if (problems.length > 0) throw new InputError(problems);
  if (total > INPUT_LIMITS.terraformTotalBytes) {
    throw new InputError([
      {
        code: 'INPUT_TOO_LARGE',
        severity: 'error',
        message: `The .tf files under ${io.display(root)} hold ${(total / (1024 * 1024)).toFixed(1)} MiB together, more than ecsform reads at once (${INPUT_LIMITS.terraformTotalBytes / (1024 * 1024)} MiB).`,
        file: io.display(root),
        hint: 'Pass the directory of one root module rather than a tree of many.',
      },
    ]);
  }
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

function isTerraformName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

function terraformFiles(io: Io, dir: string, problems: Finding[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(unreadable(io, dir, code === 'EACCES' || code === 'EPERM' ? 'the directory cannot be listed: permission denied' : `the directory cannot be listed (${code ?? (error as Error).message})`));
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...terraformFiles(io, path, problems));
    } else if (isTerraformName(entry.name)) {
      if (entry.isSymbolicLink()) {
        const problem = linkProblem(path);
        if (problem !== undefined) {
          problems.push(unreadable(io, path, problem));
          continue;
        }
      }
      // Anything else that is not a regular file is refused when it is read, with its path.
      out.push(path);
    }
  }
  return out;
}

/** Why a linked `.tf` cannot be read as a file; undefined when it leads to one. */
function linkProblem(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? 'it is a symbolic link to a directory, not a file' : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is a symbolic link in a loop' : 'it is a symbolic link to a path that does not exist';
  }
}

function limitFinding(io: Io, path: string, line: number, column: number | undefined, message: string, code: 'INPUT_TOO_DEEP' | 'INPUT_TOO_LARGE'): Finding {
  return { code, severity: 'error', message, file: io.display(path), line, ...(column !== undefined ? { column } : {}), hint: 'Check that this is the Terraform you meant; split a generated configuration into modules.' };
}

function unreadable(io: Io, path: string, why: string): Finding {
  return { code: 'INPUT_UNREADABLE', severity: 'error', message: `${io.display(path)} cannot be read: ${why}.`, file: io.display(path), hint: 'Fix or remove it, or check a directory that does not contain it.' };
}
