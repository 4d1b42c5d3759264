import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const VALID = `terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

variable "name" {
  description = "Name of the log group."
  type        = string
}

resource "aws_cloudwatch_log_group" "this" {
  name              = var.name
  retention_in_days = 30
}
`;

function module(text: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra', 'main.tf'), text);
  return dir;
}

describe('ecsform check', () => {
  test('clean Terraform exits 0 (security rules off)', async () => {
    const run = await runCli(['check', 'infra', '--rules', 'none'], module(VALID));
    assert.equal(run.code, 0, run.out + run.err);
    assert.match(run.out, /1 files in 1 modules: no findings/);
  });

  test('a misspelled argument exits 1 with file:line and a did-you-mean', async () => {
    const run = await runCli(['check', 'infra', '--rules', 'none'], module(VALID.replace('retention_in_days', 'retention_in_day ')));
    assert.equal(run.code, 1);
    assert.match(run.out, /^infra\/main\.tf:19:3  error  SCHEMA_UNKNOWN_ARGUMENT  /m);
    assert.match(run.out, /retention_in_days/);
  });

  test('--fail-on lets low findings pass and --format json is machine-readable', async () => {
    const dir = module(VALID.replace('  name              = var.name', '  name = var.name'));
    const strict = await runCli(['check', 'infra', '--rules', 'none'], dir);
    assert.equal(strict.code, 1);
    const lenient = await runCli(['check', 'infra', '--rules', 'none', '--fail-on', 'high', '--format', 'json'], dir);
    assert.equal(lenient.code, 0);
    const parsed = JSON.parse(lenient.out) as { findings: { code: string; line: number }[] };
    assert.deepEqual(parsed.findings.map((f) => [f.code, f.line]), [['HCL_FORMAT', 18]]);
  });

  test('--fix rewrites badly formatted files in place', async () => {
    const dir = module(VALID.replace('  name              = var.name', '  name = var.name'));
    const run = await runCli(['check', 'infra', '--rules', 'none', '--fix'], dir);
    assert.equal(run.code, 0, run.out);
    assert.equal(readFileSync(join(dir, 'infra', 'main.tf'), 'utf8'), VALID);
  });

  test('SARIF output names the rule and the location', async () => {
    const run = await runCli(['check', 'infra', '--rules', 'none', '--format', 'sarif'], module(VALID.replace('var.name', 'var.nmae')));
    assert.equal(run.code, 1);
    const sarif = JSON.parse(run.out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'REF_UNDECLARED')!;
    assert.equal(result.locations[0]!.physicalLocation.region.startLine, 18);
  });

  test('a missing directory exits 2', async () => {
    const run = await runCli(['check', 'nope'], tempDir());
    assert.equal(run.code, 2);
    assert.match(run.err, /Not a directory: nope/);
  });
});

describe('ecsform explain', () => {
  test('each Compose key with what became of it and where it landed in the Terraform', async () => {
    const run = await runCli(['explain', '-f', 'examples/iot-platform/compose.yaml'], repoRoot);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /rewritten +examples\/iot-platform\/compose\.yaml:\d+ +services\.keycloak\.environment\.KC_DB_PASSWORD\n +KC_DB_PASSWORD comes from the "password" key of the RDS-managed master secret of keycloak-db\.\n +→ aws_ecs_task_definition\.keycloak \(examples\/iot-platform\/infra\/terraform\/ecs\.tf:\d+\)/);
    assert.match(run.out, /services\.ui_iot\.environment\.LOG_LEVEL\n +LOG_LEVEL stays a plain value/);
    const json = JSON.parse((await runCli(['explain', '-f', 'examples/iot-platform/compose.yaml', '--format', 'json'], repoRoot)).out) as { decisions: { path: string; locations: unknown[] }[] };
    assert.ok(json.decisions.filter((d) => d.path.includes('.environment.')).every((d) => d.locations.length > 0), 'every environment decision points at the generated code');
  });
});
