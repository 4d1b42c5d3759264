/**
 * Applying a set of file changes all or nothing. Every new content is first written to a temporary
 * file beside its target and every file to be replaced or deleted is kept as a backup (a hard
 * link, else a copy); a journal lists them. Only then are the renames and deletions done. If one
 * fails, the backups are put back; if the process dies half-way, the next run finds the journal
 * and puts them back (`recoverInterrupted`). Removing the journal is the commit.
 */
import { copyFileSync, existsSync, linkSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { existingFileMode, makeDirectories, temporaryPath, unwritable, writeAtomically, writeTemporary } from './atomic-write.js';

export type FileChange = { readonly kind: 'write'; readonly path: string; readonly content: string } | { readonly kind: 'delete'; readonly path: string };

interface JournalEntry {
  readonly target: string;
  /** The new content, not yet renamed into place; absent for a deletion. */
  readonly temporary?: string;
  /** The previous content; absent when the target did not exist. */
  backup?: string;
}

interface Journal {
  readonly version: 1;
  readonly entries: JournalEntry[];
  /** Created for new files, outermost first; removed again on rollback when empty. */
  readonly createdDirectories: string[];
}

/**
 * Without `journalPath` a failure is still undone, but a process killed half-way leaves what it
 * had done (and its backups, `.ecsform-bak-*`, beside the files).
 */
export function applyAllOrNothing(changes: readonly FileChange[], journalPath: string | undefined, shown: (path: string) => string): void {
  const journal: Journal = { version: 1, entries: [], createdDirectories: [] };
  try {
    for (const change of changes) journal.entries.push(prepare(change, journal, shown));
    if (journalPath !== undefined) writeAtomically(journalPath, `${JSON.stringify(journal, null, 2)}\n`, shown);
  } catch (error) {
    discardPrepared(journal);
    throw error;
  }
  for (const entry of journal.entries) {
    try {
      if (entry.temporary !== undefined) renameSync(entry.temporary, entry.target);
      else rmSync(entry.target, { force: true });
    } catch (error) {
      rollBack(journal);
      if (journalPath !== undefined) rmSync(journalPath, { force: true });
      throw unwritable(entry.target, error, shown);
    }
  }
  if (journalPath !== undefined) rmSync(journalPath, { force: true });
  for (const entry of journal.entries) if (entry.backup !== undefined) rmSync(entry.backup, { force: true });
}

/**
 * Puts back what an interrupted run changed, from its journal; true if there was one. Called
 * with the output root locked, before anything else is read.
 */
export function recoverInterrupted(journalPath: string): boolean {
  if (!existsSync(journalPath)) return false;
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  } catch {
    // A journal that was never completely written: the run stopped before changing anything.
    journal = undefined;
  }
  if (journal && Array.isArray(journal.entries)) rollBack(journal);
  rmSync(journalPath, { force: true });
  return true;
}

function prepare(change: FileChange, journal: Journal, shown: (path: string) => string): JournalEntry {
  const mode = existingFileMode(change.path, shown);
  const exists = mode !== undefined;
  let entry: JournalEntry;
  if (change.kind === 'write') {
    const dir = dirname(change.path);
    journal.createdDirectories.push(...makeDirectories(dir, shown, change.path));
    entry = { target: change.path, temporary: writeTemporary(dir, basename(change.path), change.content, mode, shown) };
  } else {
    entry = { target: change.path };
  }
  if (exists) entry.backup = backUp(change.path, shown);
  return entry;
}

function backUp(path: string, shown: (path: string) => string): string {
  const backup = temporaryPath(dirname(path), 'bak', path);
  try {
    linkSync(path, backup);
  } catch {
    try {
      copyFileSync(path, backup);
    } catch (error) {
      throw unwritable(path, error, shown);
    }
  }
  return backup;
}

/** Before any rename: remove temporary files, backups and created directories. */
function discardPrepared(journal: Journal): void {
  for (const entry of journal.entries) {
    if (entry.temporary !== undefined) rmSync(entry.temporary, { force: true });
    if (entry.backup !== undefined) rmSync(entry.backup, { force: true });
  }
  removeEmptyDirectories(journal.createdDirectories);
}

/** Every target back to what its backup holds, or gone if it did not exist before. */
function rollBack(journal: Journal): void {
  for (const entry of [...journal.entries].reverse()) {
    try {
      if (entry.backup !== undefined && existsSync(entry.backup)) renameSync(entry.backup, entry.target);
      else if (entry.temporary !== undefined && !existsSync(entry.temporary) && entry.backup === undefined) rmSync(entry.target, { force: true });
      if (entry.temporary !== undefined) rmSync(entry.temporary, { force: true });
    } catch {
      // Best effort: the remaining entries are still put back.
    }
  }
  removeEmptyDirectories(journal.createdDirectories ?? []);
}

function removeEmptyDirectories(created: readonly string[]): void {
  for (const dir of [...created].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (or already gone): it holds something else now, keep it.
    }
  }
}
