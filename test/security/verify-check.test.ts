/** check() runs the security rules as its `security` check, on by default, with options passed through. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../src/check/index.js';

const files = [
  {
    path: 'main.tf',
    text: `resource "aws_subnet" "public" {
  vpc_id                  = "vpc-1"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}
`,
  },
];

test('the security check runs by default and can be chosen or left out', async () => {
  const all = await check({ files }, { checks: new Set(['security']) });
  assert.deepEqual(all.findings.map((f) => f.code), ['SUBNET_PUBLIC_IP']);
  assert.ok(all.timings.security !== undefined);
  const without = await check({ files }, { checks: new Set(['references']) });
  assert.deepEqual(without.findings.filter((f) => f.code === 'SUBNET_PUBLIC_IP'), []);
});

test('rules and suppressions are passed to the security check', async () => {
  const none = await check({ files }, { checks: new Set(['security']), security: { rules: new Set() } });
  assert.deepEqual(none.findings, []);
  const suppressed = await check({ files }, { checks: new Set(['security']), security: { suppressions: [{ rule: 'SUBNET_PUBLIC_IP', resource: 'aws_subnet.public', reason: 'Lab.' }] } });
  assert.deepEqual(suppressed.findings.map((f) => f.suppressed), [{ reason: 'Lab.' }]);
});
