/** With --format json, standard output is one JSON document even when the input is refused. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../src/diagnostics/finding.js';
import { runCli, tempDir } from '../helpers/cli.js';

interface Refusal {
  readonly refused: true;
  readonly findings: Finding[];
}

test('generate --format json: malformed Compose is a JSON refusal with file and line, exit 2', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: [nginx\n');
  const run = await runCli(['generate', '--format', 'json'], dir);
  assert.equal(run.code, 2);
  const json = JSON.parse(run.out) as Refusal;
  assert.equal(json.refused, true);
  assert.ok(json.findings.length > 0);
  for (const finding of json.findings) {
    assert.equal(finding.severity, 'error');
    assert.equal(finding.file, 'compose.yaml');
    assert.equal(typeof finding.line, 'number');
  }
  assert.match(run.err, /compose\.yaml:\d+:\d+  error/);
});

test('generate --format json: a conflict is one document with the refusal and what would change, exit 2', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), 'x-ecsform: { project: shop }\nservices:\n  web: { image: nginx:1.27, ports: ["80:80"] }\n');
  assert.equal((await runCli(['generate', '--no-verify'], dir)).code, 0);
  const ecs = join(dir, 'terraform/ecs.tf');
  writeFileSync(ecs, `${readFileSync(ecs, 'utf8')}# mine\n`);
  writeFileSync(join(dir, 'compose.yaml'), readFileSync(join(dir, 'compose.yaml'), 'utf8').replace('1.27', '1.28'));
  const run = await runCli(['generate', '--no-verify', '--format', 'json'], dir);
  assert.equal(run.code, 2);
  const json = JSON.parse(run.out) as Refusal & { changes: Array<{ path: string; kind: string }> };
  assert.equal(json.refused, true);
  assert.deepEqual(
    json.findings.map((f) => [f.code, f.file]),
    [['OUTPUT_CONFLICT', 'terraform/ecs.tf']],
  );
  assert.ok(json.changes.some((c) => c.path === 'terraform/ecs.tf' && c.kind === 'conflict'));
  assert.match(readFileSync(ecs, 'utf8'), /# mine/);
});

test('generate --check --format json says whether the files are up to date', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), 'x-ecsform: { project: shop }\nservices:\n  web: { image: nginx:1.27, ports: ["80:80"] }\n');
  const run = await runCli(['generate', '--check', '--format', 'json'], dir);
  assert.equal(run.code, 1);
  const json = JSON.parse(run.out) as { upToDate: boolean; changes: unknown[] };
  assert.equal(json.upToDate, false);
  assert.ok(json.changes.length > 0);
});

test('check and cost --format json: an unreadable input is a JSON refusal', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf/main.tf'), Buffer.from([0x6c, 0x6f, 0xff, 0x0a]));
  for (const command of [['check', 'tf', '--format', 'json'], ['cost', 'tf', '--format', 'json']]) {
    const run = await runCli(command, dir);
    assert.equal(run.code, 2, command.join(' '));
    const json = JSON.parse(run.out) as Refusal;
    assert.equal(json.findings[0]?.code, 'INPUT_NOT_TEXT');
    assert.equal(json.findings[0]?.file, 'tf/main.tf');
  }
});

test('check --format json: a usage error is a JSON refusal too', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf/main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
  const run = await runCli(['check', 'tf', '--format', 'json', '--rules', 'NO_SUCH_RULE'], dir);
  assert.equal(run.code, 2);
  assert.equal((JSON.parse(run.out) as Refusal).findings[0]?.code, 'USAGE');
});
