/**
 * Several projects and several runs on one output root: each project owns its files, one run
 * writes at a time, and a run either completes or leaves the previous state.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempDir } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';

const compose = (project: string, output: string, image = 'nginx:1.27') => `x-ecsform: { project: ${project}, output: ${output} }\nservices:\n  web: { image: ${image}, ports: ["80:80"] }\n`;

function twoProjects(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'shop.yaml'), compose('shop', 'terraform/shop'));
  writeFileSync(join(dir, 'blog.yaml'), compose('blog', 'terraform/blog'));
  return dir;
}

function manifest(dir: string): Record<string, { project: string; environment: string; sha256: string }> {
  return (JSON.parse(readFileSync(join(dir, '.ecsform/manifest.json'), 'utf8')) as { files: Record<string, { project: string; environment: string; sha256: string }> }).files;
}

describe('two projects generated into one directory', () => {
  test('the second does not delete the first one\'s files, and the manifest records both', async () => {
    const dir = twoProjects();
    assert.equal((await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir)).code, 0);
    const run = await runCli(['generate', '--no-verify', '-f', 'blog.yaml'], dir);
    assert.equal(run.code, 0, run.err);
    assert.doesNotMatch(run.out, /delete/);
    assert.ok(existsSync(join(dir, 'terraform/shop/main.tf')));
    assert.ok(existsSync(join(dir, 'terraform/blog/main.tf')));
    const files = manifest(dir);
    assert.equal(files['terraform/shop/main.tf']?.project, 'shop');
    assert.equal(files['terraform/blog/main.tf']?.project, 'blog');
    // And again, the other way round: each run keeps the other's entries.
    assert.equal((await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir)).code, 0);
    assert.equal(manifest(dir)['terraform/blog/main.tf']?.project, 'blog');
    assert.equal((await runCli(['generate', '--check', '-f', 'blog.yaml'], dir)).code, 0);
  });

  test('--force deletes nothing of the other project either', async () => {
    const dir = twoProjects();
    await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    const run = await runCli(['generate', '--no-verify', '--force', '-f', 'blog.yaml'], dir);
    assert.equal(run.code, 0, run.err);
    assert.ok(existsSync(join(dir, 'terraform/shop/main.tf')));
  });

  test('a file another project wrote is a conflict, overwritten only with --force', async () => {
    const dir = twoProjects();
    writeFileSync(join(dir, 'blog.yaml'), compose('blog', 'terraform/shop', 'nginx:1.28'));
    await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    const run = await runCli(['generate', '--no-verify', '-f', 'blog.yaml'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /OUTPUT_CONFLICT +Not overwriting terraform\/shop\/ecs\.tf: the file was written by the ecsform project "shop" \(environment dev\)/);
    assert.match(readFileSync(join(dir, 'terraform/shop/ecs.tf'), 'utf8'), /nginx:1\.27/);
    const forced = await runCli(['generate', '--no-verify', '--force', '-f', 'blog.yaml'], dir);
    assert.equal(forced.code, 0, forced.err);
    assert.match(readFileSync(join(dir, 'terraform/shop/ecs.tf'), 'utf8'), /nginx:1\.28/);
    assert.equal(manifest(dir)['terraform/shop/ecs.tf']?.project, 'blog');
  });

  test('two environments of one project are two owners', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dev.yaml'), compose('shop', 'terraform/dev').replace('project: shop', 'project: shop, environment: dev'));
    writeFileSync(join(dir, 'prod.yaml'), compose('shop', 'terraform/prod').replace('project: shop', 'project: shop, environment: prod'));
    await runCli(['generate', '--no-verify', '-f', 'dev.yaml'], dir);
    assert.equal((await runCli(['generate', '--no-verify', '-f', 'prod.yaml'], dir)).code, 0);
    assert.ok(existsSync(join(dir, 'terraform/dev/main.tf')));
  });

  test('a manifest written before owners were recorded still works, and is upgraded', async () => {
    const dir = twoProjects();
    await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    const legacy = Object.fromEntries(Object.entries(manifest(dir)).map(([path, entry]) => [path, entry.sha256]));
    writeFileSync(join(dir, '.ecsform/manifest.json'), JSON.stringify({ version: 1, files: legacy }));
    const run = await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    assert.equal(run.code, 0, run.err);
    assert.equal(manifest(dir)['terraform/shop/main.tf']?.project, 'shop');
  });
});

describe('one run at a time, all or nothing', () => {
  test('a run finding the root locked by a running process exits 2 and writes nothing', async () => {
    const dir = twoProjects();
    mkdirSync(join(dir, '.ecsform'));
    writeFileSync(join(dir, '.ecsform/lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const run = await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /OUTPUT_LOCKED +Another ecsform run is writing to \. \(process \d+ on .*\)\. Nothing was written\./);
    assert.equal(existsSync(join(dir, 'terraform')), false);
    assert.ok(existsSync(join(dir, '.ecsform/lock')), 'the other run\'s lock is left alone');
    // --check and --dry-run only read.
    assert.equal((await runCli(['generate', '--dry-run', '--no-verify', '-f', 'shop.yaml'], dir)).code, 0);
  });

  test('a lock left by a process that has ended is taken over', async () => {
    const dir = twoProjects();
    mkdirSync(join(dir, '.ecsform'));
    writeFileSync(join(dir, '.ecsform/lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const run = await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    assert.equal(run.code, 0, run.err);
    assert.equal(existsSync(join(dir, '.ecsform/lock')), false);
  });

  test('a run that cannot write one file writes none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'compose.yaml'), 'x-ecsform: { project: shop, layout: module }\nservices:\n  web: { image: nginx:1.27, ports: ["80:80"] }\n');
    assert.equal((await runCli(['generate', '--no-verify'], dir)).code, 0, 'first run');
    const module = join(dir, 'terraform/modules/shop');
    const alb = readFileSync(join(module, 'alb.tf'), 'utf8');
    // The example's directory becomes a file: alb.tf, written before it in order, must not change alone.
    rmSync(join(module, 'examples'), { recursive: true });
    writeFileSync(join(module, 'examples'), 'a file where a directory should be');
    writeFileSync(join(dir, 'compose.yaml'), readFileSync(join(dir, 'compose.yaml'), 'utf8').replace('80:80', '8080:8080'));
    const run = await runCli(['generate', '--no-verify', '--force'], dir);
    assert.equal(run.code, 2, run.err);
    assert.match(run.err, /OUTPUT_UNWRITABLE +.*examples\/complete\/main\.tf/);
    assert.equal(readFileSync(join(module, 'alb.tf'), 'utf8'), alb);
    assert.deepEqual(readdirSync(module).filter((f) => f.startsWith('.ecsform-')), [], 'no temporary file is left');
  });

  test('a run interrupted half-way is undone by the next one', async () => {
    const dir = twoProjects();
    await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    const ecs = join(dir, 'terraform/shop/ecs.tf');
    const original = readFileSync(ecs, 'utf8');
    // What a run killed after one rename leaves: the new content in place, the old one as a backup, the journal.
    const backup = join(dir, 'terraform/shop/.ecsform-bak-1-x-ecs.tf');
    writeFileSync(backup, original);
    writeFileSync(ecs, 'half-written run\n');
    writeFileSync(join(dir, 'terraform/shop/new.tf'), 'created by the interrupted run\n');
    writeFileSync(
      join(dir, '.ecsform/journal.json'),
      JSON.stringify({ version: 1, entries: [{ target: ecs, backup }, { target: join(dir, 'terraform/shop/new.tf'), temporary: join(dir, 'terraform/shop/.ecsform-tmp-gone') }], createdDirectories: [] }),
    );
    const run = await runCli(['generate', '--no-verify', '-f', 'shop.yaml'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /an earlier run writing to \. was interrupted; the files it had changed were put back/);
    assert.equal(readFileSync(ecs, 'utf8'), original);
    assert.equal(existsSync(join(dir, 'terraform/shop/new.tf')), false);
    assert.equal(existsSync(backup), false);
    assert.equal(existsSync(join(dir, '.ecsform/journal.json')), false);
  });

  test('two concurrent runs with different inputs leave one complete output, never a mix', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), compose('shop', 'terraform', 'nginx:1.27'));
    writeFileSync(join(dir, 'b.yaml'), compose('shop', 'terraform', 'nginx:1.28'));
    await runCli(['generate', '--no-verify', '-f', 'a.yaml'], dir);
    const cli = fromRoot('dist/src/cli/bin.js');
    const child = (file: string) =>
      new Promise<number>((resolve) => {
        execFile(process.execPath, [cli, 'generate', '--no-verify', '--force', '-f', file], { cwd: dir }, (error) => resolve(error ? ((error as { code?: number }).code ?? 3) : 0));
      });
    const codes = await Promise.all([child('b.yaml'), child('a.yaml'), child('b.yaml'), child('a.yaml')]);
    for (const code of codes) assert.ok(code === 0 || code === 2, `exit ${code}`);
    assert.ok(codes.includes(0));
    const ecs = readFileSync(join(dir, 'terraform/ecs.tf'), 'utf8');
    const image = /nginx:1\.2[78]/.exec(ecs)?.[0];
    assert.ok(image);
    // Whichever run won, the files on disk are exactly what its input generates.
    const winner = image === 'nginx:1.27' ? 'a.yaml' : 'b.yaml';
    assert.equal((await runCli(['generate', '--check', '-f', winner], dir)).code, 0);
    assert.equal(existsSync(join(dir, '.ecsform/lock')), false);
  });
});
