/**
 * The process as the commands see it: working directory, environment, output streams. Tests
 * pass a recording implementation; only `main.ts` binds it to the real process.
 */
import { relative } from 'node:path';
import { InputError } from '../diagnostics/errors.js';
import { decodeText } from './files/read-text.js';

export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
  /** A path as shown to the user: relative to the working directory when inside it. */
  display(absolutePath: string): string;
  /** Reads standard input to the end (for `-` arguments); an InputError past `maxBytes` or on bytes that are not UTF-8. */
  readStdin(maxBytes: number): Promise<string>;
}

export function processIo(): Io {
  const cwd = process.cwd();
  return {
    cwd,
    env: process.env,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    display: (path) => displayPath(cwd, path),
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        if (length > maxBytes) {
          process.stdin.destroy();
          throw new InputError([{ code: 'INPUT_TOO_LARGE', severity: 'error', message: `Standard input holds more than ecsform reads (${Math.round(maxBytes / (1024 * 1024))} MiB).`, hint: 'Pass what `terraform output -json` prints.' }]);
        }
      }
      return decodeText(Buffer.concat(chunks), 'standard input');
    },
  };
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') ? path : rel;
}
