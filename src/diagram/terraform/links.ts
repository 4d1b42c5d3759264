/**
 * Who reaches whom in plain Terraform: which load balancer forwards to which target group (and
 * on which paths), which security groups are open to the internet (and on which ports), and which
 * Cloud Map service a `<name>.<namespace>` hostname resolves to.
 */
import { blocksOf, type EvalScope, evaluateIn, findAttribute, isUnknown, literalString, type ModuleInstance, referencedAddresses, type Stack, type StackResource, walkExpr } from '../../terraform/index.js';
import type { Expr } from '../../hcl/index.js';
import { allExpressions, blockExpressions, referencesOf } from './walk.js';

/** Key of a resource within the stack: its owner's prefix and its address. */
export function keyOf(owner: ModuleInstance, address: string): string {
  return `${owner.prefix}${address}`;
}

export interface TargetGroupRoute {
  /** `aws_lb` keys the target group is reachable through. */
  readonly loadBalancers: Set<string>;
  /** Path and host conditions of the listener rules forwarding to it. */
  readonly conditions: Set<string>;
}

/**
 * Keys of the target groups an expression points at: `module.x.aws_lb_target_group.app["api"]`
 * when it indexes a known instance, else the group's key without an index.
 */
export function targetGroupKeys(resource: StackResource, expr: Expr, scope?: EvalScope): string[] {
  const keys: string[] = [];
  walkExpr(expr, (e) => {
    if (e.kind !== 'traversal' || !TARGET_GROUPS.has(e.root) || e.steps[0]?.kind !== 'attr') return;
    const base = keyOf(resource.owner, `${e.root}.${e.steps[0].name}`);
    const index = e.steps[1]?.kind === 'index' ? e.steps[1].key : undefined;
    const evaluated = index ? evaluateIn(resource.owner, index, scope ?? firstScope(resource)) : undefined;
    keys.push(typeof evaluated === 'string' || typeof evaluated === 'number' ? `${base}[${JSON.stringify(evaluated)}]` : base);
  });
  return keys;
}

function firstScope(resource: StackResource): EvalScope {
  return isUnknown(resource.instances) ? resource.owner.scope : (resource.instances[0]?.scope ?? resource.owner.scope);
}

/** Target group key (see `targetGroupKeys`) → the load balancers (through listeners and rules) that forward to it. */
export function targetGroupRoutes(stack: Stack): Map<string, TargetGroupRoute> {
  const listenerLb = new Map<string, Set<string>>();
  const routes = new Map<string, TargetGroupRoute>();
  const route = (tg: string): TargetGroupRoute => {
    let found = routes.get(tg);
    if (!found) routes.set(tg, (found = { loadBalancers: new Set(), conditions: new Set() }));
    return found;
  };
  const managed = stack.resources.filter((r) => r.decl.mode === 'managed');
  for (const listener of managed.filter((r) => LISTENERS.has(r.decl.type))) {
    const refs = referencesOf(listener);
    const lbs = new Set([...refs].filter((a) => LOAD_BALANCERS.has(typeOf(a))).map((a) => keyOf(listener.owner, a)));
    listenerLb.set(keyOf(listener.owner, listener.decl.address), lbs);
    for (const tg of blockExpressions(listener.decl.block).flatMap((e) => targetGroupKeys(listener, e))) for (const lb of lbs) route(tg).loadBalancers.add(lb);
  }
  for (const rule of managed.filter((r) => RULES.has(r.decl.type))) {
    const refs = referencesOf(rule);
    const lbs = [...refs].filter((a) => LISTENERS.has(typeOf(a))).flatMap((a) => [...(listenerLb.get(keyOf(rule.owner, a)) ?? [])]);
    const conditions = ruleConditions(rule);
    for (const tg of blockExpressions(rule.decl.block).flatMap((e) => targetGroupKeys(rule, e))) {
      const entry = route(tg);
      for (const lb of lbs) entry.loadBalancers.add(lb);
      for (const condition of conditions) entry.conditions.add(condition);
    }
  }
  return routes;
}

/** `path_pattern` and `host_header` values of a listener rule, where they are known. */
function ruleConditions(rule: StackResource): string[] {
  const out: string[] = [];
  for (const condition of blocksOf(rule.decl.block.body, 'condition')) {
    for (const kind of ['host_header', 'path_pattern']) {
      for (const inner of blocksOf(condition.body, kind)) {
        const values = findAttribute(inner.body, 'values');
        const evaluated = values ? evaluateIn(rule.owner, values.expr) : undefined;
        if (Array.isArray(evaluated)) for (const v of evaluated as readonly unknown[]) if (typeof v === 'string') out.push(v);
      }
    }
  }
  return out;
}

