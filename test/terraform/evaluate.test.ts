/** The expression evaluator for later consumers (security rules, cost, diagrams). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHcl, type Expr } from '../../src/hcl/index.js';
import { type EvalScope, evaluate, indexModule, isUnknown, type ModuleIndex, type Unknown, type Value } from '../../src/terraform/index.js';

/** Parses `expr` as the value of a local in a throwaway module. */
function expression(text: string): Expr {
  const source = `locals {\n  x = ${text}\n}\n`;
  const { file, errors } = parseHcl('expr.tf', source);
  assert.deepEqual(errors, [], `could not parse ${text}`);
  const item = file.body.items[0];
  assert.ok(item?.kind === 'block');
  const attribute = item.body.items[0];
  assert.ok(attribute?.kind === 'attribute');
  return attribute.expr;
}

function moduleOf(source: string): ModuleIndex {
  const { file, errors } = parseHcl('main.tf', source);
  assert.deepEqual(errors, []);
  return indexModule('.', [{ path: 'main.tf', text: source, ast: file }], true);
}

function known(text: string, scope: EvalScope = {}): Value {
  const result = evaluate(expression(text), scope);
  if (isUnknown(result)) assert.fail(`${text} is unknown: ${result.why}`);
  return result;
}

function unknown(text: string, scope: EvalScope = {}): Unknown {
  const result = evaluate(expression(text), scope);
  if (!isUnknown(result)) assert.fail(`${text} evaluated to ${JSON.stringify(result)}`);
  return result;
}

const MODULE = moduleOf(`variable "cidr" {
  default = "10.0.0.0/16"
}

variable "services" {
  default = {
    api    = { port = 8080, public = true }
    worker = { port = null, public = false }
  }
}

variable "required" {}

locals {
  prefix  = "app-\${terraform.workspace}"
  subnets = [for i in range(3) : cidrsubnet(var.cidr, 8, i)]
  web     = { for name, s in var.services : name => s.port if s.port != null }
  loop_a  = local.loop_b
  loop_b  = local.loop_a
  via     = local.web
}
`);

