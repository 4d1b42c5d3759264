/** docs/security-rules.md is rendered from the registry; `UPDATE_DOCS=1` rewrites it when stale. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderSecurityRulesDoc, SECURITY_RULES } from '../../src/security/index.js';
import { fromRoot } from '../helpers/paths.js';

const DOC = fromRoot('docs', 'security-rules.md');

test('docs/security-rules.md matches the rule registry', () => {
  const expected = renderSecurityRulesDoc();
  if (process.env.UPDATE_DOCS === '1' || process.env.UPDATE_GOLDEN === '1') writeFileSync(DOC, expected);
  assert.equal(readFileSync(DOC, 'utf8'), expected, 'docs/security-rules.md is stale: run UPDATE_DOCS=1 node --test dist/test/security/docs.test.js');
  for (const rule of SECURITY_RULES) assert.ok(expected.includes(`### ${rule.id}\n`), rule.id);
});
