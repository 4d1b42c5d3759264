import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Attribute, Block, Range, TemplateExpr, TraversalExpr } from '../../src/hcl/ast.js';
import { parseOk, stripRanges } from './helpers.js';

/** `line:column-line:column` of a range, for compact assertions. */
const at = (range: Range | undefined) => (range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : 'none');

describe('structure', () => {
  test('attributes and blocks with quoted and identifier labels', () => {
    const file = parseOk('a = 1\nresource "aws_vpc" main {\n  cidr_block = "10.0.0.0/16"\n}\n');
    assert.deepEqual(stripRanges(file.body.items), [
      { kind: 'attribute', name: 'a', expr: { kind: 'literal', value: 1, raw: '1' } },
      {
        kind: 'block',
        type: 'resource',
        labels: ['aws_vpc', 'main'],
        body: { items: [{ kind: 'attribute', name: 'cidr_block', expr: { kind: 'template', parts: [{ kind: 'string', value: '10.0.0.0/16' }] } }] },
      },
    ]);
  });

  test('one-line blocks and empty blocks', () => {
    const file = parseOk('a { b = 1 }\nc "x" {}\n');
    assert.deepEqual(stripRanges(file.body.items), [
      { kind: 'block', type: 'a', labels: [], body: { items: [{ kind: 'attribute', name: 'b', expr: { kind: 'literal', value: 1, raw: '1' } }] } },
      { kind: 'block', type: 'c', labels: ['x'], body: { items: [] } },
    ]);
  });

  test('a label with escapes is decoded', () => {
    const block = parseOk('a "x\\"y" {}\n').body.items[0] as Block;
    assert.deepEqual(block.labels, ['x"y']);
  });

  test('CRLF line endings and a missing final newline are fine', () => {
    const file = parseOk('a = 1\r\nb {\r\n  c = "x"\r\n}');
    assert.equal(file.body.items.length, 2);
  });

  test('blank lines the writer would not add become BlankLine items', () => {
    const file = parseOk('resource "r" "n" {\n  count = 1\n\n  a = 1\n  b = 2\n\n  c = 3\n\n  d {}\n}\n');
    const body = (file.body.items[0] as Block).body.items.map((item) => (item.kind === 'attribute' ? item.name : item.kind === 'block' ? `${item.type}{}` : 'blank'));
    // After `count` and before the nested block the writer adds blank lines itself.
    assert.deepEqual(body, ['count', 'a', 'b', 'blank', 'c', 'd{}']);
  });
});

describe('ranges', () => {
  const source = [
    'resource "aws_subnet" "private" {', // 1
    '  for_each = local.subnets', // 2
    '  name     = "${local.prefix}-${each.key}"', // 3
    '  ids      = f(a, b)', // 4
    '}', // 5
    '', // 6
  ].join('\n');
  const block = parseOk(source).body.items[0] as Block;
  const [forEach, nameAttr, ids] = block.body.items as Attribute[];

  test('block type and label ranges (labels include their quotes)', () => {
    assert.equal(at(block.typeRange), '1:1-1:9');
    assert.deepEqual(block.labelRanges?.map(at), ['1:10-1:22', '1:23-1:32']);
    assert.equal(at(block.range), '1:1-5:2');
    assert.equal(at(block.body.range), '1:34-5:1');
  });

  test('attribute name and value ranges', () => {
    assert.equal(at(forEach!.nameRange), '2:3-2:11');
    assert.equal(at(forEach!.range), '2:3-2:27');
    assert.equal(at(forEach!.expr.range), '2:14-2:27');
    assert.equal(at((forEach!.expr as TraversalExpr).rootRange), '2:14-2:19');
  });

  test('a traversal inside a template, and the template parts', () => {
    const templateExpr = nameAttr!.expr as TemplateExpr;
    assert.equal(at(templateExpr.range), '3:14-3:43');
    const [first, dash, second] = templateExpr.parts;
    assert.equal(at(first!.range), '3:15-3:30');
    assert.equal(first!.kind === 'interpolation' ? at(first!.expr.range) : '', '3:17-3:29');
    assert.equal(at(dash!.range), '3:30-3:31');
    assert.equal(second!.kind === 'interpolation' ? at((second!.expr as TraversalExpr).steps[0]!.range) : '', '3:37-3:41');
  });

  test('call name and argument ranges', () => {
    const call = ids!.expr;
    assert.equal(call.kind, 'call');
    assert.equal(at(call.range), '4:14-4:21');
    assert.equal(call.kind === 'call' ? at(call.nameRange) : '', '4:14-4:15');
  });

  test('columns count code points; offsets count UTF-16 units', () => {
    const attr = parseOk('x = "😀é" + y\n').body.items[0] as Attribute;
    const right = attr.expr.kind === 'binary' ? attr.expr.right : attr.expr;
    assert.equal(at(right.range), '1:12-1:13');
    assert.equal(right.range?.start.offset, 12);
  });
});

describe('comments', () => {
  test('header, leading and trailing comments, in their styles', () => {
    const file = parseOk(['# Copyright', '', '// about a', '/* and more */', 'a = 1 # one', 'b = 2 // two', ''].join('\n'));
    assert.deepEqual(stripRanges(file.headerComments), [{ text: 'Copyright', style: '#' }]);
    const [a, b] = file.body.items as Attribute[];
    assert.deepEqual(stripRanges(a!.leadingComments), [
      { text: 'about a', style: '//' },
      { text: 'and more', style: '/*' },
    ]);
    assert.deepEqual(stripRanges(a!.trailingComment), { text: 'one', style: '#' });
    assert.deepEqual(stripRanges(b!.trailingComment), { text: 'two', style: '//' });
  });

  test('comments directly above the first item lead it; without a blank line there is no header', () => {
    const file = parseOk('# about a\na = 1\n');
    assert.equal(file.headerComments, undefined);
    assert.equal((file.body.items[0] as Attribute).leadingComments?.[0]?.text, 'about a');
  });

  test('comments on blocks and on object items', () => {
    const file = parseOk(['# the block', 'b {', '  tags = {', '    # about x', '    x = 1 # x!', '    y = 2', '  } # tags!', '}', ''].join('\n'));
    const block = file.body.items[0] as Block;
    assert.equal(block.leadingComments?.[0]?.text, 'the block');
    const tags = block.body.items[0] as Attribute;
    assert.equal(tags.trailingComment?.text, 'tags!');
    assert.equal(tags.expr.kind, 'object');
    if (tags.expr.kind !== 'object') return;
    assert.deepEqual(stripRanges(tags.expr.items[0]!.leadingComments), [{ text: 'about x', style: '#' }]);
    assert.deepEqual(stripRanges(tags.expr.items[0]!.trailingComment), { text: 'x!', style: '#' });
    assert.equal(tags.expr.items[1]!.trailingComment, undefined);
  });

  test('banner comments keep their characters', () => {
    const file = parseOk('####\n# Service\n####\na = 1\n');
    assert.deepEqual(
      (file.body.items[0] as Attribute).leadingComments?.map((c) => c.text),
      ['###', 'Service', '###'],
    );
  });

  test('comment ranges cover the markers', () => {
    const attr = parseOk('a = 1 # note\n').body.items[0] as Attribute;
    assert.equal(at(attr.trailingComment?.range), '1:7-1:13');
  });
});
