/**
 * `.ecsform/manifest.json`: every file ecsform wrote under an output root, with the hash of what
 * it wrote and the project that wrote it. The manifest is committed with the code, so a pull
 * request can change it: every entry is checked before it is believed, and an entry that is not
 * a plain path inside the root stops the run.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../diagnostics/errors.js';
import { confinedPath, malformedRelativePath } from './files/confined-path.js';
import { INPUT_LIMITS } from './files/limits.js';
import { readTextFileIfPresent } from './files/read-text.js';

export const MANIFEST_PATH = '.ecsform/manifest.json';
export const STATE_DIR = '.ecsform';

/** Who wrote a file: a project and its environment (two environments are two sets of files). */
export interface Owner {
  readonly project: string;
  readonly environment: string;
}

export interface ManifestEntry {
  readonly sha256: string;
  /** Undefined in manifests written before owners were recorded. */
  readonly owner?: Owner;
}

export function sameOwner(a: Owner, b: Owner): boolean {
  return a.project === b.project && a.environment === b.environment;
}

export function describeOwner(owner: Owner): string {
  return `the ecsform project "${owner.project}" (environment ${owner.environment})`;
}

export type Manifest = ReadonlyMap<string, ManifestEntry>;

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function readManifest(root: string, shown: (path: string) => string): Manifest {
  const { absolute } = confinedPath(root, MANIFEST_PATH, shown);
  const text = readTextFileIfPresent(absolute, { shown: shown(absolute), maxBytes: INPUT_LIMITS.jsonFileBytes, what: 'the ecsform manifest' });
  if (text === undefined) return new Map();
  const invalid = (detail: string) =>
    new InputError([
      {
        code: 'MANIFEST_INVALID',
        severity: 'error',
        message: `${shown(absolute)} is not a manifest ecsform can trust: ${detail}. Nothing was written.`,
        file: shown(absolute),
        hint: 'Restore it from version control (git checkout -- .ecsform/manifest.json), or delete it: ecsform then treats every existing file as not its own and overwrites none of them without --force.',
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('it is not JSON');
  }
  const files = typeof parsed === 'object' && parsed !== null ? (parsed as { files?: unknown }).files : undefined;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) throw invalid('it has no "files" object');
  const entries = new Map<string, ManifestEntry>();
  for (const [path, value] of Object.entries(files as Record<string, unknown>)) {
    const problem = malformedRelativePath(path);
    if (problem !== undefined) throw invalid(`the entry ${JSON.stringify(path)} is not a path inside the output root (${problem})`);
    const entry = typeof value === 'string' ? { sha256: value } : value;
    const { sha256: hash, project, environment } = (typeof entry === 'object' && entry !== null ? entry : {}) as { sha256?: unknown; project?: unknown; environment?: unknown };
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw invalid(`the entry ${JSON.stringify(path)} has no sha256 hash`);
    if (typeof value === 'string') {
      entries.set(path, { sha256: hash });
    } else if (typeof project === 'string' && typeof environment === 'string') {
      entries.set(path, { sha256: hash, owner: { project, environment } });
    } else {
      throw invalid(`the entry ${JSON.stringify(path)} does not name the project and environment that wrote it`);
    }
  }
  return entries;
}

export function renderManifest(entries: Manifest): string {
  const files = Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)).map(([path, e]) => [path, e.owner ? { project: e.owner.project, environment: e.owner.environment, sha256: e.sha256 } : e.sha256]));
  return `${JSON.stringify({ version: 2, files }, null, 2)}\n`;
}
