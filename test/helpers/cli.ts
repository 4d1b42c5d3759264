/** Runs the CLI in-process with a recording Io, so tests see the exit code and both streams. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayPath, type Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = {
    cwd,
    env,
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    display: (path) => displayPath(cwd, path),
    readStdin: async () => '',
  };
  const code = await main(args, io);
  return { code, out, err };
}

export function tempDir(prefix = 'ecsform-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
