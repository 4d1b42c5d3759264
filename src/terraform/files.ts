/**
 * Groups input files into Terraform modules: every directory holding `.tf` files is one module,
 * as Terraform itself sees it (it never looks into subdirectories).
 */
import { posix } from 'node:path';

export interface SourceFile {
  /** Relative to the checked root, with `/` separators, e.g. `infra/terraform/main.tf`. */
  readonly path: string;
  readonly text: string;
}

export interface ModuleFiles {
  /** The directory, `.` for the root. */
  readonly dir: string;
  /** Sorted by path. */
  readonly files: readonly SourceFile[];
}

export interface GroupedInput {
  readonly modules: readonly ModuleFiles[];
  /** Files in Terraform's JSON syntax (`.tf.json`): Terraform reads them, ecsform does not. */
  readonly jsonFiles: readonly string[];
}

export function normalizePath(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/'));
}

export function moduleDirOf(path: string): string {
  return posix.dirname(normalizePath(path));
}

export function groupIntoModules(files: ReadonlyArray<SourceFile>): GroupedInput {
  const byDir = new Map<string, SourceFile[]>();
  const jsonFiles: string[] = [];
  for (const file of files) {
    const path = normalizePath(file.path);
    if (path.endsWith('.tf.json')) {
      jsonFiles.push(path);
      continue;
    }
    if (!path.endsWith('.tf')) continue;
    const dir = posix.dirname(path);
    let list = byDir.get(dir);
    if (!list) byDir.set(dir, (list = []));
    list.push({ path, text: file.text });
  }
  const modules = [...byDir.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dir, list]) => ({ dir, files: list.sort((a, b) => a.path.localeCompare(b.path)) }));
  return { modules, jsonFiles };
}

/**
 * The directory a module `source` points to when it is a local path (`./x`, `../x`), relative to
 * the checked root; undefined for registry, git and other remote sources, or a path leaving the root.
 */
export function resolveLocalSource(callerDir: string, source: string): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const resolved = posix.normalize(posix.join(callerDir, source)).replace(/\/$/, '');
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  return resolved === '' ? '.' : resolved;
}
