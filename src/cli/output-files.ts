/**
 * Writing generated files without ever losing a user's work: every file we write is recorded
 * with its hash in a manifest; a file changed since we wrote it (or not written by us) is not
 * overwritten without --force; writes are atomic (temp file, then rename).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../diagnostics/errors.js';

export const MANIFEST_PATH = '.ecsform/manifest.json';

interface Manifest {
  readonly version: 1;
  /** Relative path → sha256 of the content ecsform wrote. */
  readonly files: Record<string, string>;
}

export type ChangeKind = 'create' | 'update' | 'unchanged' | 'delete' | 'conflict' | 'keep';

export interface PlannedChange {
  readonly path: string;
  readonly kind: ChangeKind;
  /** Why a conflict or kept file is left alone. */
  readonly reason?: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readManifest(root: string): Manifest {
  const path = join(root, MANIFEST_PATH);
  if (!existsSync(path)) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return { version: 1, files: parsed.files ?? {} };
  } catch {
    return { version: 1, files: {} };
  }
}

/**
 * What writing `files` under `root` would do. `force` turns conflicts into updates.
 * Files of an earlier run that are no longer generated are deleted if untouched, kept otherwise.
 */
export function planChanges(root: string, files: ReadonlyArray<{ path: string; content: string }>, force: boolean): PlannedChange[] {
  const manifest = readManifest(root);
  const changes: PlannedChange[] = [];
  const generated = new Set(files.map((f) => f.path));
  for (const file of files) {
    const target = join(root, file.path);
    if (!existsSync(target)) {
      changes.push({ path: file.path, kind: 'create' });
      continue;
    }
    const onDisk = readFileSync(target, 'utf8');
    if (onDisk === file.content) {
      changes.push({ path: file.path, kind: 'unchanged' });
      continue;
    }
    const recorded = manifest.files[file.path];
    const untouched = recorded !== undefined && recorded === sha256(onDisk);
    if (untouched || force) changes.push({ path: file.path, kind: 'update' });
    else
      changes.push({
        path: file.path,
        kind: 'conflict',
        reason: recorded === undefined ? 'the file exists but was not written by ecsform' : 'the file was changed since ecsform wrote it',
      });
  }
  for (const [path, hash] of Object.entries(manifest.files)) {
    if (generated.has(path)) continue;
    const target = join(root, path);
    if (!existsSync(target)) continue;
    const untouched = sha256(readFileSync(target, 'utf8')) === hash;
    changes.push(untouched || force ? { path, kind: 'delete' } : { path, kind: 'keep', reason: 'no longer generated, but changed since ecsform wrote it' });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/** Applies planned changes: atomic writes, deletions, and the updated manifest. */
export function applyChanges(root: string, files: ReadonlyArray<{ path: string; content: string }>, changes: readonly PlannedChange[]): void {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const manifest = readManifest(root);
  const next: Record<string, string> = {};
  for (const change of changes) {
    const content = byPath.get(change.path);
    if ((change.kind === 'create' || change.kind === 'update') && content !== undefined) {
      writeAtomically(join(root, change.path), content);
      next[change.path] = sha256(content);
    } else if (change.kind === 'unchanged' && content !== undefined) {
      next[change.path] = sha256(content);
    } else if (change.kind === 'delete') {
      rmSync(join(root, change.path), { force: true });
    } else if (change.kind === 'keep' || change.kind === 'conflict') {
      const previous = manifest.files[change.path];
      if (previous !== undefined) next[change.path] = previous;
    }
  }
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  writeAtomically(join(root, MANIFEST_PATH), `${JSON.stringify({ version: 1, files: sorted }, null, 2)}\n`);
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file. A path that
 * cannot be written (a file where a directory should be, no permission, a full disk) is the
 * user's to fix: an input error naming it, with no temporary file left behind.
 */
export function writeAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.ecsform-tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file could not have been created either.
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code !== undefined ? WRITE_ERRORS[code] : undefined;
    if (reason === undefined) throw error;
    throw new InputError([{ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write ${path}: ${reason}.`, file: path, hint: 'Choose another output directory with --out, or fix the path.' }]);
  }
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a parent of it is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a parent of it is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};
