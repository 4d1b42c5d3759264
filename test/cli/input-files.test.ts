/**
 * Only bounded regular files of UTF-8 text are read: anything else is exit 2 with its path, never
 * a hang, an endless read or an internal error.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { INPUT_LIMITS } from '../../src/cli/files/limits.js';
import { runCli, tempDir } from '../helpers/cli.js';

const COMPOSE = 'x-ecsform: { project: shop }\nservices:\n  web: { image: nginx:1.27, ports: ["80:80"] }\n';

describe('a Terraform directory with files that are not regular files', () => {
  test('each one is named, with why, and the run exits 2', async () => {
    const dir = tempDir();
    const tf = join(dir, 'tf');
    mkdirSync(tf);
    writeFileSync(join(tf, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    mkdirSync(join(tf, 'modules'));
    symlinkSync('modules', join(tf, 'to-dir.tf'));
    symlinkSync('/nonexistent/x.tf', join(tf, 'dangling.tf'));
    symlinkSync('loop.tf', join(tf, 'loop.tf'));
    symlinkSync('/dev/zero', join(tf, 'zero.tf'));
    execFileSync('mkfifo', [join(tf, 'pipe.tf')]);
    for (const command of [['check', 'tf'], ['cost', 'tf'], ['diagram', 'tf']]) {
      const run = await runCli(command, dir);
      assert.equal(run.code, 2, `${command[0]}: ${run.err}`);
      assert.match(run.err, /tf\/to-dir\.tf  error  INPUT_UNREADABLE  .*a symbolic link to a directory/);
      assert.match(run.err, /tf\/dangling\.tf  error  INPUT_UNREADABLE  .*a symbolic link to a path that does not exist/);
      assert.match(run.err, /tf\/loop\.tf  error  INPUT_UNREADABLE  .*a symbolic link in a loop/);
      assert.match(run.err, /tf\/zero\.tf  error  INPUT_UNREADABLE  tf\/zero\.tf is a character device, not a regular file/);
      assert.match(run.err, /tf\/pipe\.tf  error  INPUT_UNREADABLE  tf\/pipe\.tf is a named pipe \(FIFO\), not a regular file/);
    }
  });

  test('a file larger than the limit is refused without being read whole', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf/big.tf'), `# ${'x'.repeat(INPUT_LIMITS.terraformFileBytes)}\n`);
    const run = await runCli(['check', 'tf'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /tf\/big\.tf  error  INPUT_TOO_LARGE  tf\/big\.tf is larger than ecsform reads \(4\.0 MiB; the limit for a Terraform file is 4\.0 MiB\)/);
  });
});

describe('Compose input that is not a bounded text file', () => {
  test('-f /dev/zero is a device, not a file', async () => {
    const run = await runCli(['generate', '-f', '/dev/zero'], tempDir());
    assert.equal(run.code, 2);
    assert.match(run.err, /\/dev\/zero is a character device, not a regular file/);
  });

  test('an env_file that is a FIFO is refused instead of blocking', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE.replace('ports: ["80:80"]', 'ports: ["80:80"], env_file: app.env'));
    execFileSync('mkfifo', [join(dir, 'app.env')]);
    const run = await runCli(['generate', '--no-verify'], dir);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /app\.env  error  INPUT_UNREADABLE  app\.env is a named pipe \(FIFO\), not a regular file/);
  });

  test('a megabyte of binary is one finding at the first bad byte, not megabytes of errors', async () => {
    const dir = tempDir();
    const bytes = Buffer.alloc(1_000_000);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    writeFileSync(join(dir, 'compose.yaml'), Buffer.concat([Buffer.from('services:\n'), bytes]));
    const run = await runCli(['generate', '--no-verify'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /^compose\.yaml:\d+:\d+  error  INPUT_NOT_TEXT  compose\.yaml is not UTF-8 text/);
    assert.ok(run.err.length < 1000, `${run.err.length} characters of errors`);
  });

  test('a Compose file over the limit is refused', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'compose.yaml'), `${COMPOSE}# ${'x'.repeat(INPUT_LIMITS.composeFileBytes)}\n`);
    const run = await runCli(['generate', '--no-verify'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /compose\.yaml  error  INPUT_TOO_LARGE/);
  });
});

describe('other inputs', () => {
  test('smoke --outputs on a FIFO is refused instead of blocking', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'outputs.json')]);
    const run = await runCli(['smoke', '--outputs', 'outputs.json'], dir);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /outputs\.json is a named pipe \(FIFO\), not a regular file/);
  });

  test('cost --usage on a device is refused', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf/main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    const run = await runCli(['cost', 'tf', '--usage', '/dev/zero'], dir);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /\/dev\/zero is a character device, not a regular file/);
  });
});
