/**
 * Paths that ecsform writes, renames or deletes stay inside their root: a relative path from the
 * generator or from the manifest is resolved component by component, following symbolic links the
 * way the kernel will, and refused when it would land outside the root or on a link. Nothing is
 * touched on refusal.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';

/** Why a relative path is not one ecsform would ever generate; undefined when it is well formed. */
export function malformedRelativePath(path: string): string | undefined {
  if (path === '') return 'it is empty';
  if (path.includes('\0')) return 'it contains a NUL character';
  if (path.includes('\\')) return 'it contains a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is absolute';
  const segments = path.split('/');
  if (segments.includes('..')) return 'it goes up with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'it has an empty or "." segment';
  return undefined;
}

/** The real path of `root` (which may not exist yet): its deepest existing ancestor resolved. */
export function realRoot(root: string): string {
  const absolute = resolve(root);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return join(realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      missing.push(existing.slice(parent.length).replace(/^[/\\]/, ''));
      existing = parent;
    }
  }
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

export interface ConfinedPath {
  /** Absolute path to operate on: inside the real root, no link on the way or at the end. */
  readonly absolute: string;
}

/**
 * Resolves `path` (`/`-separated, relative) under `root`. Directory links that stay inside the root
 * are followed; a link that leads outside it is refused. A link as the last component is refused
 * too (writing would replace the link, deleting would remove it, and neither is what its author
 * meant) unless `followLastLink`: then the path is the link's target, which must be inside the root.
 */
export function confinedPath(root: string, path: string, shown: (absolute: string) => string, options: { readonly followLastLink?: boolean } = {}): ConfinedPath {
  const problem = malformedRelativePath(path);
  if (problem !== undefined) throw outsideRoot(`${JSON.stringify(path)} is not a path inside the output root: ${problem}`, undefined);
  const base = realRoot(root);
  let current = base;
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const next = join(current, segments[i]!);
    let isLink = false;
    try {
      isLink = lstatSync(next).isSymbolicLink();
    } catch {
      // Nothing there yet: the rest of the path will be created inside `current`.
      return { absolute: join(next, ...segments.slice(i + 1)) };
    }
    if (!isLink) {
      current = next;
      continue;
    }
    if (i === segments.length - 1 && !options.followLastLink) {
      throw outsideRoot(`${shown(next)} is a symbolic link; ecsform writes and deletes regular files only`, shown(next));
    }
    let target: string;
    try {
      target = realpathSync(next);
    } catch {
      throw outsideRoot(`${shown(next)} is a symbolic link that leads nowhere (dangling or a loop)`, shown(next));
    }
    if (!isInside(base, target)) {
      throw outsideRoot(`${shown(join(root, path))} would be written outside the output root ${shown(root)}: ${shown(next)} is a symbolic link to ${target}`, shown(next));
    }
    current = target;
  }
  return { absolute: current };
}

function outsideRoot(message: string, file: string | undefined): InputError {
  return new InputError([
    {
      code: 'OUTPUT_OUTSIDE_ROOT',
      severity: 'error',
      message: `${message}. Nothing was written.`,
      ...(file !== undefined ? { file } : {}),
      hint: 'ecsform only writes regular files inside the output root; replace the link with a directory, or choose another root with --out.',
    },
  ]);
}
