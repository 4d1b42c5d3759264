/**
 * Two kinds of path: logical paths inside the Compose model (`services.api.ports[1]`) and file
 * system paths (pure string operations; the loader never touches the disk).
 */
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

const PLAIN_KEY = /^[A-Za-z0-9_\-/$@:+*]+$/;

/** `parent.key`, or `parent["odd.key"]` when the key would make the path ambiguous. */
export function childPath(parent: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** Resolves `path` against `baseDir` unless it is absolute or home-relative (`~`). */
export function resolveFrom(baseDir: string, path: string): string {
  if (isAbsolute(path) || path.startsWith('~')) return normalize(path);
  return join(baseDir, path);
}

export function directoryOf(file: string): string {
  return dirname(file);
}

/** Remote build contexts are kept as written. */
export function isRemoteContext(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || context.startsWith('github.com/');
}

/**
 * A relative path written in a file whose base directory is `baseDir`, re-expressed relative to the
 * project directory. Paths written relative to the project directory itself are kept as written.
 */
export function relativeToProject(projectDir: string, baseDir: string, path: string): string {
  if (isAbsolute(path) || path.startsWith('~') || normalize(baseDir) === normalize(projectDir)) return path;
  const rebased = join(relativeDirectory(projectDir, baseDir), path);
  return rebased.split(sep).join('/');
}

/**
 * `to` relative to `from`, for two paths of the same kind (both absolute or both relative to the
 * same directory). Computed on the strings alone so no working directory is consulted.
 */
function relativeDirectory(from: string, to: string): string {
  if (isAbsolute(from) !== isAbsolute(to)) return to;
  const fromParts = splitPath(from);
  const toParts = splitPath(to);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => '..');
  const parts = [...up, ...toParts.slice(common)];
  return parts.length === 0 ? '.' : parts.join(sep);
}

function splitPath(path: string): string[] {
  return normalize(path)
    .split(sep)
    .filter((part) => part !== '' && part !== '.');
}
