/** Test helpers: load a fixture directory as verify input, and summarize findings for exact comparison. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../src/diagnostics/finding.js';
import { check, type CheckName, type CheckResult, CORRECTNESS_CHECKS } from '../../src/check/index.js';
import { fromRoot } from '../helpers/paths.js';

export const TERRAFORM_FIXTURES = fromRoot('test', 'fixtures', 'terraform');

export interface InputFile {
  path: string;
  text: string;
}

/** Every file under `dir` (recursively), with paths relative to it, sorted. */
export function loadFixture(dir: string): InputFile[] {
  const files: InputFile[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ path: relative(dir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

export function fixtureDirs(group: string): string[] {
  const root = join(TERRAFORM_FIXTURES, group);
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}

/** `CODE file:line` per finding, the form tests compare exactly. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.file ?? ''}:${f.line ?? ''}`);
}

/** Findings with their messages, for assertion failure output. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.code} ${f.file ?? ''}:${f.line ?? ''}:${f.column ?? ''} ${f.message}${f.hint ? ` (${f.hint})` : ''}`).join('\n');
}

/** Verifies in-memory files, e.g. `{ 'main.tf': '...' }`; the correctness checks unless `checks` says otherwise. */
export function verifyFiles(files: Record<string, string>, checks?: readonly CheckName[]): Promise<CheckResult> {
  return check({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { checks: checks ? new Set(checks) : CORRECTNESS_CHECKS });
}
