/**
 * Suppressions mark findings instead of dropping them: `# ecsform:ignore RULE reason` above a
 * resource or the policy document a finding is about, and suppressions passed in options. One
 * without a reason, or naming no rule, is a finding itself and suppresses nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runSecurityRules } from '../../src/security/index.js';
import { describeFindings, indexText } from './helpers.js';

const SUBNETS = `# Public subnets for the load balancer.
# ecsform:ignore SUBNET_PUBLIC_IP The load balancer subnets hand out public IPs on purpose.
resource "aws_subnet" "public" {
  vpc_id                  = "vpc-1"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_subnet" "other" {
  vpc_id                  = "vpc-1"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
`;

const only = new Set(['SUBNET_PUBLIC_IP']);

describe('suppressions', () => {
  test('an ignore comment marks the finding suppressed with its reason, and only on its resource', () => {
    const findings = runSecurityRules(indexText(SUBNETS), { rules: only });
    assert.deepEqual(
      findings.map((f) => [f.code, f.path, f.suppressed?.reason]),
      [
        ['SUBNET_PUBLIC_IP', 'aws_subnet.public', 'The load balancer subnets hand out public IPs on purpose.'],
        ['SUBNET_PUBLIC_IP', 'aws_subnet.other', undefined],
      ],
      describeFindings(findings),
    );
  });

  test('a comment without a reason is SUPPRESSION_NO_REASON and suppresses nothing', () => {
    const text = SUBNETS.replace(' The load balancer subnets hand out public IPs on purpose.', '');
    const findings = runSecurityRules(indexText(text), { rules: only });
    const problem = findings.find((f) => f.code === 'SUPPRESSION_NO_REASON');
    assert.ok(problem, describeFindings(findings));
    assert.equal(problem.severity, 'medium');
    assert.equal(problem.line, 2);
    assert.equal(problem.path, 'aws_subnet.public');
    assert.ok(findings.filter((f) => f.code === 'SUBNET_PUBLIC_IP').every((f) => !f.suppressed));
  });

  test('a comment naming an unknown rule is SUPPRESSION_UNKNOWN_RULE with a did-you-mean', () => {
    const text = SUBNETS.replace('ignore SUBNET_PUBLIC_IP', 'ignore SUBNET_PUBLIC_IPS');
    const findings = runSecurityRules(indexText(text), { rules: only });
    const problem = findings.find((f) => f.code === 'SUPPRESSION_UNKNOWN_RULE');
    assert.ok(problem, describeFindings(findings));
    assert.equal(problem.severity, 'low');
    assert.match(problem.message, /did you mean SUBNET_PUBLIC_IP\?/);
    assert.ok(findings.filter((f) => f.code === 'SUBNET_PUBLIC_IP').every((f) => !f.suppressed));
  });

  test('a comment that matches nothing is SUPPRESSION_UNUSED (info); one for a rule not run is not', () => {
    const text = SUBNETS.replace('map_public_ip_on_launch = true\n}\n\nresource "aws_subnet" "other"', 'map_public_ip_on_launch = false\n}\n\nresource "aws_subnet" "other"');
    const unused = runSecurityRules(indexText(text), { rules: only }).filter((f) => f.code === 'SUPPRESSION_UNUSED');
    assert.deepEqual(unused.map((f) => [f.severity, f.line]), [['info', 2]]);
    assert.deepEqual(runSecurityRules(indexText(text), { rules: new Set(['VPC_FLOW_LOGS']) }).filter((f) => f.code === 'SUPPRESSION_UNUSED'), []);
    assert.deepEqual(runSecurityRules(indexText(text), { rules: only, reportUnused: false }).filter((f) => f.code === 'SUPPRESSION_UNUSED'), []);
  });

  test('a suppression on a resource that is not created (count = 0) is not reported unused', () => {
    const text = SUBNETS.replace('resource "aws_subnet" "public" {\n', 'resource "aws_subnet" "public" {\n  count = 0\n\n');
    assert.deepEqual(runSecurityRules(indexText(text), { rules: only }).filter((f) => f.code !== 'SUBNET_PUBLIC_IP'), []);
  });

  test('suppressions passed in options: by rule everywhere, by address, by instance', () => {
    const text = SUBNETS.replace(/# ecsform:ignore.*\n/, '');
    const everywhere = runSecurityRules(indexText(text), { rules: only, suppressions: [{ rule: 'SUBNET_PUBLIC_IP', reason: 'Lab account.' }] });
    assert.ok(everywhere.every((f) => f.suppressed?.reason === 'Lab account.'), describeFindings(everywhere));
    const one = runSecurityRules(indexText(text), { rules: only, suppressions: [{ rule: 'SUBNET_PUBLIC_IP', resource: 'aws_subnet.other', reason: 'Bastion subnet.' }] });
    assert.deepEqual(one.map((f) => [f.path, f.suppressed?.reason]), [['aws_subnet.public', undefined], ['aws_subnet.other', 'Bastion subnet.']]);
  });

  test('passed suppressions without a reason or with an unknown rule are findings at their source', () => {
    const text = SUBNETS.replace(/# ecsform:ignore.*\n/, '');
    const findings = runSecurityRules(indexText(text), {
      rules: only,
      suppressions: [
        { rule: 'SUBNET_PUBLIC_IP', reason: ' ', at: { file: 'compose.yaml', line: 12, column: 7 }, path: 'x-ecsform.suppress[0]' },
        { rule: 'SUBNT_PUBLIC_IP', reason: 'Typo.', path: 'x-ecsform.suppress[1]' },
      ],
    });
    const problems = findings.filter((f) => f.code.startsWith('SUPPRESSION_')).sort((a, b) => a.code.localeCompare(b.code));
    assert.deepEqual(problems.map((f) => [f.code, f.file, f.line, f.path]), [
      ['SUPPRESSION_NO_REASON', 'compose.yaml', 12, 'x-ecsform.suppress[0]'],
      ['SUPPRESSION_UNKNOWN_RULE', undefined, undefined, 'x-ecsform.suppress[1]'],
    ]);
    assert.ok(findings.filter((f) => f.code === 'SUBNET_PUBLIC_IP').every((f) => !f.suppressed));
  });

  test('a comment above the policy document covers findings about its statements', () => {
    const text = `# ecsform:ignore IAM_WILDCARD_RESOURCE The bucket names are generated at apply time.
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "app" {
  role   = "app"
  policy = data.aws_iam_policy_document.app.json
}
`;
    const findings = runSecurityRules(indexText(text), { rules: new Set(['IAM_WILDCARD_RESOURCE']) });
    assert.deepEqual(findings.map((f) => [f.code, f.line, f.path, f.suppressed?.reason]), [['IAM_WILDCARD_RESOURCE', 5, 'aws_iam_role_policy.app', 'The bucket names are generated at apply time.']]);
  });
});
