/**
 * The parts of the real-Terraform run that need no Terraform: placeholder values, stand-ins for
 * data sources, the test file, Terraform's diagnostics, the environment it runs in, and the local
 * AWS endpoint.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHcl } from '../../src/hcl/index.js';
import {
  dataOverrides,
  diagnosticFinding,
  firstError,
  moduleTree,
  offlineEnv,
  parseTestOutput,
  placeholdersFor,
  renderTestFile,
  rootModules,
  startLocalEndpoint,
  testProviders,
} from '../../src/terraform-run/index.js';
import { loadAwsSchema, readTerraform, type ModuleIndex } from '../../src/terraform/index.js';

async function modulesOf(files: Record<string, string>): Promise<ModuleIndex[]> {
  return readTerraform(Object.entries(files).map(([path, text]) => ({ path, text })));
}

describe('placeholder values for required variables', () => {
  test('shaped by name and type, and accepted by the variable validations', async () => {
    const [root] = await modulesOf({
      'main.tf': `
variable "certificate_arn" {
  type = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))
    error_message = "an ACM certificate ARN"
  }
}
variable "vpc_id" { type = string }
variable "private_subnet_ids" { type = list(string) }
variable "database_secret_arn" { type = string }
variable "desired_count" { type = number }
variable "enabled" { type = bool }
variable "settings" { type = object({ name = string, port = optional(number) }) }
variable "environment" {
  type = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "dev or prod"
  }
}
variable "tier" {
  type = string
  validation {
    condition     = length(var.tier) <= 1
    error_message = "one letter"
  }
}
variable "optional" {
  type    = string
  default = null
}
`,
    });
    const values = Object.fromEntries(placeholdersFor(root!, 'eu-central-2').map((p) => [p.name, p.valid ? p.value : 'INVALID']));
    assert.deepEqual(values, {
      certificate_arn: 'arn:aws:acm:eu-central-2:123456789012:certificate/0a1b2c3d-0000-1111-2222-333344445555',
      database_secret_arn: 'arn:aws:secretsmanager:eu-central-2:123456789012:secret:database-AbCdEf',
      desired_count: 1,
      enabled: false,
      environment: 'dev',
      private_subnet_ids: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
      settings: { name: 'example' },
      tier: 'a',
      vpc_id: 'vpc-0123456789abcdef0',
    });
  });
});

describe('stand-ins for data sources', () => {
  test('every data source that asks AWS, in the root and in local modules; not those the provider computes', async () => {
    const modules = await modulesOf({
      'root/main.tf': `
data "aws_caller_identity" "current" {}
data "aws_iam_policy_document" "x" {}
data "aws_region" "current" {}
module "net" { source = "../net" }
`,
      'net/main.tf': `data "aws_availability_zones" "available" {}\ndata "aws_vpc" "selected" { id = "vpc-1" }\n`,
    });
    const roots = rootModules(modules);
    assert.deepEqual(roots.map((r) => r.dir), ['root']);
    const tree = moduleTree(roots[0]!, new Map(modules.map((m) => [m.dir, m])), () => undefined);
    const overrides = dataOverrides(tree, 'ap-southeast-5');
    assert.deepEqual(overrides.map((o) => o.target), ['data.aws_caller_identity.current', 'module.net.data.aws_availability_zones.available', 'module.net.data.aws_vpc.selected']);
    assert.deepEqual(overrides[1]!.values['names'], ['ap-southeast-5a', 'ap-southeast-5b', 'ap-southeast-5c']);
  });

  test('the values given exist in the provider schema', async () => {
    const schema = await loadAwsSchema();
    const types = ['aws_caller_identity', 'aws_availability_zones', 'aws_availability_zone', 'aws_ecr_repository', 'aws_cloudfront_cache_policy', 'aws_vpc', 'aws_subnet', 'aws_subnets', 'aws_security_group', 'aws_iam_openid_connect_provider', 'aws_iam_role', 'aws_iam_policy', 'aws_secretsmanager_secret', 'aws_kms_key', 'aws_kms_alias', 'aws_route53_zone', 'aws_acm_certificate', 'aws_ecs_cluster', 'aws_lb', 'aws_lb_listener', 'aws_lb_target_group', 'aws_sns_topic', 'aws_ssm_parameter', 'aws_ami', 'aws_efs_file_system'];
    const files = { 'main.tf': types.map((t) => `data "${t}" "x" {}`).join('\n') };
    const [root] = await modulesOf(files);
    for (const override of dataOverrides(moduleTree(root!, new Map(), () => undefined), 'us-east-1')) {
      const type = override.target.split('.')[1]!;
      const attributes = schema.dataSource(type)!.attributes;
      for (const key of Object.keys(override.values)) assert.ok(attributes[key], `${type}.${key} is an attribute of the data source`);
    }
  });
});

describe('the test file', () => {
  test('providers with example credentials and the local endpoint, one plan run', async () => {
    const [root] = await modulesOf({ 'main.tf': 'provider "aws" {\n  region = var.aws_region\n}\nvariable "aws_region" {\n  type    = string\n  default = "eu-central-2"\n}\nprovider "aws" {\n  alias  = "us_east_1"\n  region = "us-east-1"\n}\n' });
    const providers = testProviders(root!);
    assert.deepEqual(providers, [{ region: 'eu-central-2' }, { alias: 'us_east_1', region: 'us-east-1' }]);
    const text = renderTestFile({ providers, endpoint: 'http://127.0.0.1:1234', runs: [{ name: 'plan', variables: { image_tag: 'x' }, overrides: [{ target: 'data.aws_caller_identity.current', values: { account_id: '123456789012' } }] }] });
    assert.deepEqual(parseHcl('t.tftest.hcl', text).errors, []);
    assert.match(text, /skip_credentials_validation = true/);
    assert.match(text, /secretsmanager = "http:\/\/127\.0\.0\.1:1234"/);
    assert.match(text, /run "plan" \{\n {2}command = plan\n/);
    assert.match(text, /override_data \{\n {4}target = data\.aws_caller_identity\.current\n {4}values = \{ account_id = "123456789012" \}\n/);
  });
});

describe("Terraform's diagnostics as findings", () => {
  const line = JSON.stringify({
    type: 'diagnostic',
    '@testrun': 'offline_plan',
    diagnostic: { severity: 'error', summary: '"name" cannot be longer than 32 characters', detail: '', address: 'aws_lb.main', range: { filename: 'alb.tf', start: { line: 7, column: 10 } } },
  });
  const done = JSON.stringify({ type: 'test_run', test_run: { run: 'offline_plan', progress: 'complete', status: 'error' } });

  test('on the user file and line, with the run result', () => {
    const output = parseTestOutput(`${line}\n${done}\n`);
    assert.equal(output.runs.get('offline_plan'), 'error');
    const finding = diagnosticFinding(output.diagnostics[0]!, { stage: 'plan', mapFile: (f) => `/home/me/infra/${f}` });
    assert.deepEqual(finding, { code: 'TERRAFORM_ERROR', severity: 'error', message: 'terraform plan (offline): "name" cannot be longer than 32 characters', file: '/home/me/infra/alb.tf', line: 7, column: 10, path: 'aws_lb.main' });
  });

  test('a rejected placeholder and an unanswered AWS call are not the configuration’s errors', () => {
    const placeholder = diagnosticFinding({ severity: 'error', summary: 'Invalid value for variable', detail: 'bad', address: 'var.tier' }, { stage: 'plan', mapFile: () => undefined, placeholders: new Set(['tier']) });
    assert.equal(placeholder.code, 'TERRAFORM_PLACEHOLDER_REJECTED');
    const offline = diagnosticFinding({ severity: 'error', summary: 'reading EC2 VPC', detail: 'api error EcsformOfflinePlan: the offline plan does not answer Action=DescribeVpcs' }, { stage: 'plan', mapFile: () => undefined });
    assert.equal(offline.code, 'TERRAFORM_OFFLINE_LIMIT');
  });

  test('the first error of human output', () => {
    assert.deepEqual(firstError('\n│ Error: Failed to query available provider packages\n│ \n│ Could not retrieve the list\n│ of versions.\n╵\n'), { summary: 'Failed to query available provider packages', detail: 'Could not retrieve the list of versions.' });
  });
});

test('Terraform runs without the AWS credentials, profile or variables of the environment', () => {
  const env = offlineEnv({ PATH: '/bin', AWS_PROFILE: 'prod', AWS_ACCESS_KEY_ID: 'AKIA...', TF_VAR_x: '1', TF_CLI_ARGS_plan: '-destroy', TF_CLI_CONFIG_FILE: '/home/me/.terraformrc', HTTPS_PROXY: 'http://proxy:3128' }, 'http://127.0.0.1:9');
  assert.equal(env['AWS_PROFILE'], undefined);
  assert.equal(env['AWS_ACCESS_KEY_ID'], undefined);
  assert.equal(env['TF_VAR_x'], undefined);
  assert.equal(env['TF_CLI_ARGS_plan'], undefined);
  assert.equal(env['AWS_ENDPOINT_URL'], 'http://127.0.0.1:9');
  assert.equal(env['TF_CLI_CONFIG_FILE'], '/home/me/.terraformrc', "the user's own provider installation settings stay");
  assert.match(env['NO_PROXY']!, /127\.0\.0\.1/, 'the local endpoint is never reached through a proxy');
});

describe('the local AWS endpoint', () => {
  test('answers GetRandomPassword with a password of the length asked; names any other call in its error', async () => {
    const endpoint = await startLocalEndpoint();
    try {
      const post = (target: string | undefined, body: string) =>
        fetch(endpoint.url, { method: 'POST', headers: target ? { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' } : { 'content-type': 'application/x-www-form-urlencoded' }, body });
      const password = await post('secretsmanager.GetRandomPassword', JSON.stringify({ PasswordLength: 40, ExcludePunctuation: true }));
      assert.equal(password.status, 200);
      assert.match(((await password.json()) as { RandomPassword: string }).RandomPassword, /^[A-Za-z0-9]{40}$/);
      const other = await post(undefined, 'Action=DescribeVpcs&Version=2016-11-15');
      assert.equal(other.status, 400);
      assert.match(await other.text(), /<Code>EcsformOfflinePlan<\/Code>.*Action=DescribeVpcs/);
      assert.deepEqual(endpoint.calls, [
        { operation: 'secretsmanager.GetRandomPassword', answered: true },
        { operation: 'Action=DescribeVpcs', answered: false },
      ]);
    } finally {
      await endpoint.close();
    }
  });
});
