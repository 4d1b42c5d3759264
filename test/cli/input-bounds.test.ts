/**
 * Inputs past ecsform's bounds are bad input (exit 2, with the file and line), not internal
 * errors (exit 3): deep interpolation and HCL, tens of thousands of resources, port ranges, and
 * inputs that would print megabytes of errors.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_REFUSAL_FINDINGS } from '../../src/cli/render/refusal.js';
import { runCli, tempDir } from '../helpers/cli.js';

function terraform(text: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf/main.tf'), text);
  return dir;
}

test('interpolation nested thousands deep: exit 2 at its line', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), `x-ecsform: { project: deep }\nservices:\n  web:\n    image: nginx\n    environment:\n      X: "${'${A:-'.repeat(5000)}x${'}'.repeat(5000)}"\n`);
  const run = await runCli(['generate', '--no-verify'], dir);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /^compose\.yaml:6:\d+  error  COMPOSE_LIMIT  Interpolation nested more than 20 levels deep/m);
});

test('HCL nested thousands deep: exit 2 at its line for every command that reads Terraform', async () => {
  const dir = terraform(`locals {\n  x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}\n}\n`);
  for (const command of [['check', 'tf'], ['cost', 'tf'], ['diagram', 'tf'], ['check', 'tf', '--fix']]) {
    const run = await runCli(command, dir);
    assert.equal(run.code, 2, `${command.join(' ')}: ${run.err}`);
    assert.match(run.err, /^tf\/main\.tf:2:\d+  error  INPUT_TOO_DEEP  tf\/main\.tf nests expressions or blocks more than 100 levels deep/m);
  }
});

test('50,000 resources: exit 2 at the first block past the bound, without checking any', async () => {
  const dir = terraform(Array.from({ length: 50_000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}\n`).join('\n'));
  const run = await runCli(['check', 'tf'], dir);
  assert.equal(run.code, 2, run.err.slice(0, 2000));
  assert.match(run.err, /^tf\/main\.tf:40001  error  INPUT_TOO_LARGE  More than 10,000 top-level blocks under tf/m);
});

test('a port range of 65,535 ports: exit 2 at its line', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), 'x-ecsform: { project: ports }\nservices:\n  web:\n    image: nginx\n    ports: ["1-65535:1-65535"]\n');
  const run = await runCli(['generate', '--no-verify'], dir);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /^compose\.yaml:5:\d+  error  COMPOSE_LIMIT  services\.web\.ports: more than 100 port mappings/m);
});

test('thousands of errors are summarised after the first ones, each message cut to a few lines', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), `services:\n${Array.from({ length: 900 }, (_, i) => `  s${i}: { image: nginx, ports: ["${'x'.repeat(1000)}"] }\n`).join('')}`);
  const run = await runCli(['generate', '--no-verify'], dir);
  assert.equal(run.code, 2);
  const errors = run.err.split('\n').filter((line) => /  error  /.test(line));
  assert.equal(errors.length, MAX_REFUSAL_FINDINGS + 1);
  assert.match(errors.at(-1)!, /MORE_FINDINGS  850 more findings not shown \(850 in compose\.yaml\)\./);
  assert.ok(run.err.length < 60_000, `${run.err.length} characters`);
});
