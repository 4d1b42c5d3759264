/**
 * Writing one file so that a reader never sees half of it: a temporary file beside the target,
 * then a rename. The target keeps its permission bits; special files (devices, FIFOs, sockets,
 * directories) are refused rather than written to. Directories are created one level at a time:
 * a recursive mkdir under /proc or /sys can spin forever.
 */
import { chmodSync, closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, type Stats, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';

/** A unique temporary name in `dir`, recognisable as ecsform's. */
export function temporaryPath(dir: string, purpose: 'tmp' | 'bak', name: string): string {
  return join(dir, `.ecsform-${purpose}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${basename(name)}`);
}

/** Creates `dir` and its missing parents; returns the directories it created, outermost first. */
export function makeDirectories(dir: string, shown: (path: string) => string, forFile?: string): string[] {
  const named = (path: string) => forFile ?? path;
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    let stat: Stats;
    try {
      stat = statSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(named(current), error, shown);
      const parent = dirname(current);
      if (parent === current) throw unwritable(named(current), error, shown);
      missing.push(current);
      current = parent;
      continue;
    }
    if (!stat.isDirectory()) throw unwritable(named(current), Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }), shown);
    break;
  }
  const created = missing.reverse();
  for (const path of created) {
    try {
      mkdirSync(path);
    } catch (error) {
      throw unwritable(named(path), error, shown);
    }
  }
  return created;
}

/** Refuses to write over anything but a regular file; returns its permission bits if it exists. */
export function existingFileMode(path: string, shown: (path: string) => string): number | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  if (stat.isFile()) return stat.mode & 0o7777;
  const kind = stat.isDirectory() ? 'a directory' : stat.isSymbolicLink() ? 'a symbolic link' : stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'a special file';
  throw new InputError([
    { code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write ${shown(path)}: it is ${kind}, not a regular file.`, file: shown(path), hint: 'Choose another path, or move what is there out of the way.' },
  ]);
}

/** Writes `content` to a new temporary file in `dir` with `mode` (or the default); returns its path. */
export function writeTemporary(dir: string, name: string, content: string | Uint8Array, mode: number | undefined, shown: (path: string) => string): string {
  const temporary = temporaryPath(dir, 'tmp', name);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    closeSync(fd);
    fd = undefined;
    if (mode !== undefined) chmodSync(temporary, mode);
    return temporary;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw unwritable(join(dir, name), error, shown);
  }
}

/**
 * Writes through a temporary file and a rename; a symbolic link is written through, to its target.
 * A path that cannot be written (a file where a
 * directory should be, no permission, a full disk, a special file) is the user's to fix: an input
 * error naming it, with no temporary file left behind.
 */
export function writeAtomically(requested: string, content: string | Uint8Array, shown: (path: string) => string = (p) => p): void {
  const path = throughLink(requested, shown);
  const mode = existingFileMode(path, shown);
  const dir = dirname(path);
  makeDirectories(dir, shown, path);
  const temporary = writeTemporary(dir, basename(path), content, mode, shown);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw unwritable(path, error, shown);
  }
}

/** The target of a symbolic link (so that writing keeps the link), or the path itself. */
function throughLink(path: string, shown: (path: string) => string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  try {
    return realpathSync(path);
  } catch (error) {
    throw unwritable(path, Object.assign(new Error('it is a symbolic link that leads nowhere (dangling or a loop)'), { code: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'ELOOP' : 'EDANGLING' }), shown);
  }
}

export function unwritable(path: string, error: unknown, shown: (path: string) => string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code !== undefined ? WRITE_ERRORS[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
  return new InputError([{ code: 'OUTPUT_UNWRITABLE', severity: 'error', message: `Cannot write ${shown(path)}: ${reason}.`, file: shown(path), hint: 'Choose another output directory with --out, or fix the path.' }]);
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a parent of it is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a parent of it is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ENOENT: 'its directory cannot be created there',
  EDANGLING: 'it is a symbolic link to a path that does not exist',
  ELOOP: 'too many levels of symbolic links (a link loop)',
  ENAMETOOLONG: 'the path is too long',
  EXDEV: 'it is on another file system than its temporary file',
  EBUSY: 'it is busy',
  EINVAL: 'the file system does not allow it',
};
