/**
 * Reading resource arguments as values: attributes of nested and `dynamic` blocks, references to
 * other resource instances, and the length of lists such as `subnets = aws_subnet.public[*].id`.
 * Everything answers a value or an `Unknown` with the reason.
 */
import type { Body, Expr } from '../../hcl/index.js';
import { blocksOf, findAttribute } from '../ast/ast-read.js';
import type { Value } from '../eval/values.js';
import { isUnknown, Unknown, type Read } from '../unknown.js';
import { evaluateIn, type StackInstance, type Stack, type StackResource } from './stack.js';

/** A resource instance and the stack it lives in: what estimators and diagram readers receive. */
export interface InstanceContext {
  readonly stack: Stack;
  readonly resource: StackResource;
  readonly instance: StackInstance;
}

/** An attribute of `body` (the resource's own body by default); `undefined` when it is not set. */
export function readValue(ctx: InstanceContext, name: string, body: Body = ctx.resource.decl.block.body): Read<Value> {
  const attribute = findAttribute(body, name);
  if (!attribute) return undefined;
  const result = evaluateIn(ctx.resource.owner, attribute.expr, ctx.instance.scope);
  return isUnknown(result) ? new Unknown(`${name}: ${result.why}`) : result;
}

export function readNumber(ctx: InstanceContext, name: string, body?: Body): Read<number> {
  const value = readValue(ctx, name, body);
  if (value === undefined || isUnknown(value)) return value;
  if (value === null) return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : new Unknown(`${name} is ${JSON.stringify(value)}, not a number`);
}

export function readString(ctx: InstanceContext, name: string, body?: Body): Read<string> {
  const value = readValue(ctx, name, body);
  if (value === undefined || isUnknown(value)) return value;
  if (value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Unknown(`${name} is not a string`);
}

export function readBool(ctx: InstanceContext, name: string, body?: Body): Read<boolean> {
  const value = readValue(ctx, name, body);
  if (value === undefined || isUnknown(value)) return value;
  if (value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return new Unknown(`${name} is ${JSON.stringify(value)}, not a bool`);
}

/**
 * The bodies of the nested blocks of `type`: literal blocks, then those a `dynamic` block makes
 * (one per element of its `for_each`). The iterator of a dynamic block is not bound: an
 * attribute reading it comes back unknown.
 */
export function nestedBodies(ctx: InstanceContext, type: string, body: Body = ctx.resource.decl.block.body): readonly Body[] | Unknown {
  const bodies: Body[] = blocksOf(body, type).map((block) => block.body);
  for (const dynamic of blocksOf(body, 'dynamic')) {
    if (dynamic.labels[0] !== type) continue;
    const content = blocksOf(dynamic.body, 'content')[0];
    const forEach = findAttribute(dynamic.body, 'for_each');
    if (!content || !forEach) continue;
    const collection = evaluateIn(ctx.resource.owner, forEach.expr, ctx.instance.scope);
    if (isUnknown(collection)) return new Unknown(`dynamic "${type}" for_each: ${collection.why}`);
    const size = collectionSize(collection);
    if (size === undefined) return new Unknown(`dynamic "${type}" for_each is not a collection`);
    for (let i = 0; i < size; i++) bodies.push(content.body);
  }
  return bodies;
}

/** The first nested block of `type`, if any. */
export function nestedBody(ctx: InstanceContext, type: string, body?: Body): Read<Body> {
  const bodies = nestedBodies(ctx, type, body);
  return isUnknown(bodies) ? bodies : bodies[0];
}

export interface ResourceReference {
  readonly resource: StackResource;
  /** The instance pointed at, or why it cannot be told. */
  readonly instance: StackInstance | Unknown;
}

/**
 * The resource an expression points at (`aws_ecs_task_definition.app.arn`,
 * `aws_lb_target_group.this[each.key].arn`, `"${aws_x.y.id}"`), in the same module instance.
 * Undefined when the expression is not a reference to a declared resource or data source.
 */
export function referencedResource(ctx: InstanceContext, expr: Expr): ResourceReference | undefined {
  const target = unwrap(expr);
  if (target.kind !== 'traversal') return undefined;
  const names: string[] = [];
  let rest = target.steps;
  const wanted = target.root === 'data' ? 2 : 1;
  while (names.length < wanted && rest[0]?.kind === 'attr') {
    names.push(rest[0].name);
    rest = rest.slice(1);
  }
  if (names.length < wanted) return undefined;
  const address = target.root === 'data' ? `data.${names[0]}.${names[1]}` : `${target.root}.${names[0]}`;
  const resource = ctx.stack.find(ctx.resource.owner, address);
  if (!resource) return undefined;
  const index = rest[0]?.kind === 'index' ? rest[0].key : undefined;
  return { resource, instance: pickInstance(ctx, resource, index) };
}

function pickInstance(ctx: InstanceContext, target: StackResource, key: Expr | undefined): StackInstance | Unknown {
  if (isUnknown(target.instances)) return target.instances;
  if (key === undefined) {
    const only = target.instances[0];
    if (target.instances.length === 1 && only && only.key === undefined) return only;
    return new Unknown(`${target.address} has ${target.instances.length} instances and the reference picks none`);
  }
  const evaluated = evaluateIn(ctx.resource.owner, key, ctx.instance.scope);
  if (isUnknown(evaluated)) return new Unknown(`the index into ${target.address}: ${evaluated.why}`);
  const found = target.instances.find((i) => i.key === evaluated || (typeof i.key === 'number' && Number(evaluated) === i.key));
  return found ?? new Unknown(`${target.address} has no instance ${JSON.stringify(evaluated)}`);
}

/**
 * How many items a list argument holds (`subnets`, `security_groups`): its value's length when
 * known, else the instance count of a splat over a resource (`aws_subnet.public[*].id`), else the
 * number of items written in a tuple.
 */
export function listLength(ctx: InstanceContext, expr: Expr): number | Unknown {
  const evaluated = evaluateIn(ctx.resource.owner, expr, ctx.instance.scope);
  if (!isUnknown(evaluated)) {
    if (Array.isArray(evaluated)) return evaluated.length;
    if (evaluated === null) return 0;
    return new Unknown('the value is not a list');
  }
  const target = unwrap(expr);
  if (target.kind === 'splat' && target.target.kind === 'traversal') {
    const reference = referencedResource(ctx, target.target);
    if (reference) return isUnknown(reference.resource.instances) ? reference.resource.instances : reference.resource.instances.length;
  }
  if (target.kind === 'tuple') return target.items.length;
  return new Unknown(evaluated.why);
}

function unwrap(expr: Expr): Expr {
  if (expr.kind === 'paren') return unwrap(expr.inner);
  if (expr.kind === 'template' && expr.heredoc === undefined && expr.parts.length === 1 && expr.parts[0]?.kind === 'interpolation') return unwrap(expr.parts[0].expr);
  return expr;
}

function collectionSize(value: Value): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}
