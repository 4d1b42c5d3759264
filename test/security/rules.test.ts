/**
 * Every rule has a failing and a passing fixture (`test/fixtures/security/<RULE_ID>/{fail,pass}/`).
 * A fail fixture marks each line the rule must report with `# expect: RULE_ID`; the rule must
 * report exactly those lines, and nothing on the pass fixture.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runSecurityRules, SECURITY_RULES } from '../../src/security/index.js';
import { describeFindings, expectedMarkers, indexFiles, readTerraform, SECURITY_FIXTURES, summarize } from './helpers.js';

describe('security rule fixtures', () => {
  test('every rule has fixtures and every fixture names a rule', () => {
    const ids = SECURITY_RULES.map((rule) => rule.id);
    for (const id of ids) {
      assert.ok(existsSync(join(SECURITY_FIXTURES, id, 'fail')), `${id}: no fail fixture`);
      assert.ok(existsSync(join(SECURITY_FIXTURES, id, 'pass')), `${id}: no pass fixture`);
    }
    for (const name of readdirSync(SECURITY_FIXTURES)) assert.ok(ids.includes(name), `fixture ${name} names no rule`);
  });

  for (const rule of SECURITY_RULES) {
    test(`${rule.id} reports exactly the marked lines`, () => {
      const files = readTerraform(join(SECURITY_FIXTURES, rule.id, 'fail'));
      const expected = expectedMarkers(files);
      assert.ok(expected.length > 0 && expected.every((e) => e.startsWith(`${rule.id} `)), 'markers name this rule');
      const findings = runSecurityRules(indexFiles(files), { rules: new Set([rule.id]) });
      assert.deepEqual(summarize(findings), expected, describeFindings(findings));
      for (const finding of findings) {
        assert.equal(finding.severity, rule.severity);
        assert.equal(finding.hint, rule.fix);
        assert.ok(finding.path && finding.message.includes(finding.path.replace(/\[.*\]$/, '')), `message names the resource: ${finding.message}`);
      }
    });

    test(`${rule.id} passes the pass fixture`, () => {
      const files = readTerraform(join(SECURITY_FIXTURES, rule.id, 'pass'));
      const findings = runSecurityRules(indexFiles(files), { rules: new Set([rule.id]) });
      assert.deepEqual(summarize(findings), [], describeFindings(findings));
    });
  }
});
