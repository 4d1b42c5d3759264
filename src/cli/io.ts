/**
 * The process as the commands see it: working directory, environment, output streams. Tests
 * pass a recording implementation; only `main.ts` binds it to the real process.
 */
import { relative } from 'node:path';

export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
  /** A path as shown to the user: relative to the working directory when inside it. */
  display(absolutePath: string): string;
  /** Reads standard input to the end (for `-` arguments). */
  readStdin(): Promise<string>;
}

export function processIo(): Io {
  const cwd = process.cwd();
  return {
    cwd,
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    display: (path) => displayPath(cwd, path),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') ? path : rel;
}
