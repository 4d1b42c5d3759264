/** Nesting deeper than the parser's bound is an error at its place, never a stack overflow. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_HCL_DEPTH, parseHcl } from '../../src/hcl/index.js';

const DEEP = 20_000;

const cases: Record<string, string> = {
  parentheses: `x = ${'('.repeat(DEEP)}1${')'.repeat(DEEP)}`,
  tuples: `x = ${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
  objects: `x = ${'{a = '.repeat(DEEP)}1${'}'.repeat(DEEP)}`,
  calls: `x = ${'f('.repeat(DEEP)}1${')'.repeat(DEEP)}`,
  negations: `x = ${'!'.repeat(DEEP)}true`,
  'unary minus': `x = ${'-'.repeat(DEEP)}1`,
  conditionals: `x = ${'a ? 1 : '.repeat(DEEP)}2`,
  templates: `x = ${'"${'.repeat(DEEP)}1${'}"'.repeat(DEEP)}`,
  blocks: `${'a {\n'.repeat(DEEP)}${'}\n'.repeat(DEEP)}`,
};

for (const [name, body] of Object.entries(cases)) {
  test(`${name} nested ${DEEP.toLocaleString('en-US')} deep: one error, an empty document`, () => {
    const { file, errors } = parseHcl('main.tf', `${body}\n`);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, new RegExp(`Nesting too deep: .*more than ${MAX_HCL_DEPTH} levels`));
    assert.deepEqual(file.body.items, []);
  });
}

test('long flat chains are not nesting', () => {
  for (const body of [`x = 1${' + 1'.repeat(DEEP)}`, `x = a${'.b'.repeat(DEEP)}`, `x = [${'a ? 1 : 2, '.repeat(DEEP)}]`, `locals {\n${'  a = b ? 1 : 2\n'.repeat(2000)}}`]) {
    assert.deepEqual(parseHcl('main.tf', `${body}\n`).errors, []);
  }
});

test('nesting within the bound parses', () => {
  const depth = MAX_HCL_DEPTH - 2;
  assert.deepEqual(parseHcl('main.tf', `x = ${'['.repeat(depth)}${']'.repeat(depth)}\n`).errors, []);
});
