/**
 * Nothing outside the output root is ever written, renamed or deleted: not through the manifest
 * (which a pull request can change), not through x-ecsform.output, not through a symbolic link.
 */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { sha256 } from '../../src/cli/output-files.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const COMPOSE = 'x-ecsform: { project: shop }\nservices:\n  web: { image: nginx:1.27, ports: ["80:80"] }\n';

/** A project directory `app` beside a directory `victim` holding a file that must survive. */
function projectBesideVictim(compose = COMPOSE): { app: string; victim: string } {
  const base = tempDir();
  const app = join(base, 'app');
  const victim = join(base, 'victim');
  mkdirSync(app);
  mkdirSync(victim);
  writeFileSync(join(app, 'compose.yaml'), compose);
  writeFileSync(join(victim, 'keep.txt'), 'keep\n');
  return { app, victim };
}

function addManifestEntry(app: string, path: string, content: string): void {
  const manifestPath = join(app, '.ecsform/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, unknown> };
  manifest.files[path] = { project: 'shop', environment: 'dev', sha256: sha256(content) };
  writeFileSync(manifestPath, JSON.stringify(manifest));
}

describe('the manifest cannot point outside the output root', () => {
  for (const force of [false, true]) {
    test(`an entry ../victim/keep.txt is refused${force ? ' with --force' : ''}, and the file is kept`, async () => {
      const { app, victim } = projectBesideVictim();
      assert.equal((await runCli(['generate', '--no-verify'], app)).code, 0);
      addManifestEntry(app, '../victim/keep.txt', 'keep\n');
      const run = await runCli(['generate', '--no-verify', ...(force ? ['--force'] : [])], app);
      assert.equal(run.code, 2, run.err);
      assert.match(run.err, /\.ecsform\/manifest\.json  error  MANIFEST_INVALID  .*"\.\.\/victim\/keep\.txt" is not a path inside the output root/);
      assert.equal(readFileSync(join(victim, 'keep.txt'), 'utf8'), 'keep\n');
    });
  }

  test('an absolute entry is refused', async () => {
    const { app, victim } = projectBesideVictim();
    await runCli(['generate', '--no-verify'], app);
    addManifestEntry(app, join(victim, 'keep.txt'), 'keep\n');
    const run = await runCli(['generate', '--no-verify', '--force'], app);
    assert.equal(run.code, 2);
    assert.match(run.err, /MANIFEST_INVALID .*it is absolute/);
    assert.ok(existsSync(join(victim, 'keep.txt')));
  });

  test('an entry reaching outside through a linked directory is refused', async () => {
    const { app, victim } = projectBesideVictim();
    await runCli(['generate', '--no-verify'], app);
    symlinkSync(victim, join(app, 'shared'));
    addManifestEntry(app, 'shared/keep.txt', 'keep\n');
    const run = await runCli(['generate', '--no-verify', '--force'], app);
    assert.equal(run.code, 2);
    assert.match(run.err, /OUTPUT_OUTSIDE_ROOT .*shared is a symbolic link to/);
    assert.ok(existsSync(join(victim, 'keep.txt')));
  });

  test('a manifest that is not JSON is refused rather than ignored', async () => {
    const { app } = projectBesideVictim();
    await runCli(['generate', '--no-verify'], app);
    writeFileSync(join(app, '.ecsform/manifest.json'), '{ not json');
    const run = await runCli(['generate', '--no-verify'], app);
    assert.equal(run.code, 2);
    assert.match(run.err, /MANIFEST_INVALID .*it is not JSON/);
  });
});

describe('x-ecsform.output stays inside the project directory', () => {
  for (const output of ['../../x', '../victim', '/tmp/ecsform-absolute-output']) {
    test(`output: ${output} is an error at its line, and nothing is written`, async () => {
      const { app, victim } = projectBesideVictim(COMPOSE.replace('project: shop', `project: shop, output: ${output}`));
      const run = await runCli(['generate', '--no-verify'], app);
      assert.equal(run.code, 2, run.err);
      assert.match(run.err, /compose\.yaml:1:\d+  error  XECSFORM_INVALID  x-ecsform\.output: a path inside the project directory/);
      assert.deepEqual(readdirSync(victim), ['keep.txt']);
      assert.deepEqual(readdirSync(app), ['compose.yaml']);
      assert.equal(existsSync('/tmp/ecsform-absolute-output'), false);
    });
  }

  test('--out may point anywhere: the flag says so', async () => {
    const { app, victim } = projectBesideVictim();
    const run = await runCli(['generate', '--no-verify', '--out', '../victim/stack'], app);
    assert.equal(run.code, 0, run.err);
    assert.ok(existsSync(join(victim, 'stack/terraform/main.tf')));
  });

  test('a linked output directory leading outside the root is refused before anything is written', async () => {
    const { app, victim } = projectBesideVictim();
    symlinkSync(victim, join(app, 'terraform'));
    const run = await runCli(['generate', '--no-verify'], app);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /OUTPUT_OUTSIDE_ROOT .*terraform is a symbolic link to/);
    assert.deepEqual(readdirSync(victim), ['keep.txt']);
  });

  test('a linked directory inside the root is followed', async () => {
    const { app } = projectBesideVictim();
    mkdirSync(join(app, 'infra'));
    symlinkSync(join(app, 'infra'), join(app, 'terraform'));
    const run = await runCli(['generate', '--no-verify'], app);
    assert.equal(run.code, 0, run.err);
    assert.ok(existsSync(join(app, 'infra/main.tf')));
  });

  test('a generated file that is a symbolic link is not replaced', async () => {
    const { app, victim } = projectBesideVictim();
    mkdirSync(join(app, 'terraform'));
    symlinkSync(join(victim, 'keep.txt'), join(app, 'terraform/main.tf'));
    const run = await runCli(['generate', '--no-verify', '--force'], app);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /OUTPUT_OUTSIDE_ROOT .*terraform\/main\.tf is a symbolic link/);
    assert.equal(readFileSync(join(victim, 'keep.txt'), 'utf8'), 'keep\n');
  });
});

describe('writing to special files is refused', () => {
  test('--out under /proc exits 2 instead of hanging', async () => {
    const { app } = projectBesideVictim();
    // In a child process with a time limit: a hang in a synchronous call would block this one for good.
    const run = await new Promise<{ code: number | null; err: string }>((resolve) => {
      execFile(process.execPath, [fromRoot('dist/src/cli/bin.js'), 'generate', '--no-verify', '--out', '/proc/ecsform-x'], { cwd: app, timeout: 60_000 }, (error, _out, err) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, err }),
      );
    });
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /OUTPUT_UNWRITABLE +Cannot write \/proc\/ecsform-x/);
  });

  test('report -o onto a named pipe is refused, and the pipe is left as it is', async () => {
    const { app } = projectBesideVictim();
    // A pipe of our own rather than /dev/null: a regression must not replace a device of the machine.
    const pipe = join(app, 'pipe.html');
    execFileSync('mkfifo', [pipe]);
    const run = await runCli(['report', '-f', 'compose.yaml', '-o', 'pipe.html'], app);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /Cannot write pipe\.html: it is a named pipe \(FIFO\), not a regular file/);
    assert.ok(lstatSync(pipe).isFIFO());
  });
});
