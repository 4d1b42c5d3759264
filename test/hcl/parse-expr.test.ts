import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BinaryOperator, Expr, TemplateExpr } from '../../src/hcl/ast.js';
import { parseHcl } from '../../src/hcl/parser.js';
import { exprOf } from './helpers.js';

const name = (root: string): Expr => ({ kind: 'traversal', root, steps: [] });
const num = (value: number, raw = String(value)): Expr => ({ kind: 'literal', value, raw });
const str = (value: string): TemplateExpr => ({ kind: 'template', parts: [{ kind: 'string', value }] });
const attr = (n: string) => ({ kind: 'attr' as const, name: n });

describe('literals', () => {
  test('numbers keep their spelling: ints, decimals, exponents', () => {
    assert.deepEqual(exprOf('42'), num(42));
    assert.deepEqual(exprOf('1.50'), num(1.5, '1.50'));
    assert.deepEqual(exprOf('1e3'), num(1000, '1e3'));
    assert.deepEqual(exprOf('2.5E-2'), num(0.025, '2.5E-2'));
  });

  test('a minus before a number makes a negative literal, as num(-5) builds it', () => {
    assert.deepEqual(exprOf('-5'), num(-5, '-5'));
    assert.deepEqual(exprOf('-0.25'), num(-0.25, '-0.25'));
  });

  test('true, false and null', () => {
    assert.deepEqual(exprOf('true'), { kind: 'literal', value: true });
    assert.deepEqual(exprOf('false'), { kind: 'literal', value: false });
    assert.deepEqual(exprOf('null'), { kind: 'literal', value: null });
  });
});

describe('traversals', () => {
  test('a reference with attribute and index steps stays one traversal, whatever the keys', () => {
    assert.deepEqual(exprOf('a.b[0].c["k"][each.key]'), {
      kind: 'traversal',
      root: 'a',
      steps: [attr('b'), { kind: 'index', key: num(0) }, attr('c'), { kind: 'index', key: str('k') }, { kind: 'index', key: { kind: 'traversal', root: 'each', steps: [attr('key')] } }],
    });
  });

  test('identifiers may contain dashes', () => {
    assert.deepEqual(exprOf('module.my-module.output-name'), { kind: 'traversal', root: 'module', steps: [attr('my-module'), attr('output-name')] });
  });

  test('legacy index steps .0 (but not two in a row, which HCL rejects)', () => {
    assert.deepEqual(exprOf('a.0.b'), { kind: 'traversal', root: 'a', steps: [{ kind: 'index', key: num(0), legacy: true }, attr('b')] });
    assert.equal(parseHcl('t.tf', 'x = a.0.1\n').errors[0]?.summary, 'Invalid legacy index syntax');
  });

  test('steps on something that is not a name become index / getattr expressions', () => {
    assert.deepEqual(exprOf('f(x).id'), { kind: 'getattr', target: { kind: 'call', name: 'f', args: [name('x')], multiline: false }, name: 'id' });
    assert.deepEqual(exprOf('(a)[0]'), { kind: 'index', target: { kind: 'paren', inner: name('a') }, key: num(0) });
    assert.deepEqual(exprOf('[1, 2][0]'), { kind: 'index', target: { kind: 'tuple', items: [num(1), num(2)], multiline: false }, key: num(0) });
  });
});

describe('splats', () => {
  test('full splat with the steps after it', () => {
    assert.deepEqual(exprOf('aws_subnet.private[*].id'), { kind: 'splat', target: { kind: 'traversal', root: 'aws_subnet', steps: [attr('private')] }, style: 'full', steps: [attr('id')] });
    assert.deepEqual(exprOf('a[*].b[0].c'), { kind: 'splat', target: name('a'), style: 'full', steps: [attr('b'), { kind: 'index', key: num(0) }, attr('c')] });
  });

  test('attribute splat takes attribute steps; an index ends it', () => {
    assert.deepEqual(exprOf('a.*.b.c'), { kind: 'splat', target: name('a'), style: 'attr', steps: [attr('b'), attr('c')] });
    assert.deepEqual(exprOf('a.*.b[0]'), { kind: 'index', target: { kind: 'splat', target: name('a'), style: 'attr', steps: [attr('b')] }, key: num(0) });
  });

  test('a splat on a call result', () => {
    assert.deepEqual(exprOf('values(m)[*].id'), { kind: 'splat', target: { kind: 'call', name: 'values', args: [name('m')], multiline: false }, style: 'full', steps: [attr('id')] });
  });
});

describe('calls', () => {
  test('arguments, trailing comma, expansion', () => {
    assert.deepEqual(exprOf('f(a, "b",)'), { kind: 'call', name: 'f', args: [name('a'), str('b')], multiline: false });
    assert.deepEqual(exprOf('max(xs...)'), { kind: 'call', name: 'max', args: [name('xs')], expandFinal: true, multiline: false });
  });

  test('provider-namespaced functions join their name parts with ::', () => {
    assert.deepEqual(exprOf('provider::aws::arn_parse(var.arn)'), {
      kind: 'call',
      name: 'provider::aws::arn_parse',
      args: [{ kind: 'traversal', root: 'var', steps: [attr('arn')] }],
      multiline: false,
    });
  });

  test('multiline means a line break after the opening parenthesis', () => {
    assert.equal((exprOf('merge(\n  a,\n  b,\n)') as { multiline?: boolean }).multiline, true);
    assert.equal((exprOf('jsonencode({\n  a = 1\n})') as { multiline?: boolean }).multiline, false);
  });
});

