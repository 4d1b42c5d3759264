/** `check --fix` changes the formatting and nothing else: bytes, links and permission bits stay. */
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from '../helpers/cli.js';

const UNFORMATTED = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  force_destroy=true\n}\n';
const FORMATTED = 'resource "aws_s3_bucket" "logs" {\n  bucket        = "logs"\n  force_destroy = true\n}\n';

function terraformDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'tf'));
  return dir;
}

test('a file that is not UTF-8 is refused with its line, and no byte of it changes', async () => {
  const dir = terraformDir();
  const latin1 = Buffer.concat([Buffer.from('locals {\n  owner="'), Buffer.from([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e]), Buffer.from('"\n}\n')]);
  writeFileSync(join(dir, 'tf/owner.tf'), latin1);
  const run = await runCli(['check', 'tf', '--fix', '--rules', 'none'], dir);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /tf\/owner\.tf:2:11  error  INPUT_NOT_TEXT  tf\/owner\.tf is not UTF-8 text/);
  assert.deepEqual(readFileSync(join(dir, 'tf/owner.tf')), latin1);
});

test('a linked file is formatted at its target, and the link stays a link', async () => {
  const dir = terraformDir();
  mkdirSync(join(dir, 'tf/shared'));
  writeFileSync(join(dir, 'tf/shared/logs.tf.src'), UNFORMATTED);
  symlinkSync('shared/logs.tf.src', join(dir, 'tf/logs.tf'));
  const run = await runCli(['check', 'tf', '--fix', '--rules', 'none'], dir);
  assert.match(run.err, /formatted logs\.tf/);
  assert.ok(lstatSync(join(dir, 'tf/logs.tf')).isSymbolicLink());
  assert.equal(readlinkSync(join(dir, 'tf/logs.tf')), 'shared/logs.tf.src');
  assert.equal(readFileSync(join(dir, 'tf/shared/logs.tf.src'), 'utf8'), FORMATTED);
});

test('a link to a file outside the directory checked is not written through', async () => {
  const dir = terraformDir();
  writeFileSync(join(dir, 'elsewhere.tf'), UNFORMATTED);
  symlinkSync(join(dir, 'elsewhere.tf'), join(dir, 'tf/logs.tf'));
  const run = await runCli(['check', 'tf', '--fix', '--rules', 'none'], dir);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /OUTPUT_OUTSIDE_ROOT +Not formatting tf\/logs\.tf: it is a symbolic link to .*elsewhere\.tf, outside tf/);
  assert.equal(readFileSync(join(dir, 'elsewhere.tf'), 'utf8'), UNFORMATTED);
});

test('permission bits are kept', async () => {
  const dir = terraformDir();
  writeFileSync(join(dir, 'tf/logs.tf'), UNFORMATTED);
  chmodSync(join(dir, 'tf/logs.tf'), 0o600);
  const run = await runCli(['check', 'tf', '--fix', '--rules', 'none'], dir);
  assert.match(run.err, /formatted logs\.tf/);
  assert.equal(readFileSync(join(dir, 'tf/logs.tf'), 'utf8'), FORMATTED);
  assert.equal(statSync(join(dir, 'tf/logs.tf')).mode & 0o777, 0o600);
});
