/** Applying file changes all or nothing, and undoing an interrupted run from its journal. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyAllOrNothing, recoverInterrupted } from '../../src/cli/files/transaction.js';
import { tempDir } from '../helpers/cli.js';

const shown = (path: string) => path;

test('a change that cannot be prepared leaves every file as it was, and no temporary file', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.tf'), 'old a\n');
  writeFileSync(join(dir, 'b.tf'), 'old b\n');
  writeFileSync(join(dir, 'blocker'), 'a file where a directory should be');
  assert.throws(
    () =>
      applyAllOrNothing(
        [
          { kind: 'write', path: join(dir, 'a.tf'), content: 'new a\n' },
          { kind: 'delete', path: join(dir, 'b.tf') },
          { kind: 'write', path: join(dir, 'new/c.tf'), content: 'c\n' },
          { kind: 'write', path: join(dir, 'blocker/d.tf'), content: 'd\n' },
        ],
        join(dir, 'journal.json'),
        shown,
      ),
    /OUTPUT_UNWRITABLE|a parent of it is a file/,
  );
  assert.equal(readFileSync(join(dir, 'a.tf'), 'utf8'), 'old a\n');
  assert.equal(readFileSync(join(dir, 'b.tf'), 'utf8'), 'old b\n');
  assert.deepEqual(readdirSync(dir).sort(), ['a.tf', 'b.tf', 'blocker']);
});

test('a completed change replaces, creates and deletes, keeps permission bits, and leaves nothing behind', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.tf'), 'old a\n');
  chmodSync(join(dir, 'a.tf'), 0o600);
  writeFileSync(join(dir, 'b.tf'), 'old b\n');
  applyAllOrNothing(
    [
      { kind: 'write', path: join(dir, 'a.tf'), content: 'new a\n' },
      { kind: 'delete', path: join(dir, 'b.tf') },
      { kind: 'write', path: join(dir, 'new/c.tf'), content: 'c\n' },
    ],
    join(dir, 'journal.json'),
    shown,
  );
  assert.equal(readFileSync(join(dir, 'a.tf'), 'utf8'), 'new a\n');
  assert.equal(statSync(join(dir, 'a.tf')).mode & 0o777, 0o600);
  assert.equal(existsSync(join(dir, 'b.tf')), false);
  assert.equal(readFileSync(join(dir, 'new/c.tf'), 'utf8'), 'c\n');
  assert.deepEqual(readdirSync(dir).sort(), ['a.tf', 'new']);
});

test('recovery puts back replaced and deleted files and removes created ones', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'created'));
  writeFileSync(join(dir, 'a.tf'), 'new a\n');
  writeFileSync(join(dir, '.ecsform-bak-a'), 'old a\n');
  writeFileSync(join(dir, '.ecsform-bak-b'), 'old b\n');
  writeFileSync(join(dir, 'created/c.tf'), 'c\n');
  writeFileSync(join(dir, '.ecsform-tmp-d'), 'd, never renamed\n');
  const journal = join(dir, 'journal.json');
  writeFileSync(
    journal,
    JSON.stringify({
      version: 1,
      entries: [
        { target: join(dir, 'a.tf'), temporary: join(dir, '.ecsform-tmp-a'), backup: join(dir, '.ecsform-bak-a') },
        { target: join(dir, 'b.tf'), backup: join(dir, '.ecsform-bak-b') },
        { target: join(dir, 'created/c.tf'), temporary: join(dir, '.ecsform-tmp-c') },
        { target: join(dir, 'd.tf'), temporary: join(dir, '.ecsform-tmp-d') },
      ],
      createdDirectories: [join(dir, 'created')],
    }),
  );
  assert.equal(recoverInterrupted(journal), true);
  assert.deepEqual(readdirSync(dir).sort(), ['a.tf', 'b.tf']);
  assert.equal(readFileSync(join(dir, 'a.tf'), 'utf8'), 'old a\n');
  assert.equal(readFileSync(join(dir, 'b.tf'), 'utf8'), 'old b\n');
  assert.equal(recoverInterrupted(journal), false);
});
