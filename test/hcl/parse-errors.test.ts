import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHcl } from '../../src/hcl/parser.js';
import { checkSyntax } from '../../src/hcl/wasm.js';

function firstError(text: string) {
  const { errors } = parseHcl('bad.tf', text);
  assert.ok(errors.length > 0, 'expected an error');
  const error = errors[0]!;
  return { at: `${error.line}:${error.column}`, summary: error.summary, end: `${error.range.end.line}:${error.range.end.column}` };
}

describe('error positions', () => {
  test('unclosed brace points at the opening brace', () => {
    assert.deepEqual(firstError('resource "a" "b" {\n  x = 1\n'), { at: '1:18', summary: 'Unclosed configuration block', end: '1:19' });
  });

  test('missing value points at what came instead', () => {
    assert.deepEqual(firstError('a = \nb = 2\n'), { at: '1:5', summary: 'Invalid expression', end: '2:1' });
  });

  test('bad tokens', () => {
    assert.deepEqual(firstError('a = 1\nb = @\n'), { at: '2:5', summary: 'Invalid character', end: '2:6' });
    assert.deepEqual(firstError('a = 1\nb = 2 ^ 3\n'), { at: '2:7', summary: 'Unsupported operator', end: '2:8' });
    assert.deepEqual(firstError('a = "日本" + @\n'), { at: '1:12', summary: 'Invalid character', end: '1:13' });
  });

  test('unterminated string points at the line break', () => {
    assert.deepEqual(firstError('a = "abc\nb = 1\n'), { at: '1:9', summary: 'Invalid multi-line string', end: '2:1' });
  });

  test('unterminated heredoc points at its opening marker', () => {
    const error = firstError('a = <<EOT\nfoo\nbar\n');
    assert.deepEqual(error, { at: '1:5', summary: 'Unterminated template string', end: '1:10' });
    assert.match(parseHcl('bad.tf', 'a = <<EOT\nfoo\n').errors[0]!.message, /"EOT"/);
  });

  test('the parser never throws and keeps what it could parse', () => {
    const { file, errors } = parseHcl('bad.tf', 'a = 1\nb = [1 2]\nc = 3\n');
    assert.equal(errors.length, 1);
    assert.deepEqual(
      file.body.items.map((item) => (item.kind === 'attribute' ? item.name : item.kind)),
      ['a', 'b', 'c'],
    );
  });
});

describe('first error agrees with HashiCorp parser', () => {
  // Deliberate differences: an unterminated heredoc is reported at its opener (HCL: end of file),
  // an unterminated `/*` as such (HCL: as an invalid expression).
  const cases: Record<string, string> = {
    unclosedBrace: 'resource "a" "b" {\n  x = 1\n',
    missingValue: 'a = \nb = 2\n',
    bitwise: 'a = 1\nb = 2 ^ 3\n',
    badCharacter: 'a = 1\nb = @\n',
    multiLineString: 'a = "abc\nb = 1\n',
    noNewline: 'a = 1 b = 2\n',
    quotedName: '"a" = 1\n',
    tupleSeparator: 'a = [1 2]\n',
    objectSeparator: 'a = { b = 1 c = 2 }\n',
    singleLineBlock: 'a { b = 1\n c = 2 }\n',
    badEscape: 'a = "x\\q"\n',
    callSeparator: 'a = f(1, 2\nb = 3\n',
    astral: 'a = "😀😀" + @\n',
    labelTemplate: 'resource "a${x}" "b" {}\n',
    dotWithoutName: 'a = x.\n',
    missingEndif: 'a = "%{ if x }y"\n',
    nestedBrackets: 'r "x" {\n  a {\n    b = [1,\n  }\n}\n',
    missingEquals: 'a 1\n',
    strayBrace: 'a = 1\n}\nb = 2\n',
    unclosedTuple: 'a = [1, 2\n',
    conditionalWithoutColon: 'a = x ? 1\n',
    forWithoutIn: 'a = [for x y : x]\n',
    doubleEquals: 'a = b = c\n',
    blockWithoutNewline: 'a {} b = 1\n',
    emptyInterpolation: 'a = "${}"\n',
    badDirective: 'a = "%{ foo }"\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(name, async () => {
      const ours = parseHcl('bad.tf', text).errors[0];
      const theirs = (await checkSyntax('bad.tf', text))[0];
      assert.ok(ours && theirs, 'both parsers report an error');
      assert.deepEqual({ line: ours.line, column: ours.column, summary: ours.summary }, { line: theirs.line, column: theirs.column, summary: theirs.summary });
    });
  }
});
