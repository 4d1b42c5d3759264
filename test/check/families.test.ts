/**
 * check() and its rule families: the registry decides the check names, which of them are about
 * correctness, and the codes documented for SARIF; every family runs by default and can be run
 * alone, and whatever it reports is documented, with the documented severity.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check, CHECK_CODES, CHECK_NAMES, CORRECTNESS_CHECKS, FAMILIES } from '../../src/check/index.js';
import { fixtureDirs, loadFixture, TERRAFORM_FIXTURES } from '../verify/fixtures.js';

describe('rule families', () => {
  test('the check names are syntax and then every family, once each', () => {
    assert.deepEqual(CHECK_NAMES, ['syntax', ...FAMILIES.map((family) => family.name)]);
    assert.equal(new Set(CHECK_NAMES).size, CHECK_NAMES.length);
    assert.deepEqual([...CORRECTNESS_CHECKS], ['syntax', 'format', 'schema', 'references', 'hygiene']);
  });

  test('every family documents its codes, and they all reach CHECK_CODES', () => {
    for (const family of FAMILIES) {
      assert.ok(family.codes.size > 0, family.name);
      assert.ok(family.summary.length > 0, family.name);
      for (const code of family.codes.keys()) assert.ok(CHECK_CODES.has(code), `${family.name}: ${code}`);
    }
  });

  test('each family runs alone, and reports only documented codes with their documented severity', async () => {
    const files = fixtureDirs('seeds').flatMap((name) => loadFixture(join(TERRAFORM_FIXTURES, 'seeds', name)).map((f) => ({ ...f, path: `${name}/${f.path}` })));
    for (const family of FAMILIES) {
      const { findings, timings } = await check({ files }, { checks: new Set([family.name]) });
      assert.ok(timings[family.name] !== undefined, `${family.name} ran`);
      for (const finding of findings) {
        const doc = CHECK_CODES.get(finding.code);
        assert.ok(doc, `${family.name} reported ${finding.code}, which is not documented`);
        assert.equal(finding.severity, doc.severity, finding.code);
      }
    }
  });
});
