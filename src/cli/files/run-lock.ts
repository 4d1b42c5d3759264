/**
 * One writer per output root: a run that writes takes `.ecsform/lock` (created atomically, holding
 * who took it) and gives it back when done. A second run meanwhile stops with exit 2 instead of
 * mixing its files with the first one's. A lock left by a process that no longer runs on this
 * machine is taken over.
 */
import { hostname } from 'node:os';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';
import { temporaryPath, unwritable } from './atomic-write.js';

export interface RunLock {
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export function lockOutputRoot(lockPath: string, root: string, shown: (path: string) => string): RunLock {
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Written in full first, then linked into place: the lock never exists half-written.
  const draft = temporaryPath(dirname(lockPath), 'tmp', 'lock');
  try {
    writeFileSync(draft, `${JSON.stringify(me)}\n`, { flag: 'wx' });
  } catch (error) {
    throw unwritable(lockPath, error, shown);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(lockPath, error, shown);
        const holder = readHolder(lockPath);
        if (attempt === 0 && holder !== undefined && isStale(holder)) {
          rmSync(lockPath, { force: true });
          continue;
        }
        throw locked(lockPath, root, holder, shown);
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      const holder = readHolder(lockPath);
      if (holder && holder.pid === me.pid && holder.host === me.host && holder.since === me.since) rmSync(lockPath, { force: true });
    },
  };
}

export function lockPathIn(stateDir: string): string {
  return join(stateDir, 'lock');
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'string') return parsed as Holder;
  } catch {
    // Unreadable or not ours: treated as held.
  }
  return undefined;
}

/** Held by a process of this machine that has ended. */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function locked(lockPath: string, root: string, holder: Holder | undefined, shown: (path: string) => string): InputError {
  const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.since}` : 'a process ecsform cannot identify';
  return new InputError([
    {
      code: 'OUTPUT_LOCKED',
      severity: 'error',
      message: `Another ecsform run is writing to ${shown(root)} (${who}). Nothing was written.`,
      file: shown(lockPath),
      hint: `Run again when it has finished; if no other run is active, delete ${shown(lockPath)}.`,
    },
  ]);
}
