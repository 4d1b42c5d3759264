/** The usage file: YAML or JSON, strict, every problem at file:line with a did-you-mean. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DEFAULT_USAGE, describeUsage, estimateCost, parseUsageFile } from '../../src/cost/index.js';
import { InputError } from '../../src/diagnostics/errors.js';
import { fromRoot } from '../helpers/paths.js';
import { assertUsd, example } from './helpers.js';

const fixture = (name: string) => readFileSync(fromRoot('test/fixtures/cost', name), 'utf8');

function problems(file: string, text: string): { code: string; message: string; line?: number; column?: number; hint?: string }[] {
  try {
    parseUsageFile(file, text);
  } catch (error) {
    if (error instanceof InputError) return error.findings.map((f) => ({ code: f.code, message: f.message, ...(f.line !== undefined ? { line: f.line } : {}), ...(f.column !== undefined ? { column: f.column } : {}), ...(f.hint !== undefined ? { hint: f.hint } : {}) }));
    throw error;
  }
  assert.fail('expected an InputError');
}

describe('usage file', () => {
  test('YAML: the keys it sets change, the others keep their defaults', () => {
    const usage = parseUsageFile('usage.yaml', fixture('usage.yaml'));
    assert.equal(usage.fargate.spot_discount, 0.65);
    assert.equal(usage.nat_gateway.data_processed_gb_per_gateway, 250);
    assert.equal(usage.cloudfront.requests_per_distribution, 5_000_000);
    assert.equal(usage.efs.storage_gb_per_file_system, DEFAULT_USAGE.efs.storage_gb_per_file_system);
    const described = describeUsage(usage).find((a) => a.key === 'logs.ingested_gb_per_group')!;
    assert.deepEqual([described.value, described.defaultValue], [5, 1]);
  });

  test('JSON works too', () => {
    const usage = parseUsageFile('usage.json', fixture('usage.json'));
    assert.equal(usage.ecr.storage_gb_per_repository, 3);
    assert.equal(usage.hours_per_month, 730);
  });

  test('an empty file is all defaults', () => {
    assert.deepEqual(parseUsageFile('empty.yaml', '# nothing yet\n'), DEFAULT_USAGE);
  });

  test('invalid: every problem, with its line and a did-you-mean for misspelt keys', () => {
    const found = problems('usage-invalid.yaml', fixture('usage-invalid.yaml'));
    assert.deepEqual(
      found.map((p) => [p.code, p.line, p.message]),
      [
        ['USAGE_INVALID', 3, 'Usage key `fargate.spot_discount` must be at most 1.'],
        ['USAGE_UNKNOWN_KEY', 5, 'Unknown usage key `logs.ingested_gb_per_grup`.'],
        ['USAGE_INVALID', 6, 'Usage key `nat_gateway` must be a mapping.'],
        ['USAGE_UNKNOWN_KEY', 7, 'Unknown usage key `cloudfrnt`.'],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    assert.match(found.find((p) => p.line === 5)!.hint!, /Did you mean `ingested_gb_per_group`\?/);
    assert.match(found.find((p) => p.line === 7)!.hint!, /Did you mean `cloudfront`\?/);
    assert.equal(found.find((p) => p.line === 5)!.column, 3);
  });

  test('YAML syntax errors point at their line', () => {
    const found = problems('broken.yaml', 'logs:\n  ingested_gb_per_group: [1\n');
    assert.equal(found[0]!.code, 'USAGE_SYNTAX');
    assert.ok(found[0]!.line! >= 2, `line ${String(found[0]!.line)}`);
    const json = problems('broken.json', '{\n  "logs": {\n    "ingested_gb_per_group": 1,,\n  }\n}\n');
    assert.equal(json[0]!.code, 'USAGE_SYNTAX');
    assert.equal(json[0]!.line, 3);
  });

  test('a string where a number belongs names the key', () => {
    const found = problems('u.yaml', 'efs:\n  storage_gb_per_file_system: "ten"\n');
    assert.deepEqual(found.map((p) => [p.line, p.message]), [[2, 'Usage key `efs.storage_gb_per_file_system` must be a number.']]);
  });

  test('the usage changes the estimate of an example', async () => {
    const { modules } = await example('iot-platform');
    const base = await estimateCost(modules);
    const busy = await estimateCost(modules, parseUsageFile('usage.yaml', fixture('usage.yaml')));
    const delta =
      (250 - 20) * 0.045 + // NAT data
      (3 - 1) * 730 * 0.008 + // ALB LCUs
      12 * (5 - 1) * (0.5 + 0.03) + // 12 log groups, 4 GB more each, ingested and stored
      (200 - 10) * 0.085 + // CloudFront data
      ((5_000_000 - 1_000_000) / 10_000) * 0.01; // CloudFront requests
    assertUsd(busy.totalMonthlyUsd - base.totalMonthlyUsd, delta, 'the difference the usage file makes');
  });
});
