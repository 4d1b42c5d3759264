import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { checkSyntax, diagnosticsFromMessage, formatHcl, warmUp } from '../../src/hcl/wasm.js';

before(warmUp);

describe('checkSyntax', () => {
  test('valid HCL has no errors', async () => {
    assert.deepEqual(await checkSyntax('ok.tf', 'resource "a" "b" {\n  x = [for s in var.l : upper(s)]\n}\n'), []);
  });

  test('one error, with file, line, column, summary and detail', async () => {
    const [error, ...rest] = await checkSyntax('main.tf', 'locals {\n  a = \n}\n');
    assert.deepEqual(rest, []);
    assert.equal(error?.file, 'main.tf');
    assert.deepEqual({ line: error?.line, column: error?.column, end: error?.range.end.line }, { line: 2, column: 7, end: 3 });
    assert.equal(error?.summary, 'Invalid expression');
    assert.equal(error?.detail, 'Expected the start of an expression, but found an invalid expression token.');
    assert.equal(error?.range.start.offset, 'locals {\n  a = '.length);
  });

  test('several diagnostics come back as several errors, in source order', async () => {
    const errors = await checkSyntax('bad.tf', 'a = 1\nb = 2 ^ 3\nc = "x\n');
    assert.deepEqual(
      errors.map((e) => `${e.line}:${e.column} ${e.summary}`),
      ['2:7 Unsupported operator', '2:7 Missing newline after argument', '3:7 Invalid multi-line string'],
    );
  });

  test('file names with spaces and regex characters', async () => {
    const [error] = await checkSyntax('my (1).tf+', 'a = @\n');
    assert.deepEqual({ file: error?.file, line: error?.line, column: error?.column }, { file: 'my (1).tf+', line: 1, column: 5 });
  });

  test('columns count characters, not bytes', async () => {
    const [error] = await checkSyntax('u.tf', 'a = "日本😀" + @\n');
    assert.equal(error?.column, 13);
    assert.equal(error?.range.start.offset, 'a = "日本😀" + '.length);
  });

  test('an attribute set twice is reported, as Terraform would', async () => {
    const [error] = await checkSyntax('d.tf', 'a = 1\na = 2\n');
    assert.equal(error?.summary, 'Attribute redefined');
    assert.equal(error?.line, 2);
  });
});

describe('diagnosticsFromMessage', () => {
  test('splits a multi-diagnostic message whose details contain punctuation', () => {
    const message = 'parse config: [x.tf:1,9-2,1: Invalid multi-line string; Quoted strings may not be split; use \\n. x.tf:3,5-6: Invalid character; This character is not used within the language.]';
    const errors = diagnosticsFromMessage('x.tf', 'a = "abc\n\nb = @\n', message);
    assert.deepEqual(
      errors.map((e) => [e.line, e.column, e.range.end.line, e.range.end.column, e.summary, e.detail]),
      [
        [1, 9, 2, 1, 'Invalid multi-line string', 'Quoted strings may not be split; use \\n.'],
        [3, 5, 3, 6, 'Invalid character', 'This character is not used within the language.'],
      ],
    );
  });

  test('an unexpected message becomes one error at the start of the file', () => {
    const [error] = diagnosticsFromMessage('x.tf', 'a = 1\n', 'something else');
    assert.deepEqual({ line: error?.line, column: error?.column, message: error?.message }, { line: 1, column: 1, message: 'something else' });
  });
});

describe('formatHcl', () => {
  test('formats as terraform fmt does and is idempotent', async () => {
    const messy = 'resource "a" "b" {\nx=1\n  long_name   =    "v"\ntags={a=1}\n}\n';
    const formatted = await formatHcl(messy);
    assert.equal(formatted, 'resource "a" "b" {\n  x         = 1\n  long_name = "v"\n  tags      = { a = 1 }\n}\n');
    assert.equal(await formatHcl(formatted), formatted);
  });

  test('concurrent calls after warm-up', async () => {
    const results = await Promise.all(['a=1\n', 'b  =  2\n', 'c = [1,2]\n'].map((text) => formatHcl(text)));
    assert.deepEqual(results, ['a = 1\n', 'b = 2\n', 'c = [1, 2]\n']);
  });
});
