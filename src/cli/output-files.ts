/**
 * Writing generated files without ever losing a user's work: every file we write is recorded
 * with its hash and its project in a manifest; a file changed since we wrote it, not written by
 * us, or written by another project is not overwritten without --force, and another project's
 * files are never deleted. Every path is confined to the output root. A run that writes holds the
 * root's lock and applies its changes all or nothing.
 */
import { rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../diagnostics/errors.js';
import { makeDirectories, writeAtomically } from './files/atomic-write.js';
import { confinedPath } from './files/confined-path.js';
import { readBytes } from './files/read-text.js';
import { lockOutputRoot, lockPathIn, type RunLock } from './files/run-lock.js';
import { applyAllOrNothing, recoverInterrupted, type FileChange } from './files/transaction.js';
import { INPUT_LIMITS } from './files/limits.js';
import { describeOwner, MANIFEST_PATH, readManifest, renderManifest, sameOwner, sha256, STATE_DIR, type ManifestEntry, type Owner } from './output-manifest.js';

export { MANIFEST_PATH, sha256 } from './output-manifest.js';
export { writeAtomically };

export type ChangeKind = 'create' | 'update' | 'unchanged' | 'delete' | 'conflict' | 'keep';

export interface PlannedChange {
  readonly path: string;
  readonly kind: ChangeKind;
  /** Why a conflict or kept file is left alone. */
  readonly reason?: string;
}

export interface GeneratedOutput {
  readonly path: string;
  readonly content: string;
}

export interface OutputContext {
  /** The output root; every path is relative to it. */
  readonly root: string;
  /** The project and environment writing, recorded as the owner of its files. */
  readonly owner: Owner;
  /** Overwrite files changed since ecsform wrote them, not written by it, or written by another project. */
  readonly force: boolean;
  /** A path as the user sees it. */
  readonly shown: (absolute: string) => string;
}

/**
 * What writing `files` would do. Read-only; refuses (exit 2) any path that leaves the root and a
 * manifest that cannot be trusted. Files of an earlier run of this project that are no longer
 * generated are deleted if untouched, kept otherwise.
 */
export function planChanges(ctx: OutputContext, files: readonly GeneratedOutput[]): PlannedChange[] {
  const manifest = readManifest(ctx.root, ctx.shown);
  const changes: PlannedChange[] = [];
  const generated = new Set(files.map((f) => f.path));
  for (const file of files) {
    const onDisk = currentBytes(ctx, file.path);
    const recorded = manifest.get(file.path);
    const otherProject = ownedByAnother(recorded, ctx.owner);
    if (onDisk === undefined) {
      changes.push({ path: file.path, kind: 'create' });
    } else if (otherProject === undefined && Buffer.from(file.content, 'utf8').equals(onDisk)) {
      changes.push({ path: file.path, kind: 'unchanged' });
    } else if (ctx.force || (otherProject === undefined && recorded?.sha256 === sha256(onDisk))) {
      changes.push({ path: file.path, kind: 'update' });
    } else {
      const reason =
        otherProject !== undefined
          ? `the file was written by ${describeOwner(otherProject)}`
          : recorded === undefined
            ? 'the file exists but was not written by ecsform'
            : 'the file was changed since ecsform wrote it';
      changes.push({ path: file.path, kind: 'conflict', reason });
    }
  }
  for (const [path, entry] of manifest) {
    if (generated.has(path)) continue;
    // Another project's files are its own business: never deleted, not even listed.
    if (ownedByAnother(entry, ctx.owner) !== undefined) continue;
    const onDisk = currentBytes(ctx, path);
    if (onDisk === undefined) continue;
    const untouched = sha256(onDisk) === entry.sha256;
    changes.push(untouched || ctx.force ? { path, kind: 'delete' } : { path, kind: 'keep', reason: 'no longer generated, but changed since ecsform wrote it' });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Holds the output root for one writing run: undoes what an interrupted run left half-done, and
 * keeps any other run out until `release`.
 */
export function lockOutput(ctx: OutputContext): { lock: RunLock; recovered: boolean } {
  const stateDir = confinedPath(ctx.root, STATE_DIR, ctx.shown).absolute;
  const created = makeDirectories(stateDir, ctx.shown);
  const lock = lockOutputRoot(lockPathIn(stateDir), ctx.root, ctx.shown);
  const recovered = recoverInterrupted(journalPath(stateDir));
  return {
    recovered,
    lock: {
      release: () => {
        lock.release();
        // A run that wrote nothing leaves no trace of itself.
        for (const dir of [...created].reverse()) removeIfEmpty(dir);
      },
    },
  };
}

/** Applies planned changes, all or nothing: writes, deletions and the updated manifest. */
export function applyChanges(ctx: OutputContext, files: readonly GeneratedOutput[], changes: readonly PlannedChange[]): void {
  const conflicts = changes.filter((c) => c.kind === 'conflict');
  if (conflicts.length > 0) throw new Error(`applyChanges called with ${conflicts.length} conflicts`);
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const manifest = readManifest(ctx.root, ctx.shown);
  const next = new Map<string, ManifestEntry>();
  const operations: FileChange[] = [];
  const mine = (content: string): ManifestEntry => ({ owner: ctx.owner, sha256: sha256(content) });
  for (const change of changes) {
    const content = byPath.get(change.path);
    const target = () => confinedPath(ctx.root, change.path, ctx.shown).absolute;
    if ((change.kind === 'create' || change.kind === 'update') && content !== undefined) {
      operations.push({ kind: 'write', path: target(), content });
      next.set(change.path, mine(content));
    } else if (change.kind === 'unchanged' && content !== undefined) {
      next.set(change.path, mine(content));
    } else if (change.kind === 'delete') {
      operations.push({ kind: 'delete', path: target() });
    } else if (change.kind === 'keep') {
      const previous = manifest.get(change.path);
      if (previous !== undefined) next.set(change.path, { ...previous, owner: ctx.owner });
    }
  }
  // Another project's entries stay as they are, unless this run took the file over with --force.
  for (const [path, entry] of manifest) {
    if (!next.has(path) && !byPath.has(path) && ownedByAnother(entry, ctx.owner) !== undefined) next.set(path, entry);
  }
  const stateDir = confinedPath(ctx.root, STATE_DIR, ctx.shown).absolute;
  operations.push({ kind: 'write', path: confinedPath(ctx.root, MANIFEST_PATH, ctx.shown).absolute, content: renderManifest(next) });
  applyAllOrNothing(operations, journalPath(stateDir), ctx.shown);
}

function journalPath(stateDir: string): string {
  return join(stateDir, 'journal.json');
}

/** The owner recorded for a file when it is not `owner`; undefined for this run's own files and older manifests. */
function ownedByAnother(entry: ManifestEntry | undefined, owner: Owner): Owner | undefined {
  return entry?.owner !== undefined && !sameOwner(entry.owner, owner) ? entry.owner : undefined;
}

function currentBytes(ctx: OutputContext, path: string): Uint8Array | undefined {
  const { absolute } = confinedPath(ctx.root, path, ctx.shown);
  try {
    return readBytes(absolute, { shown: ctx.shown(absolute), maxBytes: INPUT_LIMITS.terraformTotalBytes, what: 'a generated file' });
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(error.findings.map((f) => ({ ...f, code: 'OUTPUT_UNWRITABLE', hint: `ecsform generates ${path} here; move what is there out of the way, or choose another root with --out.` })));
    }
    throw error;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Holds something: keep it.
  }
}
