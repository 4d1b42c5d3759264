import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareFindings, isAtLeast, type Finding } from '../../src/diagnostics/finding.js';

test('severity threshold: error outranks critical, info never reaches low', () => {
  assert.equal(isAtLeast('error', 'critical'), true);
  assert.equal(isAtLeast('high', 'high'), true);
  assert.equal(isAtLeast('medium', 'high'), false);
  assert.equal(isAtLeast('info', 'low'), false);
});

test('findings sort by file, then line, then code', () => {
  const f = (file: string, line: number, code: string): Finding => ({ code, severity: 'low', message: code, file, line });
  const sorted = [f('b.tf', 1, 'A'), f('a.tf', 9, 'B'), f('a.tf', 2, 'C'), f('a.tf', 2, 'A')].sort(compareFindings);
  assert.deepEqual(sorted.map((x) => `${x.file}:${x.line}:${x.code}`), ['a.tf:2:A', 'a.tf:2:C', 'a.tf:9:B', 'b.tf:1:A']);
});
