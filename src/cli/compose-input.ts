/**
 * Finds and reads the Compose files the way `docker compose` does: `-f` files in order, else
 * compose.yaml / compose.yml / docker-compose.yaml / docker-compose.yml in the directory.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../diagnostics/errors.js';
import type { LoadInput } from '../load/types.js';
import { INPUT_LIMITS } from './files/limits.js';
import { readTextFile, readTextFileIfPresent } from './files/read-text.js';

const DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** Merged over the default file when no -f is given, as `docker compose` does. */
const OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

export interface ComposeInputOptions {
  readonly files?: readonly string[];
  readonly profiles?: readonly string[];
  readonly projectName?: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds the loader input. Paths in findings are shown relative to `cwd`, so messages read
 * `examples/iot/compose.yaml:41:7` rather than an absolute path.
 */
export function composeInput(options: ComposeInputOptions): { input: LoadInput; projectDir: string; sourceNames: string[] } {
  const wanted = options.files && options.files.length > 0 ? options.files : defaultFiles(options.cwd);
  // Every read counts, repeated ones included: include and extends can read the same file again and again.
  let read = 0;
  const countRead = (text: string, shown: string) => {
    read += text.length;
    if (read > INPUT_LIMITS.composeTotalBytes) {
      throw new InputError([
        {
          code: 'INPUT_TOO_LARGE',
          severity: 'error',
          message: `Reading ${shown} brings what the Compose files and the files they refer to hold past ${INPUT_LIMITS.composeTotalBytes / (1024 * 1024)} MiB, more than ecsform reads in one run.`,
          file: shown,
          hint: 'Check include, extends and env_file for files read many times.',
        },
      ]);
    }
  };
  const files = wanted.map((file) => {
    const absolute = resolve(options.cwd, file);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `${file} is a directory, not a Compose file.`, hint: `Pass the file itself, e.g. -f ${join(file, 'compose.yaml')}.` }]);
    }
    if (!existsSync(absolute)) {
      throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `Compose file not found: ${file}`, hint: 'Pass the path with -f, or run ecsform in the directory of compose.yaml.' }]);
    }
    const path = display(options.cwd, absolute);
    const text = readTextFile(absolute, { shown: path, maxBytes: INPUT_LIMITS.composeFileBytes, what: 'a Compose file' });
    countRead(text, path);
    return { path, text };
  });
  const projectDir = dirname(resolve(options.cwd, wanted[0]!));
  return {
    projectDir,
    sourceNames: wanted.map((file) => relative(projectDir, resolve(options.cwd, file)).split(sep).join('/')),
    input: {
      files,
      readFile: (path) => {
        const absolute = resolve(options.cwd, path);
        const text = readTextFileIfPresent(absolute, { shown: display(options.cwd, absolute), maxBytes: INPUT_LIMITS.composeFileBytes, what: 'a file the Compose file refers to' });
        if (text !== undefined) countRead(text, display(options.cwd, absolute));
        return text;
      },
      env: options.env,
      ...(options.profiles && options.profiles.length > 0 ? { profiles: options.profiles } : {}),
      ...(options.projectName ? { projectName: options.projectName } : {}),
      // Absolute, so the project name can fall back to the directory's name.
      projectDir,
    },
  };
}

/** The default Compose file of the directory, and its override file when there is one. */
function defaultFiles(cwd: string): string[] {
  const found = DEFAULT_NAMES.find((name) => existsSync(join(cwd, name)));
  if (!found) {
    throw new InputError([{ code: 'INPUT_NOT_FOUND', severity: 'error', message: `No Compose file in ${cwd} (looked for ${DEFAULT_NAMES.join(', ')}).`, hint: 'Pass the path with -f.' }]);
  }
  const override = OVERRIDE_NAMES.find((name) => existsSync(join(cwd, name)));
  return override ? [found, override] : [found];
}

function display(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' ? '.' : rel.startsWith('..') ? absolute : rel;
}
