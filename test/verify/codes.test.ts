/**
 * The codes table documents every code the checks can emit: findings are built only from its
 * keys (the compiler enforces that), every code used in the sources is a key, every key is used
 * somewhere, and every entry is documented.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SEVERITIES } from '../../src/diagnostics/finding.js';
import { check, CORRECTNESS_CHECKS } from '../../src/check/index.js';
import { VERIFY_CODES } from '../../src/verify/index.js';
import { fromRoot } from '../helpers/paths.js';
import { fixtureDirs, loadFixture, TERRAFORM_FIXTURES } from './fixtures.js';

const CODE_LITERAL = /'((?:VERIFY|HCL|SCHEMA|REF|MODULE|HYGIENE)_[A-Z_]+)'/g;

function verifySources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'schema') walk(path);
      } else if (name.endsWith('.ts') && name !== 'codes.ts') {
        out.push(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(fromRoot('src', 'verify'));
  return out;
}

describe('finding codes', () => {
  const documented = new Set(Object.keys(VERIFY_CODES));

  test('every entry has a title, a description and a valid severity', () => {
    for (const [code, doc] of Object.entries(VERIFY_CODES)) {
      assert.match(code, /^[A-Z]+(_[A-Z]+)+$/);
      assert.ok(doc.title.length > 0 && !doc.title.endsWith('.'), `${code} title`);
      assert.ok(doc.description.length > 20 && doc.description.endsWith('.'), `${code} description`);
      assert.ok((SEVERITIES as readonly string[]).includes(doc.severity), `${code} severity`);
    }
  });

  test('every code literal in the checks is documented, and every documented code is emitted somewhere', () => {
    const used = new Set(verifySources().flatMap((source) => [...source.matchAll(CODE_LITERAL)].map((m) => m[1]!)));
    for (const code of used) assert.ok(documented.has(code), `${code} is used but not documented`);
    for (const code of documented) assert.ok(used.has(code), `${code} is documented but never emitted`);
  });

  test('every code reported on the fixtures is documented, with the documented severity', async () => {
    for (const group of ['valid', 'seeds']) {
      for (const name of fixtureDirs(group)) {
        const { findings } = await check({ files: loadFixture(join(TERRAFORM_FIXTURES, group, name)) }, { checks: CORRECTNESS_CHECKS });
        for (const finding of findings) {
          const doc = (VERIFY_CODES as Record<string, { severity: string } | undefined>)[finding.code];
          assert.ok(doc, `${finding.code} undocumented`);
          assert.equal(finding.severity, doc.severity);
        }
      }
    }
  });

  test('the documented severities follow the issue', () => {
    const severity = (code: keyof typeof VERIFY_CODES): string => VERIFY_CODES[code].severity;
    assert.equal(severity('HCL_SYNTAX'), 'error');
    assert.equal(severity('HCL_PARSER_GAP'), 'info');
    assert.equal(severity('HCL_FORMAT'), 'low');
    assert.equal(severity('SCHEMA_PROVIDER_UNCHECKED'), 'info');
    assert.equal(severity('HYGIENE_DUPLICATE'), 'error');
    for (const code of documented) {
      if (code.startsWith('SCHEMA_') && code !== 'SCHEMA_PROVIDER_UNCHECKED') assert.equal(VERIFY_CODES[code as keyof typeof VERIFY_CODES].severity, 'error', code);
      if (code.startsWith('REF_')) assert.equal(VERIFY_CODES[code as keyof typeof VERIFY_CODES].severity, 'error', code);
      if (code.startsWith('HYGIENE_') && code !== 'HYGIENE_DUPLICATE') assert.equal(VERIFY_CODES[code as keyof typeof VERIFY_CODES].severity, 'low', code);
    }
  });
});
