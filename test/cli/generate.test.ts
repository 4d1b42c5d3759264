import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempDir } from '../helpers/cli.js';

const COMPOSE = `name: shop
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
  worker:
    image: example/worker:1.0
    environment:
      API_TOKEN: \${API_TOKEN:-dev}
`;

function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
  return dir;
}

describe('generate writes files safely', () => {
  test('first run creates, second run changes nothing', async () => {
    const dir = project();
    const first = await runCli(['generate', '--no-verify'], dir);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /wrote: +\d+ create/);
    assert.ok(existsSync(join(dir, 'terraform/main.tf')));
    assert.ok(existsSync(join(dir, '.ecsform/manifest.json')));
    const second = await runCli(['generate', '--no-verify'], dir);
    assert.equal(second.code, 0);
    assert.match(second.out, /wrote: +\d+ unchanged$/m);
  });

  test('a file the user edited is not overwritten, and the error names it', async () => {
    const dir = project();
    await runCli(['generate', '--no-verify'], dir);
    const ecs = join(dir, 'terraform/ecs.tf');
    writeFileSync(ecs, `${readFileSync(ecs, 'utf8')}\n# my change\n`);
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE.replace('nginx:1.27', 'nginx:1.28'));
    const run = await runCli(['generate', '--no-verify'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /terraform\/ecs\.tf  error  OUTPUT_CONFLICT  Not overwriting terraform\/ecs\.tf: the file was changed since ecsform wrote it\./);
    assert.match(readFileSync(ecs, 'utf8'), /# my change/);
    assert.match(run.out, /nothing written, would write: .*1 conflict/);
    assert.doesNotMatch(run.out, /^ {2}wrote:/m);
    const forced = await runCli(['generate', '--no-verify', '--force'], dir);
    assert.equal(forced.code, 0, forced.err);
    assert.doesNotMatch(readFileSync(ecs, 'utf8'), /# my change/);
    assert.match(readFileSync(ecs, 'utf8'), /nginx:1\.28/);
  });

  test('--check is a drift gate: 1 when the files differ, 0 when they match', async () => {
    const dir = project();
    const missing = await runCli(['generate', '--check'], dir);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /create +terraform\/main\.tf/);
    await runCli(['generate', '--no-verify'], dir);
    assert.equal((await runCli(['generate', '--check'], dir)).code, 0);
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE.replace('8080:80', '8081:80').replace('nginx:1.27', 'nginx:1.29'));
    const drift = await runCli(['generate', '--check'], dir);
    assert.equal(drift.code, 1);
    assert.match(drift.err, /update +terraform\/ecs\.tf/);
  });

  test('--dry-run lists the changes and writes nothing', async () => {
    const dir = project();
    const run = await runCli(['generate', '--dry-run', '--no-verify'], dir);
    assert.equal(run.code, 0);
    assert.match(run.out, /would write: +\d+ create/);
    assert.match(run.out, /create +terraform\/variables\.tf/);
    assert.equal(existsSync(join(dir, 'terraform')), false);
  });

  test('files no longer generated are deleted when untouched', async () => {
    const dir = project();
    await runCli(['generate', '--no-verify'], dir);
    assert.ok(existsSync(join(dir, 'terraform/secrets.tf')));
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE.replace(/ {4}environment:\n.*\n/, ''));
    const run = await runCli(['generate', '--no-verify'], dir);
    assert.equal(run.code, 0, run.err);
    assert.equal(existsSync(join(dir, 'terraform/secrets.tf')), false);
  });
});

describe('bad input and usage exit 2 with a clear message', () => {
  test('malformed YAML points at the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: [nginx\n');
    const run = await runCli(['generate'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /^compose\.yaml:\d+:\d+  error  /m);
    assert.doesNotMatch(run.err, /at .*\.js:\d+/, 'no stack trace');
  });

  test('a missing Compose file', async () => {
    const run = await runCli(['generate', '-f', 'nope.yaml'], tempDir());
    assert.equal(run.code, 2);
    assert.match(run.err, /Compose file not found: nope\.yaml/);
  });

  test('an unknown option or command', async () => {
    assert.equal((await runCli(['generate', '--frobnicate'], tempDir())).code, 2);
    assert.equal((await runCli(['frobnicate'], tempDir())).code, 2);
  });

  test('a bind mount names the Compose key, line and what to do', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    volumes:\n      - ./html:/usr/share/nginx/html\n');
    const run = await runCli(['generate'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /compose\.yaml:5:\d+  error  BIND_MOUNT  web: bind mount/);
    assert.match(run.err, /hint: Copy \.\/html into the image/);
  });
});

describe('the Compose files of a directory', () => {
  test('compose.override.yaml is merged over compose.yaml when no -f is given, as docker compose does', async () => {
    const dir = project();
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  web:\n    image: nginx:1.29\n');
    const run = await runCli(['generate', '--no-verify'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(readFileSync(join(dir, 'terraform/ecs.tf'), 'utf8'), /nginx:1\.29/);
    const explicit = await runCli(['generate', '--no-verify', '--force', '-f', 'compose.yaml'], dir);
    assert.equal(explicit.code, 0, explicit.err);
    assert.match(readFileSync(join(dir, 'terraform/ecs.tf'), 'utf8'), /nginx:1\.27/);
  });
});
