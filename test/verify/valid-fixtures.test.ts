/**
 * Hand-written, realistic Terraform for hashicorp/aws 6.x must produce no finding at all: a false
 * positive is a bug as much as a miss.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check, CORRECTNESS_CHECKS } from '../../src/check/index.js';
import { describeFindings, fixtureDirs, loadFixture, TERRAFORM_FIXTURES } from './fixtures.js';

describe('valid fixtures give zero findings', () => {
  for (const name of fixtureDirs('valid')) {
    test(name, async () => {
      const result = await check({ files: loadFixture(join(TERRAFORM_FIXTURES, 'valid', name)) }, { checks: CORRECTNESS_CHECKS });
      assert.equal(result.findings.length, 0, `unexpected findings:\n${describeFindings(result.findings)}`);
      assert.ok(result.modules.length > 0);
      assert.ok(result.modules.every((m) => m.complete));
    });
  }
});
