import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCpus, parseDurationSeconds, parseMemoryBytes } from '../../src/load/compose/index.js';
import { shellSplit } from '../../src/load/compose/shell-split.js';
import { parseShortVolume } from '../../src/load/compose/volume-spec.js';

test('durations follow Go time.ParseDuration', () => {
  const cases: Array<[string, number | undefined]> = [
    ['10s', 10],
    ['1m30s', 90],
    ['500ms', 0.5],
    ['1.5h', 5400],
    ['2h45m', 9900],
    ['250us', 0.00025],
    ['100ns', 1e-7],
    ['0', 0],
    ['+5s', 5],
    ['.5s', 0.5],
    ['10', undefined],
    ['10 s', undefined],
    ['1d', undefined],
    ['-5s', undefined],
    ['', undefined],
    ['s', undefined],
  ];
  for (const [text, seconds] of cases) assert.equal(parseDurationSeconds(text), seconds, text);
});

test('memory sizes follow docker/go-units RAMInBytes (powers of 1024, b/ib suffixes, any case)', () => {
  const MiB = 1024 * 1024;
  const cases: Array<[string | number, number | undefined]> = [
    ['512m', 512 * MiB],
    ['512M', 512 * MiB],
    ['512MB', 512 * MiB],
    ['512mib', 512 * MiB],
    ['1g', 1024 * MiB],
    ['1GiB', 1024 * MiB],
    ['1.5g', 1536 * MiB],
    ['2 gb', 2048 * MiB],
    ['100k', 102400],
    ['1024', 1024],
    ['1024b', 1024],
    [1048576, MiB],
    ['1t', 1024 ** 4],
    ['12x', undefined],
    ['1mbb', undefined],
    ['m', undefined],
    ['-1m', undefined],
    [1.5, undefined],
  ];
  for (const [size, bytes] of cases) assert.equal(parseMemoryBytes(size), bytes, String(size));
});

test('CPU counts are non-negative numbers given as numbers or strings', () => {
  assert.equal(parseCpus('0.5'), 0.5);
  assert.equal(parseCpus(2), 2);
  assert.equal(parseCpus(' 1.25 '), 1.25);
  assert.equal(parseCpus('lots'), undefined);
  assert.equal(parseCpus('-1'), undefined);
  assert.equal(parseCpus(-0.5), undefined);
});

test('command strings split like mattn/go-shellwords', () => {
  const cases: Array<[string, readonly string[]]> = [
    ['echo hello world', ['echo', 'hello', 'world']],
    [`sh -c 'echo $HOME && ls'`, ['sh', '-c', 'echo $HOME && ls']],
    ['a "b c" d', ['a', 'b c', 'd']],
    ['a\\ b', ['a b']],
    ['tab\\tnew\\n', ['tab\tnew\n']],
    ['echo $(date) `id`', ['echo', '$(date)', '`id`']],
    ['x ""', ['x', '']],
    ['  spaced   out  ', ['spaced', 'out']],
    ['"quoted;semicolon"', ['quoted;semicolon']],
  ];
  for (const [line, words] of cases) assert.deepEqual(shellSplit(line), { ok: true, words }, line);
  assert.deepEqual(shellSplit('a; b'), { ok: true, words: ['a'], droppedFrom: '; b' });
  assert.deepEqual(shellSplit('run 2>/dev/null'), { ok: true, words: ['run'], droppedFrom: '2>/dev/null' });
  assert.deepEqual(shellSplit('cat < in | wc'), { ok: true, words: ['cat'], droppedFrom: '< in | wc' });
  assert.equal(shellSplit('echo "open').ok, false);
  assert.equal(shellSplit('echo (x)').ok, false);
  assert.equal(shellSplit('trailing\\').ok, false);
});

test('short volume specs parse as compose-go ParseVolume does', () => {
  assert.deepEqual(parseShortVolume('/data'), { ok: true, volume: { type: 'volume', target: '/data', readOnly: false } });
  assert.deepEqual(parseShortVolume('db:/var/lib/db:ro'), { ok: true, volume: { type: 'volume', source: 'db', target: '/var/lib/db', readOnly: true } });
  assert.deepEqual(parseShortVolume('C:\\data:/data'), { ok: true, volume: { type: 'bind', source: 'C:\\data', target: '/data', readOnly: false } });
  assert.deepEqual(parseShortVolume('./a:/b:z,ro'), { ok: true, volume: { type: 'bind', source: './a', target: '/b', readOnly: true } });
  assert.deepEqual(parseShortVolume(''), { ok: false, reason: 'the volume is empty' });
});
