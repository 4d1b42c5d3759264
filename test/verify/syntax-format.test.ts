/** Syntax (HashiCorp's parser) and formatting (hclwrite) checks, and the text `--fix` writes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHcl } from '../../src/hcl/index.js';
import { formatTerraform } from '../../src/verify/index.js';
import { firstDifferingLine } from '../../src/verify/format.js';
import { checkFileSyntax } from '../../src/verify/syntax.js';
import { summarize, verifyFiles } from './fixtures.js';

describe('syntax and format', () => {
  test("syntax errors come from HashiCorp's parser with its line and column; the file is not checked further", async () => {
    const { findings, modules } = await verifyFiles({ 'main.tf': 'locals {\n  a = \n}\n', 'ok.tf': 'locals {\n  b = 1\n}\n' });
    const syntax = findings.filter((f) => f.code === 'HCL_SYNTAX');
    assert.deepEqual(summarize(syntax), ['HCL_SYNTAX main.tf:2']);
    assert.equal(syntax[0]!.column, 7);
    assert.match(syntax[0]!.message, /Invalid expression/);
    assert.deepEqual(
      modules[0]?.files.map((f) => f.path),
      ['ok.tf'],
    );
    assert.equal(modules[0]?.complete, false);
    assert.ok(!findings.some((f) => f.code === 'HCL_FORMAT' && f.file === 'main.tf'));
  });

  test("where only our parser fails, that is reported as our gap (info) and the file is skipped", async () => {
    const text = 'locals {\n  a = 1\n}\n';
    const { file } = parseHcl('main.tf', text);
    const range = { start: { line: 2, column: 3, offset: 11 }, end: { line: 2, column: 4, offset: 12 } };
    const ourError = { file: 'main.tf', message: 'Invented: pretend our parser failed', summary: 'Invented', line: 2, column: 3, range };
    const verdict = await checkFileSyntax([{ file: { path: 'main.tf', text }, ast: file, errors: [ourError] }]);
    assert.deepEqual(summarize(verdict.findings), ['HCL_PARSER_GAP main.tf:2']);
    assert.equal(verdict.findings[0]!.severity, 'info');
    assert.equal(verdict.usable.size, 0);
  });

  test('formatting: the first differing line, and the formatted text for --fix', async () => {
    const text = 'locals {\n  a = 1\n  long_name = 2\n}\n';
    const { findings } = await verifyFiles({ 'main.tf': text }, ['format']);
    assert.deepEqual(summarize(findings), ['HCL_FORMAT main.tf:2']);
    const fixed = await formatTerraform(text);
    assert.equal(fixed, 'locals {\n  a         = 1\n  long_name = 2\n}\n');
    const again = await verifyFiles({ 'main.tf': fixed }, ['format']);
    assert.deepEqual(again.findings, []);
  });

  test('firstDifferingLine', () => {
    assert.equal(firstDifferingLine('a\nb\nc', 'a\nb\nc'), 3);
    assert.equal(firstDifferingLine('a\nb', 'a\nB'), 2);
    assert.equal(firstDifferingLine('a\n', 'a\n\n'), 3);
  });

  test('checks can be chosen, and timings are reported for the ones that ran', async () => {
    const result = await verifyFiles({ 'main.tf': 'locals {\n  a = 1\n  long_name = var.nope\n}\n' }, ['references']);
    assert.deepEqual(summarize(result.findings), ['REF_UNDECLARED main.tf:3']);
    assert.deepEqual(Object.keys(result.timings).sort(), ['parse', 'references', 'total']);
  });
});
