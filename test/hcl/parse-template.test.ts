import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Expr, TemplateExpr } from '../../src/hcl/ast.js';
import { checkSyntax } from '../../src/hcl/wasm.js';
import { exprOf } from './helpers.js';

const name = (root: string): Expr => ({ kind: 'traversal', root, steps: [] });
const template = (source: string) => exprOf(source) as TemplateExpr;

describe('quoted templates', () => {
  test('escapes are decoded: \\n \\t \\" \\\\ \\r \\uNNNN \\UNNNNNNNN $${ %%{', () => {
    assert.deepEqual(template('"a\\nb\\tc\\"d\\\\e\\rf\\u00e9\\U0001F600 $${x} %%{y}"'), {
      kind: 'template',
      parts: [{ kind: 'string', value: 'a\nb\tc"d\\e\rfé😀 ${x} %{y}' }],
    });
  });

  test('the empty string has no parts', () => {
    assert.deepEqual(template('""'), { kind: 'template', parts: [] });
  });

  test('interpolations, with strip markers', () => {
    assert.deepEqual(template('"${local.prefix}-${~ var.x ~}!"'), {
      kind: 'template',
      parts: [
        { kind: 'interpolation', expr: { kind: 'traversal', root: 'local', steps: [{ kind: 'attr', name: 'prefix' }] } },
        { kind: 'string', value: '-' },
        { kind: 'interpolation', expr: { kind: 'traversal', root: 'var', steps: [{ kind: 'attr', name: 'x' }] }, stripLeft: true, stripRight: true },
        { kind: 'string', value: '!' },
      ],
    });
  });

  test('if / else / endif directives, strip markers kept per delimiter', () => {
    assert.deepEqual(template('"%{ if a ~}yes%{ else }no%{~ endif }"'), {
      kind: 'template',
      parts: [
        {
          kind: 'if',
          cond: name('a'),
          then: [{ kind: 'string', value: 'yes' }],
          else: [{ kind: 'string', value: 'no' }],
          strip: { open: { right: true }, close: { left: true } },
        },
      ],
    });
  });

  test('for directives with key and value', () => {
    assert.deepEqual(template('"%{ for k, v in m }${k}=${v};%{ endfor }"'), {
      kind: 'template',
      parts: [
        {
          kind: 'for',
          keyVar: 'k',
          valueVar: 'v',
          collection: name('m'),
          body: [{ kind: 'interpolation', expr: name('k') }, { kind: 'string', value: '=' }, { kind: 'interpolation', expr: name('v') }, { kind: 'string', value: ';' }],
        },
      ],
    });
  });

  test('a nested string inside an interpolation', () => {
    assert.deepEqual(template('"${join(",", ["a"])}"'), {
      kind: 'template',
      parts: [
        {
          kind: 'interpolation',
          expr: { kind: 'call', name: 'join', args: [{ kind: 'template', parts: [{ kind: 'string', value: ',' }] }, { kind: 'tuple', items: [{ kind: 'template', parts: [{ kind: 'string', value: 'a' }] }], multiline: false }], multiline: false },
        },
      ],
    });
  });
});

describe('heredocs', () => {
  test('<<EOT keeps the text as written, backslashes included', () => {
    assert.deepEqual(template('<<EOT\n  keep\n\\n stays\nEOT'), { kind: 'template', parts: [{ kind: 'string', value: '  keep\n\\n stays\n' }], heredoc: { marker: 'EOT', indented: false } });
  });

  test('<<-EOT removes the smallest indentation of the non-blank lines', () => {
    const source = '<<-EOT\n    {\n      "a": 1\n\n    }\n  EOT';
    assert.deepEqual(template(source), { kind: 'template', parts: [{ kind: 'string', value: '{\n  "a": 1\n\n}\n' }], heredoc: { marker: 'EOT', indented: true } });
  });

  test('<<-EOT: whitespace-only lines are neither counted nor trimmed (as in hclsyntax)', () => {
    const source = '<<-EOT\n    a\n  \n    b\n  EOT';
    assert.deepEqual(template(source), { kind: 'template', parts: [{ kind: 'string', value: 'a\n  \nb\n' }], heredoc: { marker: 'EOT', indented: true } });
  });

  test('<<-EOT: a line starting with an interpolation counts as unindented', () => {
    const source = '<<-EOT\n${x}\n    b\nEOT';
    assert.deepEqual(template(source), { kind: 'template', parts: [{ kind: 'interpolation', expr: name('x') }, { kind: 'string', value: '\n    b\n' }], heredoc: { marker: 'EOT', indented: true } });
  });

  test('$${ and %%{ are unescaped in heredocs too; directives work across lines', () => {
    const source = '<<-EOT\n  $${a}\n  %{ for x in xs ~}\n  ${x}\n  %{ endfor ~}\nEOT';
    assert.deepEqual(template(source), {
      kind: 'template',
      parts: [
        { kind: 'string', value: '${a}\n' },
        { kind: 'for', valueVar: 'x', collection: name('xs'), body: [{ kind: 'string', value: '\n' }, { kind: 'interpolation', expr: name('x') }, { kind: 'string', value: '\n' }], strip: { open: { right: true }, close: { right: true } } },
        { kind: 'string', value: '\n' },
      ],
      heredoc: { marker: 'EOT', indented: true },
    });
  });
});

describe('decoded text agrees with HashiCorp parser', () => {
  // hcl2json returns literal strings with `${`/`%{` re-escaped, as Terraform JSON spells them.
  const reescape = (text: string) => text.replace(/([$%])\{/g, '$1$1{');
  const cases = [
    '"tab\\t quote\\" back\\\\ \\u00e9 \\U0001F600 $${x} %%{y} $$${z}"',
    '<<-EOT\n    line1\n      indented\n\t\n    $${x} %%{y} \\n\n  EOT',
    '<<EOT\n  keep\n\tand\nEOT',
    '<<-EOT\n\t\ttabs\n\t\t  and spaces\n\tEOT',
  ];
  for (const source of cases) {
    test(JSON.stringify(source.slice(0, 30)), async () => {
      const ours = template(source);
      const { parse } = (await import('@cdktn/hcl2json' as string)) as { parse(f: string, t: string): Promise<Record<string, unknown>> };
      const theirs = await parse('t.tf', `x = ${source}\n`);
      assert.equal(ours.parts.length, 1);
      const part = ours.parts[0]!;
      assert.equal(part.kind, 'string');
      assert.equal(reescape(part.kind === 'string' ? part.value : ''), theirs.x);
      assert.deepEqual(await checkSyntax('t.tf', `x = ${source}\n`), []);
    });
  }
});
