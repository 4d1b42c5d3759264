/** `ecsform cost DIR`: the three formats, the usage file, bad input. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { costCommand } from '../../src/cli/commands/cost.js';
import { InputError } from '../../src/diagnostics/errors.js';
import { tempDir } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { recordingIo } from './io.js';

const TERRAFORM = `
resource "aws_nat_gateway" "main" {
  subnet_id = "subnet-1"
}

resource "aws_sqs_queue" "jobs" {}
`;

function project(): string {
  const dir = tempDir('ecsform-cost-');
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra/main.tf'), TERRAFORM);
  return dir;
}

describe('ecsform cost', () => {
  test('text: the total, the resource with its file:line, what was not estimated, the assumptions', async () => {
    const io = recordingIo(project());
    assert.equal(await costCommand(io, 'infra', {}), 0);
    const out = io.stdout();
    assert.match(out, /^Monthly cost of infra \(1 files\): \$33\.75 a month$/m);
    assert.match(out, /aws_nat_gateway\.main +\$33\.75 +infra\/main\.tf:2/);
    assert.match(out, /NAT gateway hours +730 +gateway-hour +× \$0\.045 +\$32\.85/);
    assert.match(out, /Not estimated \(1\)\n {2}aws_sqs_queue\.jobs \(infra\/main\.tf:6\): No price for aws_sqs_queue in the price file\./);
    assert.match(out, /nat_gateway\.data_processed_gb_per_gateway = 20 \(default\)/);
  });

  test('json and markdown', async () => {
    const dir = project();
    const json = recordingIo(dir);
    await costCommand(json, 'infra', { format: 'json' });
    const parsed = JSON.parse(json.stdout()) as { totalMonthlyUsd: number; resources: { address: string; file: string }[] };
    assert.equal(parsed.totalMonthlyUsd, 33.75);
    assert.deepEqual(parsed.resources.map((r) => [r.address, r.file]), [['aws_nat_gateway.main', 'infra/main.tf']]);
    const markdown = recordingIo(dir);
    await costCommand(markdown, 'infra', { format: 'markdown' });
    assert.match(markdown.stdout(), /^## Monthly cost of infra: \$33\.75 a month$/m);
    assert.match(markdown.stdout(), /\| `aws_nat_gateway\.main`<br>infra\/main\.tf:2 \| NAT gateway hours: 730 gateway-hour × \$0\.045 = \$32\.85; Data processed: 20 GB processed × \$0\.045 = \$0\.90 \| \$33\.75 \|/);
  });

  test('--usage applies a usage file; a bad one fails with file:line', async () => {
    const dir = project();
    writeFileSync(join(dir, 'usage.yaml'), 'nat_gateway:\n  data_processed_gb_per_gateway: 1000\n');
    const io = recordingIo(dir);
    await costCommand(io, 'infra', { usage: 'usage.yaml', format: 'json' });
    assert.equal((JSON.parse(io.stdout()) as { totalMonthlyUsd: number }).totalMonthlyUsd, 32.85 + 45);

    writeFileSync(join(dir, 'bad.yaml'), 'nat_gateway:\n  data_processed: 1000\n');
    await assert.rejects(costCommand(recordingIo(dir), 'infra', { usage: 'bad.yaml' }), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.deepEqual([error.findings[0]!.file, error.findings[0]!.line, error.findings[0]!.code], ['bad.yaml', 2, 'USAGE_UNKNOWN_KEY']);
      return true;
    });
    await assert.rejects(costCommand(recordingIo(dir), 'infra', { usage: 'missing.yaml' }), /Usage file not found: missing\.yaml/);
  });

  test('a directory that does not exist or holds no Terraform is bad input', async () => {
    const dir = project();
    await assert.rejects(costCommand(recordingIo(dir), 'nowhere', {}), /Not a directory: nowhere/);
    mkdirSync(join(dir, 'empty'));
    await assert.rejects(costCommand(recordingIo(dir), 'empty', {}), /No \.tf files under empty/);
  });

  test('works on a generated example directory checked into the repository layout', async () => {
    const io = recordingIo(fromRoot('test/fixtures/terraform/valid'));
    assert.equal(await costCommand(io, 'ecs-app', { format: 'json' }), 0);
    assert.ok((JSON.parse(io.stdout()) as { totalMonthlyUsd: number }).totalMonthlyUsd > 0);
  });
});