describe('collections', () => {
  test('tuples with items separated by commas and newlines', () => {
    assert.deepEqual(exprOf('[1, 2]'), { kind: 'tuple', items: [num(1), num(2)], multiline: false });
    assert.deepEqual(exprOf('[\n  1,\n  2\n]'), { kind: 'tuple', items: [num(1), num(2)], multiline: true });
    assert.deepEqual(exprOf('[]'), { kind: 'tuple', items: [], multiline: false });
  });

  test('object keys: identifiers, quoted, parenthesized; = or :; commas or newlines', () => {
    assert.deepEqual(exprOf('{ a = 1, "b c" : 2, (var.k) = 3 }'), {
      kind: 'object',
      items: [
        { key: name('a'), value: num(1), separator: '=' },
        { key: str('b c'), value: num(2), separator: ':' },
        { key: { kind: 'paren', inner: { kind: 'traversal', root: 'var', steps: [attr('k')] } }, value: num(3), separator: '=' },
      ],
      multiline: false,
    });
    assert.deepEqual(exprOf('{\n  a = 1\n  b = 2,\n}'), {
      kind: 'object',
      items: [
        { key: name('a'), value: num(1), separator: '=' },
        { key: name('b'), value: num(2), separator: '=' },
      ],
      multiline: true,
    });
  });

  test('a bare key that spells a keyword is still a name', () => {
    assert.deepEqual(exprOf('{ null = 1, for = 2 }'), {
      kind: 'object',
      items: [
        { key: name('null'), value: num(1), separator: '=' },
        { key: name('for'), value: num(2), separator: '=' },
      ],
      multiline: false,
    });
  });
});

describe('for expressions', () => {
  test('tuple for with key, value and condition', () => {
    assert.deepEqual(exprOf('[for i, s in var.list : upper(s) if i > 0]'), {
      kind: 'for',
      result: 'tuple',
      keyVar: 'i',
      valueVar: 's',
      collection: { kind: 'traversal', root: 'var', steps: [attr('list')] },
      valueExpr: { kind: 'call', name: 'upper', args: [name('s')], multiline: false },
      cond: { kind: 'binary', op: '>', left: name('i'), right: num(0) },
      multiline: false,
    });
  });

  test('object for with grouping, split over lines', () => {
    assert.deepEqual(exprOf('{\n  for k, v in m : v.team => k...\n}'), {
      kind: 'for',
      result: 'object',
      keyVar: 'k',
      valueVar: 'v',
      collection: name('m'),
      keyExpr: { kind: 'traversal', root: 'v', steps: [attr('team')] },
      valueExpr: name('k'),
      grouping: true,
      multiline: true,
    });
  });

  test('a literal tuple as the collection', () => {
    assert.deepEqual(exprOf('[for x in [1] : x]'), { kind: 'for', result: 'tuple', valueVar: 'x', collection: { kind: 'tuple', items: [num(1)], multiline: false }, valueExpr: name('x'), multiline: false });
  });
});

describe('operators', () => {
  test('precedence: || < && < == != < comparisons < + - < * / %', () => {
    const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
    assert.deepEqual(exprOf('a || b && c == d'), bin('||', name('a'), bin('&&', name('b'), bin('==', name('c'), name('d')))));
    assert.deepEqual(exprOf('a < b + c * d'), bin('<', name('a'), bin('+', name('b'), bin('*', name('c'), name('d')))));
    assert.deepEqual(exprOf('a - b - c'), bin('-', bin('-', name('a'), name('b')), name('c')));
    assert.deepEqual(exprOf('a % b / c != d'), bin('!=', bin('/', bin('%', name('a'), name('b')), name('c')), name('d')));
  });

  test('unary operators bind tighter than binary ones and take postfix steps', () => {
    assert.deepEqual(exprOf('!a.b && -c'), {
      kind: 'binary',
      op: '&&',
      left: { kind: 'unary', op: '!', operand: { kind: 'traversal', root: 'a', steps: [attr('b')] } },
      right: { kind: 'unary', op: '-', operand: name('c') },
    });
  });

  test('conditionals are right-associative and lowest', () => {
    assert.deepEqual(exprOf('a ? b : c ? d : e'), {
      kind: 'conditional',
      cond: name('a'),
      then: name('b'),
      else: { kind: 'conditional', cond: name('c'), then: name('d'), else: name('e') },
    });
    assert.deepEqual(exprOf('x != null ? [x] : []'), {
      kind: 'conditional',
      cond: { kind: 'binary', op: '!=', left: name('x'), right: { kind: 'literal', value: null } },
      then: { kind: 'tuple', items: [name('x')], multiline: false },
      else: { kind: 'tuple', items: [], multiline: false },
    });
  });

  test('parentheses are kept, and newlines inside them are ignored', () => {
    assert.deepEqual(exprOf('(a +\n b) * c'), { kind: 'binary', op: '*', left: { kind: 'paren', inner: { kind: 'binary', op: '+', left: name('a'), right: name('b') } }, right: name('c') });
  });
});
