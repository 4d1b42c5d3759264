/** A recording Io for calling command functions directly (main.ts does not register them yet). */
import { displayPath, type Io } from '../../src/cli/io.js';

export interface RecordingIo extends Io {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function recordingIo(cwd: string): RecordingIo {
  let out = '';
  let err = '';
  return {
    cwd,
    env: {},
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    display: (path) => displayPath(cwd, path),
    readStdin: async () => '',
    stdout: () => out,
    stderr: () => err,
  };
}
