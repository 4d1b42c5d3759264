/**
 * Golden files: the expected output committed next to the tests. `UPDATE_GOLDEN=1` rewrites
 * them (then review the diff); otherwise any difference fails the test with the first changed line.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function expectGolden(path: string, actual: string): void {
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) {
    if (process.env['UPDATE_GOLDEN'] !== '1') assert.fail(`golden ${path} is missing; run the tests with UPDATE_GOLDEN=1 and review it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((l, i) => l !== e[i]);
  assert.fail(`${path} differs at line ${line + 1}:\n  expected: ${e[line] ?? '(end)'}\n  actual:   ${a[line] ?? '(end)'}\nRun with UPDATE_GOLDEN=1 to accept the new output after reviewing it.`);
}