describe('evaluate', () => {
  test('literals, templates, heredocs, operators and conditionals', () => {
    assert.equal(known('1.5'), 1.5);
    assert.equal(known('"a-${1 + 2}-${true}"'), 'a-3-true');
    assert.deepEqual(known('"${[1]}"'), [1]); // a lone interpolation keeps its type
    assert.equal(known('<<-EOT\n    hello ${upper("x")}\n  EOT'), 'hello X\n');
    assert.equal(known('"%{ if 1 < 2 }yes%{ else }no%{ endif }"'), 'yes');
    assert.equal(known('"%{ for i, v in ["a", "b"] }${i}${v};%{ endfor }"'), '0a;1b;');
    assert.equal(known('"a  %{~ if true ~}  b  %{~ endif ~}  c"'), 'abc');
    assert.equal(known('10 % 4 * 2 - -1'), 5);
    assert.equal(known('!(1 == 1) || "a" != "b" && 3 >= 3'), true);
    assert.equal(known('1 == "1"'), false);
    assert.equal(known('{ a = [1] } == { a = [1] }'), true);
    assert.equal(known('2 > 1 ? "big" : "small"'), 'big');
    assert.equal(known('"2" + 3'), 5);
  });

  test('collections, indexing, splats and for expressions', () => {
    assert.deepEqual(known('{ a = 1, "b" = 2, (upper("c")) = 3 }'), { a: 1, b: 2, C: 3 });
    assert.equal(known('[10, 20][1]'), 20);
    assert.equal(known('{ k = "v" }["k"]'), 'v');
    assert.equal(known('{ k = { n = 1 } }.k.n'), 1);
    assert.deepEqual(known('[{ a = 1 }, { a = 2 }][*].a'), [1, 2]);
    assert.deepEqual(known('[for k, v in { b = 2, a = 1 } : "${k}${v}"]'), ['a1', 'b2']);
    assert.deepEqual(known('{ for v in ["x", "y", "x"] : v => v... }'), { x: ['x', 'x'], y: ['y'] });
    assert.deepEqual(known('[for v in [1, 2, 3] : v * 2 if v != 2]'), [2, 6]);
    assert.deepEqual(unknown('{ for v in ["x", "x"] : v => v }').error, true);
  });

  test('variables from defaults or supplied values, locals recursively, with a cycle guard', () => {
    const scope: EvalScope = { module: MODULE, workspace: 'prod' };
    assert.deepEqual(known('local.subnets', scope), ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    assert.deepEqual(known('local.via', scope), { api: 8080 });
    assert.equal(known('local.prefix', scope), 'app-prod');
    assert.equal(known('var.cidr', { ...scope, variables: { cidr: '192.168.0.0/16' } }), '192.168.0.0/16');
    assert.match(unknown('var.required', scope).why, /no default/);
    assert.match(unknown('var.nope', scope).why, /not declared/);
    assert.match(unknown('local.loop_a', scope).why, /depends on itself/);
    assert.match(unknown('local.prefix', { module: MODULE }).why, /terraform\.workspace/);
  });

  test('count.index and each when given; resources, data sources and modules are unknown', () => {
    assert.equal(known('"web-${count.index}"', { count: { index: 2 } }), 'web-2');
    assert.equal(known('"${each.key}=${each.value.port}"', { each: { key: 'api', value: { port: 80 } } }), 'api=80');
    assert.match(unknown('count.index').why, /counted resource/);
    assert.match(unknown('each.value').why, /for_each/);
    assert.match(unknown('aws_lb.main.dns_name').why, /aws_lb\.main is only known after apply/);
    assert.match(unknown('data.aws_region.current.region').why, /data\.aws_region\.current/);
    assert.match(unknown('module.vpc.id').why, /module\.vpc/);
    assert.match(unknown('"${aws_lb.main.arn}-x"').why, /after apply/);
    assert.equal(known('path.module', { path: { module: '.' } }), '.');
    assert.match(unknown('templatefile("x.tftpl", {})').why, /templatefile\(\) is not evaluated offline/);
  });

  test('try and can: errors fall through, unknowns stay unknown', () => {
    assert.equal(known('try({ a = 1 }.b, "fallback")'), 'fallback');
    assert.equal(known('try([1][5], [2][0])'), 2);
    assert.equal(known('can({ a = 1 }.b)'), false);
    assert.equal(known('can(tonumber("12"))'), true);
    assert.match(unknown('try(aws_lb.x.arn, "fallback")').why, /after apply/);
    assert.ok(unknown('try([][0])').error);
  });

  test('functions', () => {
    assert.equal(known('jsonencode({ b = [1, 2.5, "<&>"], a = true, c = null })'), '{"a":true,"b":[1,2.5,"\\u003c\\u0026\\u003e"],"c":null}');
    assert.deepEqual(known('jsondecode("{\\"a\\":[1]}")'), { a: [1] });
    assert.deepEqual(known('merge({ a = 1, b = 1 }, null, { b = 2 })'), { a: 1, b: 2 });
    assert.deepEqual(known('concat([1], [], [2, 3])'), [1, 2, 3]);
    assert.deepEqual(known('toset(["b", "a", "b"])'), ['a', 'b']);
    assert.deepEqual(known('tolist(toset([3, 1]))'), [1, 3]);
    assert.equal(known('tostring(5)'), '5');
    assert.equal(known('tonumber("5.5")'), 5.5);
    assert.equal(known('length("héllo")'), 5);
    assert.equal(known('length({ a = 1 })'), 1);
    assert.equal(known('lookup({ a = 1 }, "b", 0)'), 0);
    assert.ok(unknown('lookup({ a = 1 }, "b")').error);
    assert.equal(known('contains(["a", "b"], "b")'), true);
    assert.deepEqual(known('keys({ b = 1, a = 2 })'), ['a', 'b']);
    assert.deepEqual(known('values({ b = 1, a = 2 })'), [2, 1]);
    assert.equal(known('format("%s-%03d-%.2f-%t-%q-%5s|%-4s|%%", "a", 7, 3.14159, true, "q", "r", "l")'), 'a-007-3.14-true-"q"-    r|l   |%');
    assert.equal(known('format("%v %v", 1, { a = 1 })'), '1 {"a":1}');
    assert.equal(known('join(",", ["a", "b"], ["c"])'), 'a,b,c');
    assert.deepEqual(known('split(",", "a,b")'), ['a', 'b']);
    assert.equal(known('lower("AbC")'), 'abc');
    assert.equal(known('upper("AbC")'), 'ABC');
    assert.equal(known('replace("a-b-c", "-", "_")'), 'a_b_c');
    assert.equal(known('replace("svc01", "/[0-9]+/", "#")'), 'svc#');
    assert.equal(known('replace("ab", "/(a)(b)/", "$2$${1}")'), 'ba');
    assert.equal(known('coalesce("", null, "x")'), 'x');
    assert.equal(known('element(["a", "b"], 3)'), 'b');
    assert.deepEqual(known('range(3)'), [0, 1, 2]);
    assert.deepEqual(known('range(1, 7, 2)'), [1, 3, 5]);
    assert.deepEqual(known('range(3, 0, -1)'), [3, 2, 1]);
    assert.equal(known('min(3, 1, 2)'), 1);
    assert.equal(known('max([4, 9]...)'), 9);
    assert.deepEqual(known('flatten([[1, [2]], 3])'), [1, 2, 3]);
    assert.deepEqual(known('distinct([1, 2, 1, 3])'), [1, 2, 3]);
    assert.equal(known('cidrsubnet("10.0.0.0/16", 8, 2)'), '10.0.2.0/24');
    assert.equal(known('cidrsubnet("10.1.2.3/16", 4, 15)'), '10.1.240.0/20');
    assert.ok(unknown('cidrsubnet("10.0.0.0/16", 8, 256)').error);
    assert.match(unknown('cidrsubnet("fd00::/56", 8, 1)').why, /IPv6/);
    assert.equal(known('cidrhost("10.0.1.0/24", 5)'), '10.0.1.5');
    assert.deepEqual(known('slice(["a", "b", "c"], 1, 3)'), ['b', 'c']);
    assert.deepEqual(known('zipmap(["a", "b"], [1, 2])'), { a: 1, b: 2 });
    assert.equal(known('trimprefix("/path", "/")'), 'path');
    assert.equal(known('substr("hello", 1, 3)'), 'ell');
    assert.deepEqual(known('compact(["a", "", null, "b"])'), ['a', 'b']);
  });

  test('Terraform errors are unknown with error set, and say why', () => {
    const division = unknown('1 / 0');
    assert.equal(division.error, true);
    assert.match(division.why, /Division by zero/);
    assert.match(unknown('"a" + 1').why, /number is required/);
    assert.match(unknown('{ a = 1 }.b').why, /no attribute "b"/);
    assert.match(unknown('"x${null}"').why, /null/);
    assert.equal(known('"${null}"'), null);
    assert.match(unknown('nosuchfunction(1)').why, /not evaluated offline/);
  });
});
