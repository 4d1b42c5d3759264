/**
 * Test harness for the Compose loader: an in-memory file system (the loader never reads files
 * itself), helpers to load and to collect the findings of an expected `InputError`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../src/diagnostics/finding.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import { loadCompose, type LoadResult } from '../../src/load/compose/index.js';
import type { ComposeService, LoadInput } from '../../src/load/types.js';
import { fromRoot } from '../helpers/paths.js';

export const PROJECT = '/proj';
export const MAIN = '/proj/compose.yaml';

export interface LoadOptions {
  /** The `-f` files, in order; default: the project's compose.yaml. */
  readonly main?: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly profiles?: readonly string[];
  readonly projectName?: string;
  readonly projectDir?: string;
}

/** A file map: path → text. A bare string is the main compose.yaml. */
export type Files = string | Readonly<Record<string, string>>;

export function inputOf(files: Files, options: LoadOptions = {}): LoadInput {
  const map: Readonly<Record<string, string>> = typeof files === 'string' ? { [MAIN]: files } : files;
  const main = options.main ?? [MAIN];
  return {
    files: main.map((path) => {
      const text = map[path];
      assert.ok(text !== undefined, `test setup: no file ${path}`);
      return { path, text };
    }),
    readFile: (path) => map[path],
    env: options.env ?? {},
    ...(options.profiles ? { profiles: options.profiles } : {}),
    ...(options.projectName !== undefined ? { projectName: options.projectName } : {}),
    ...(options.projectDir !== undefined ? { projectDir: options.projectDir } : {}),
  };
}

export function load(files: Files, options: LoadOptions = {}): LoadResult {
  return loadCompose(inputOf(files, options));
}

/** The findings of the `InputError` that loading must throw. */
export function loadErrors(files: Files, options: LoadOptions = {}): readonly Finding[] {
  try {
    loadCompose(inputOf(files, options));
  } catch (error) {
    if (isInputError(error)) return error.findings;
    throw error;
  }
  assert.fail('expected loadCompose to throw an InputError');
}

export function service(result: LoadResult, name: string): ComposeService {
  const found = result.project.services.find((s) => s.name === name);
  assert.ok(found, `no service ${name}; have ${result.project.services.map((s) => s.name).join(', ')}`);
  return found;
}

export function at(line: number, column: number, file = MAIN): { file: string; line: number; column: number } {
  return { file, line, column };
}

/**
 * Asserts that a finding with this code matches every expected field (message as a fragment or a
 * pattern) and returns it; on failure, shows the findings that carry the code.
 */
export function expectFinding(
  findings: readonly Finding[],
  expected: { code: string; message?: string | RegExp; file?: string; line?: number; column?: number; path?: string; hint?: RegExp },
): Finding {
  const candidates = findings.filter((f) => f.code === expected.code);
  const matches = (f: Finding): boolean =>
    (expected.message === undefined || (expected.message instanceof RegExp ? expected.message.test(f.message) : f.message.includes(expected.message))) &&
    (expected.file === undefined || f.file === expected.file) &&
    (expected.line === undefined || f.line === expected.line) &&
    (expected.column === undefined || f.column === expected.column) &&
    (expected.path === undefined || f.path === expected.path) &&
    (expected.hint === undefined || expected.hint.test(f.hint ?? ''));
  const finding = candidates.find(matches);
  assert.ok(finding, `no finding matches ${JSON.stringify({ ...expected, message: String(expected.message), hint: String(expected.hint) })}\namong ${JSON.stringify(candidates.length > 0 ? candidates : findings, null, 1)}`);
  const warningCodes = ['COMPOSE_VAR_UNSET', 'COMPOSE_COMMAND_TRUNCATED', 'COMPOSE_DEPENDS_ON_SKIPPED'];
  assert.equal(finding.severity === 'error', !warningCodes.includes(expected.code), `severity of ${finding.code}`);
  return finding;
}

/** Every file below test/fixtures/compose/<dir>, keyed as if the folder were /proj. */
export function fixture(dir: string): Record<string, string> {
  const root = fromRoot('test', 'fixtures', 'compose', dir);
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[join(PROJECT, relative(root, full))] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** Lines joined with newlines, so that line numbers in expectations are easy to count. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