/** Security group key → ports open to 0.0.0.0/0 or ::/0 (`TCP 443`, `all`). */
export function internetOpenGroups(stack: Stack): Map<string, Set<string>> {
  const open = new Map<string, Set<string>>();
  const add = (group: string, port: string): void => {
    let ports = open.get(group);
    if (!ports) open.set(group, (ports = new Set()));
    ports.add(port);
  };
  for (const resource of stack.resources) {
    if (resource.decl.mode !== 'managed') continue;
    const body = resource.decl.block.body;
    const known = (name: string, from = body) => {
      const attribute = findAttribute(from, name);
      const evaluated = attribute ? evaluateIn(resource.owner, attribute.expr) : undefined;
      return evaluated === undefined || isUnknown(evaluated) ? undefined : evaluated;
    };
    const groupOf = (name: string): string | undefined => {
      const attribute = findAttribute(body, name);
      const address = attribute ? referencedAddresses(attribute.expr).find((a) => typeOf(a) === 'aws_security_group') : undefined;
      return address !== undefined ? keyOf(resource.owner, address) : undefined;
    };
    switch (resource.decl.type) {
      case 'aws_vpc_security_group_ingress_rule': {
        const group = groupOf('security_group_id');
        if (group && isAnywhere([known('cidr_ipv4'), known('cidr_ipv6')])) add(group, portLabel(known('ip_protocol'), known('from_port'), known('to_port')));
        break;
      }
      case 'aws_security_group_rule': {
        const group = groupOf('security_group_id');
        if (group && known('type') === 'ingress' && isAnywhere([known('cidr_blocks'), known('ipv6_cidr_blocks')])) add(group, portLabel(known('protocol'), known('from_port'), known('to_port')));
        break;
      }
      case 'aws_security_group':
        for (const ingress of blocksOf(body, 'ingress')) {
          if (isAnywhere([known('cidr_blocks', ingress.body), known('ipv6_cidr_blocks', ingress.body)])) {
            add(keyOf(resource.owner, resource.decl.address), portLabel(known('protocol', ingress.body), known('from_port', ingress.body), known('to_port', ingress.body)));
          }
        }
        break;
      default:
        break;
    }
  }
  return open;
}

function isAnywhere(values: readonly unknown[]): boolean {
  return values.some((v) => v === '0.0.0.0/0' || v === '::/0' || (Array.isArray(v) && v.some((c) => c === '0.0.0.0/0' || c === '::/0')));
}

function portLabel(protocol: unknown, from: unknown, to: unknown): string {
  const proto = typeof protocol === 'string' && protocol !== '-1' && protocol !== 'all' ? protocol.toUpperCase() : undefined;
  if (!proto) return 'all traffic';
  if (typeof from !== 'number') return proto;
  return `${proto} ${from === to || typeof to !== 'number' ? from : `${from}-${to}`}`;
}

/**
 * Hostnames `<name>.${<namespace resource>.name}` written in a block: the `<name>`s, with the
 * namespace resource's key.
 */
export function discoveryHostnames(resource: StackResource): { readonly name: string; readonly namespace: string }[] {
  const out: { name: string; namespace: string }[] = [];
  for (const expr of allExpressions(resource.decl.block)) {
    if (expr.kind !== 'template') continue;
    expr.parts.forEach((part, index) => {
      const before = expr.parts[index - 1];
      if (part.kind !== 'interpolation' || before?.kind !== 'string') return;
      const name = /([a-z0-9][a-z0-9_-]*)\.$/i.exec(before.value)?.[1];
      const target = part.expr.kind === 'traversal' && NAMESPACES.has(part.expr.root) && part.expr.steps[0]?.kind === 'attr' ? `${part.expr.root}.${part.expr.steps[0].name}` : undefined;
      if (name !== undefined && target !== undefined) out.push({ name, namespace: keyOf(resource.owner, target) });
    });
  }
  return out;
}

/** The `name` of an `aws_service_discovery_service`, when it is known. */
export function discoveryServiceName(resource: StackResource): string | undefined {
  const attribute = findAttribute(resource.decl.block.body, 'name');
  if (!attribute) return undefined;
  const literal = literalString(attribute.expr);
  if (literal !== undefined) return literal;
  if (isUnknown(resource.instances) || resource.instances.length !== 1) return undefined;
  const evaluated = evaluateIn(resource.owner, attribute.expr, resource.instances[0]!.scope);
  return typeof evaluated === 'string' ? evaluated : undefined;
}

export function typeOf(address: string): string {
  const parts = address.split('.');
  return parts[0] === 'data' ? `data.${parts[1] ?? ''}` : (parts[0] ?? '');
}

export const LOAD_BALANCERS: ReadonlySet<string> = new Set(['aws_lb', 'aws_alb']);
const LISTENERS: ReadonlySet<string> = new Set(['aws_lb_listener', 'aws_alb_listener']);
const RULES: ReadonlySet<string> = new Set(['aws_lb_listener_rule', 'aws_alb_listener_rule']);
export const TARGET_GROUPS: ReadonlySet<string> = new Set(['aws_lb_target_group', 'aws_alb_target_group']);
export const NAMESPACES: ReadonlySet<string> = new Set(['aws_service_discovery_private_dns_namespace', 'aws_service_discovery_public_dns_namespace']);
