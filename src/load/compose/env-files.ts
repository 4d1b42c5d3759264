/**
 * Reading dotenv files (`.env`, `env_file`, `include.env_file`) and the project environment that
 * interpolation uses: the process environment first, then the project's `.env`.
 */
import { join } from 'node:path';
import { readFile, type LoadContext } from './context.js';
import { parseDotenv, type DotenvEntry, type DotenvFormat } from './dotenv.js';
import type { Lookup } from './interpolate.js';

/** Parses a dotenv file, reporting its problems; undefined when the file does not exist. */
export function readEnvFile(ctx: LoadContext, file: string, lookup: Lookup, format: DotenvFormat = 'compose'): readonly DotenvEntry[] | undefined {
  const text = readFile(ctx, file);
  if (text === undefined) return undefined;
  const result = parseDotenv(text, lookup, format);
  if (result.problem) {
    const { kind, message, line, column } = result.problem;
    ctx.findings.report({
      code: kind === 'required' ? 'COMPOSE_VAR_REQUIRED' : kind === 'interpolation' ? 'COMPOSE_INTERPOLATION_SYNTAX' : 'COMPOSE_DOTENV_SYNTAX',
      at: { file, line, column },
      message: `${file}: ${message}.`,
      hint:
        kind === 'required'
          ? 'Set the variable in the environment, or define it earlier in this file.'
          : 'Write one KEY=value per line; quote values that contain spaces, # or line breaks.',
    });
  }
  for (const { name, line, column } of result.unset) {
    if (ctx.warnedUnset.has(name)) continue;
    ctx.warnedUnset.add(name);
    ctx.findings.report({
      code: 'COMPOSE_VAR_UNSET',
      at: { file, line, column },
      message: `The "${name}" variable is not set. Defaulting to a blank string.`,
      hint: `Set ${name} in the environment or define it earlier in ${file}.`,
    });
  }
  return result.entries;
}

/** Later files win; values may refer to the lookup and to files read before them. */
export function readEnvFiles(ctx: LoadContext, files: readonly string[], lookup: Lookup): Map<string, string> {
  const values = new Map<string, string>();
  for (const file of files) {
    const entries = readEnvFile(ctx, file, (name) => lookup(name) ?? values.get(name)) ?? [];
    for (const entry of entries) values.set(entry.name, entry.value);
  }
  return values;
}

/** `input.env` wins over the project's `.env`, as in `docker compose`. */
export function projectEnvironment(ctx: LoadContext): Lookup {
  const processEnv: Lookup = (name) => ctx.input.env[name];
  const dotenv = new Map<string, string>();
  for (const entry of readEnvFile(ctx, join(ctx.projectDir, '.env'), processEnv) ?? []) dotenv.set(entry.name, entry.value);
  return (name) => processEnv(name) ?? dotenv.get(name);
}
