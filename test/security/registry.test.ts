/** The rule registry: ids, families, severities and documentation are complete and consistent. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { RULE_IDS, SECURITY_CODES, SECURITY_RULES, SUPPRESSION_CODES } from '../../src/security/index.js';
import { ID_PREFIXES } from '../../src/security/families.js';
import { fromRoot, sharedRoot } from '../helpers/paths.js';

/** Ids the generator writes in `ecsform:ignore` comments: the rules must use exactly these. */
const GENERATOR_IDS = [
  'SG_INGRESS_OPEN', 'SG_EGRESS_OPEN', 'SUBNET_PUBLIC_IP', 'ECR_CMK', 'ECR_IMMUTABLE_TAGS', 'ECR_SCAN_ON_PUSH', 'SECRET_ROTATION', 'SECRET_CMK',
  'LOGS_CMK', 'IAM_WILDCARD_RESOURCE', 'IAM_MANAGED_POLICY', 'ECS_CONTAINER_INSIGHTS', 'ECS_READONLY_ROOT_FILESYSTEM', 'ECS_PUBLIC_IP',
  'LB_INTERNET_FACING', 'LB_ACCESS_LOGS', 'S3_ACCESS_LOGGING', 'S3_VERSIONING', 'S3_CMK', 'EFS_CMK', 'CF_VIEWER_TLS', 'CF_WAF',
];

describe('security rule registry', () => {
  test('every rule id is an exported constant, in the order of the registry', () => {
    assert.deepEqual([...RULE_IDS], SECURITY_RULES.map((rule) => rule.id));
  });

  test('at least 40 rules, each id unique, UPPER_SNAKE and prefixed by its service family', () => {
    assert.ok(SECURITY_RULES.length >= 40, `${SECURITY_RULES.length} rules`);
    const ids = SECURITY_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of SECURITY_RULES) {
      assert.match(rule.id, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
      const prefix = rule.id.split('_')[0]!;
      assert.equal(ID_PREFIXES[prefix], rule.families[0], `${rule.id}: prefix ${prefix} is family ${ID_PREFIXES[prefix]}`);
    }
  });

  test('the ids the generator writes in suppression comments all exist', () => {
    const ids = new Set(SECURITY_RULES.map((r) => r.id));
    for (const id of GENERATOR_IDS) assert.ok(ids.has(id), id);
    // Any other id written in the planner's `ecsform:ignore` comments or the model's exceptions.
    const written = sourcesUnder(fromRoot('src', 'plan'), fromRoot('src', 'model')).flatMap((text) => [
      ...[...text.matchAll(/ecsform:ignore (?:\$\{)?([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/rules: \[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((id) => id[1]!)),
    ]);
    assert.ok(written.length > 0);
    for (const id of written) assert.ok(ids.has(id), `the generator writes ${id}, which is no rule`);
  });

  test('every rule is documented: title, one-line rationale and fix, resource types', () => {
    for (const rule of SECURITY_RULES) {
      assert.ok(rule.title.length > 0 && !rule.title.endsWith('.'), `${rule.id} title`);
      for (const text of [rule.rationale, rule.fix]) assert.ok(text.length > 20 && text.endsWith('.') && !text.includes('\n'), `${rule.id}: ${text}`);
      assert.ok(rule.appliesTo.length > 0 && rule.appliesTo.every((t) => /^aws_[a-z0-9_]+$/.test(t)), `${rule.id} appliesTo`);
      assert.ok(['critical', 'high', 'medium', 'low'].includes(rule.severity));
    }
  });

  test('every equivalent id is quoted in the reference', () => {
    const reference = readFileSync(`${sharedRoot}/reference/scanners-prices-fargate.md`, 'utf8');
    for (const rule of SECURITY_RULES) {
      const { checkov = [], trivy = [], securityHub = [], cdkNag = [] } = rule.equivalents;
      for (const id of [...checkov, ...trivy, ...securityHub, ...cdkNag.map((id) => id.replace('AwsSolutions-', ''))]) {
        assert.ok(quoted(reference, id), `${rule.id}: ${id} not in the reference`);
      }
    }
  });

  test('severities follow the reference where Trivy or Security Hub rates the rule', () => {
    const severity = (id: string): string => SECURITY_RULES.find((r) => r.id === id)!.severity;
    // Trivy C / Security Hub C
    for (const id of ['ECS_ENV_SECRET', 'LB_LISTENER_HTTPS', 'LB_TLS_POLICY', 'CF_VIEWER_PROTOCOL', 'SG_EGRESS_OPEN', 'RDS_PUBLIC', 'KMS_KEY_POLICY_PUBLIC']) assert.equal(severity(id), 'critical', id);
    // Trivy H / Security Hub H
    for (const id of ['ECS_PRIVILEGED', 'ECS_READONLY_ROOT_FILESYSTEM', 'ECS_PUBLIC_IP', 'ECR_SCAN_ON_PUSH', 'ECR_IMMUTABLE_TAGS', 'LB_INTERNET_FACING', 'EFS_ENCRYPTED', 'S3_CMK', 'CF_VIEWER_TLS', 'CF_WAF', 'SG_INGRESS_OPEN', 'SUBNET_PUBLIC_IP', 'VPC_DEFAULT_SG_RULES', 'IAM_WILDCARD_ACTION']) {
      assert.equal(severity(id), 'high', id);
    }
    for (const id of ['ECR_CMK', 'LOGS_CMK', 'SECRET_CMK', 'IAM_SERVICE_WILDCARD_ACTION']) assert.equal(severity(id), 'low', id);
  });

  test('SECURITY_CODES documents every rule and suppression code', () => {
    for (const rule of SECURITY_RULES) assert.equal(SECURITY_CODES.get(rule.id)?.severity, rule.severity);
    for (const [code, doc] of Object.entries(SUPPRESSION_CODES)) assert.equal(SECURITY_CODES.get(code)?.severity, doc.severity);
    assert.equal(SECURITY_CODES.get('SUPPRESSION_NO_REASON')?.severity, 'medium');
    assert.equal(SECURITY_CODES.get('SUPPRESSION_UNKNOWN_RULE')?.severity, 'low');
    assert.equal(SECURITY_CODES.get('SUPPRESSION_UNUSED')?.severity, 'info');
  });
});

function sourcesUnder(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}

/** `CKV_AWS_54` is quoted as itself or in a list such as `CKV_AWS_53/54/55/56`. */
function quoted(reference: string, id: string): boolean {
  if (reference.includes(id)) return true;
  const match = /^(.*?)(\d+)$/.exec(id);
  if (!match) return false;
  const prefix = match[1] ?? '';
  const number = match[2] ?? '';
  const lists = reference.matchAll(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+(?:/\\d+)*)`, 'g'));
  return [...lists].some((list) => list[1]!.split('/').includes(number));
}
