/**
 * The seed snippets (test/fixtures/terraform/seeds/, copied verbatim from shared/seeds/) are
 * flagged for what they really get wrong, exactly, with every rule on. Snippets of one document
 * are also checked together where the problem spans them (seed 000's secrets).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runSecurityRules } from '../../src/security/index.js';
import { fromRoot } from '../helpers/paths.js';
import { describeFindings, indexFiles, readTerraform, summarize } from './helpers.js';

const SEEDS = fromRoot('test', 'fixtures', 'terraform', 'seeds');

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  '000_27af726ade345737-block1-iam': [
    // The AWS-managed execution policy: every repository, every log group of the account.
    'IAM_MANAGED_POLICY iam.tf:18',
    // The secrets policy's ARN leaves the account open: arn:aws:secretsmanager:<region>:*:secret:iot-dev/*.
    'IAM_ARN_ACCOUNT_WILDCARD iam.tf:42',
  ],
  '000_27af726ade345737-block2-ecs-cluster': [],
  '000_27af726ade345737-block3-ui-iot-service': [
    'ECS_READONLY_ROOT_FILESYSTEM ecs.tf:12', // not set: the root filesystem is writable
    'ECS_IMAGE_LATEST_TAG ecs.tf:14', // ...repository_url}:latest
  ],
  '003_a6648a693d07999a-block2-iam-roles': [
    'IAM_MANAGED_POLICY ecs.tf:22', // AmazonECSTaskExecutionRolePolicy
  ],
  '003_a6648a693d07999a-block4-ecr-data-source': [],
  '003_a6648a693d07999a-block5-task-definition': [
    'ECS_READONLY_ROOT_FILESYSTEM ecs.tf:13',
    'ECS_IMAGE_LATEST_TAG ecs.tf:15', // ...repository_url}:latest
    'ECS_ENV_SECRET ecs.tf:23', // API_KEY = var.sportmonks_api_key in plain-text environment
  ],
  '003_a6648a693d07999a-block6-ecs-service': [],
  '003_a6648a693d07999a-block7-service-discovery': [],
  '003_a6648a693d07999a-block8-autoscaling': [],
  // Module calls only: the module they call is not part of the snippets.
  '004_ea097d2e96465263-block1-module-basic': [],
  '004_ea097d2e96465263-block2-module-production': [],
  '004_ea097d2e96465263-block3-module-development': [],
};

describe('security rules on the seed snippets', () => {
  test('every seed snippet has an expectation', () => {
    assert.deepEqual(readdirSync(SEEDS).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(name, () => {
      const findings = runSecurityRules(indexFiles(readTerraform(join(SEEDS, name))));
      assert.deepEqual(summarize(findings), [...expected].sort(), describeFindings(findings));
    });
  }

  test('seed 000: the task reads its secrets with an execution role that may not, the task role may', () => {
    // Blocks 1 and 3 are files of one module (infra/terraform/iam.tf and ecs.tf).
    const iam = readTerraform(join(SEEDS, '000_27af726ade345737-block1-iam')).filter((f) => f.path === 'iam.tf');
    const service = readTerraform(join(SEEDS, '000_27af726ade345737-block3-ui-iot-service'));
    const findings = runSecurityRules(indexFiles([...iam, ...service]), { rules: new Set(['ECS_SECRETS_EXECUTION_ROLE']) });
    assert.deepEqual(summarize(findings), ['ECS_SECRETS_EXECUTION_ROLE ecs.tf:9'], describeFindings(findings));
    assert.match(findings[0]!.message, /execution role aws_iam_role\.ecs_execution is not allowed secretsmanager:GetSecretValue; the task role aws_iam_role\.ecs_task is/);
  });

  test('seed 003: API_KEY is a secret by its name and by its sensitive source', () => {
    const findings = runSecurityRules(indexFiles(readTerraform(join(SEEDS, '003_a6648a693d07999a-block5-task-definition'))), { rules: new Set(['ECS_ENV_SECRET']) });
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /API_KEY .* \(the name contains "api_key"\)/);
  });
});
