/** Paths the CLI cannot use: exit 2 with the path and what to do, never a stack trace. */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempDir } from '../helpers/cli.js';

const BROKEN = 'resource "aws_s3_bucket" "logs" {\n  bucket = \n';

function brokenTerraform(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf', 'main.tf'), BROKEN);
  return dir;
}

describe('commands that read Terraform refuse files that do not parse', () => {
  for (const args of [['cost', 'tf'], ['diagram', 'tf'], ['report', 'tf', '-o', 'report.html']]) {
    test(`${args[0]}: exit 2 and the syntax error, no partial output`, async () => {
      const dir = brokenTerraform();
      const run = await runCli(args, dir);
      assert.equal(run.code, 2, run.err);
      assert.match(run.err, /tf\/main\.tf:2:\d+ +error +HCL_SYNTAX/);
      assert.equal(run.out, '');
      assert.ok(!readdirSync(dir).includes('report.html'));
    });
  }
});

describe('paths that are not what the option expects', () => {
  test('-f with a directory says it is a directory', async () => {
    const dir = tempDir();
    const run = await runCli(['generate', '-f', '.'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /\. is a directory, not a Compose file\./);
    assert.match(run.err, /hint: Pass the file itself, e\.g\. -f compose\.yaml\./);
  });

  test('--usage with a directory says it is a directory', async () => {
    const dir = brokenTerraform();
    writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_s3_bucket" "logs" {}\n');
    const run = await runCli(['cost', 'tf', '--usage', 'tf'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /tf is a directory, not a usage file/);
  });

  test('an output directory that cannot be created is an input error, and no temporary file is left', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web: { image: nginx, ports: ["80:80"] }\n');
    writeFileSync(join(dir, 'out'), 'a file where the output directory should be');
    const run = await runCli(['generate', '--no-verify', '--out', 'out/stack'], dir);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /OUTPUT_UNWRITABLE +Cannot write .*out\/stack\/(\.ecsform|terraform\/.*): a parent of it is a file, not a directory\./);
    assert.deepEqual(readdirSync(dir).sort(), ['compose.yaml', 'out']);
  });
});
