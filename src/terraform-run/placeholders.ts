/**
 * Placeholder values for the variables a root module requires (no default), so the offline plan
 * can run: derived from the variable's type, its name (`*_arn`, `vpc_id`, `*_subnet_ids`, a
 * domain, a repository) and checked against its own `validation` blocks with the evaluator.
 */
import type { Expr } from '../hcl/index.js';
import { evaluate, isUnknown, type ModuleIndex, type Value, type VariableDecl } from '../terraform/index.js';
import { FAKE_ACCOUNT_ID, FAKE_DOMAIN, FAKE_IDS, fakeArn } from './fake-values.js';

export interface Placeholder {
  readonly name: string;
  readonly value: Value;
  /** False when no candidate satisfied the variable's validations (the first one is used anyway). */
  readonly valid: boolean;
}

/** A placeholder for every variable of `module` without a default, in name order. */
export function placeholdersFor(module: ModuleIndex, region: string): Placeholder[] {
  return [...module.variables.values()]
    .filter((v) => v.default === undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((variable) => choose(module, variable, candidatesFor(variable.name, variable.type, region)));
}

function choose(module: ModuleIndex, variable: VariableDecl, candidates: readonly Value[]): Placeholder {
  const conditions = validationConditions(variable);
  for (const value of candidates) {
    const passes = conditions.every((condition) => {
      const result = evaluate(condition, { module, variables: { [variable.name]: value } });
      return isUnknown(result) || result !== false;
    });
    if (passes) return { name: variable.name, value, valid: true };
  }
  return { name: variable.name, value: candidates[0] ?? null, valid: false };
}

function validationConditions(variable: VariableDecl): Expr[] {
  const out: Expr[] = [];
  for (const item of variable.block.body.items) {
    if (item.kind !== 'block' || item.type !== 'validation') continue;
    for (const inner of item.body.items) if (inner.kind === 'attribute' && inner.name === 'condition') out.push(inner.expr);
  }
  return out;
}

/** Candidate values, best first, for a variable of this name and type constraint. */
export function candidatesFor(name: string, type: Expr | undefined, region: string): Value[] {
  const shape = typeShape(type);
  switch (shape.kind) {
    case 'bool':
      return [false, true];
    case 'number':
      return numberCandidates(name);
    case 'list':
      return listCandidates(name, shape.element, region);
    case 'map':
      return [{}];
    case 'object':
      return [objectFor(shape.attributes, region)];
    case 'string':
    case 'any':
      return stringCandidates(name, region);
  }
}

type Shape =
  | { readonly kind: 'string' | 'number' | 'bool' | 'any' | 'map' }
  | { readonly kind: 'list'; readonly element: Expr | undefined }
  | { readonly kind: 'object'; readonly attributes: ReadonlyArray<{ name: string; type: Expr; optional: boolean }> };

function typeShape(type: Expr | undefined): Shape {
  if (!type) return { kind: 'any' };
  if (type.kind === 'traversal' && type.steps.length === 0) {
    if (type.root === 'string' || type.root === 'number' || type.root === 'bool') return { kind: type.root };
    return { kind: 'any' };
  }
  if (type.kind === 'call') {
    const [arg] = type.args;
    switch (type.name) {
      case 'list':
      case 'set':
      case 'tuple':
        return { kind: 'list', element: type.name === 'tuple' && arg?.kind === 'tuple' ? arg.items[0] : arg };
      case 'map':
        return { kind: 'map' };
      case 'object':
        if (arg?.kind !== 'object') return { kind: 'map' };
        return {
          kind: 'object',
          attributes: arg.items.flatMap((item) => {
            const key = item.key.kind === 'traversal' ? item.key.root : item.key.kind === 'template' && item.key.parts[0]?.kind === 'string' ? item.key.parts[0].value : undefined;
            if (key === undefined) return [];
            const optional = item.value.kind === 'call' && item.value.name === 'optional';
            const inner = optional && item.value.kind === 'call' ? item.value.args[0] ?? item.value : item.value;
            return [{ name: key, type: inner, optional }];
          }),
        };
    }
  }
  return { kind: 'any' };
}

function objectFor(attributes: ReadonlyArray<{ name: string; type: Expr; optional: boolean }>, region: string): Value {
  const out: Record<string, Value> = {};
  for (const attribute of attributes) if (!attribute.optional) out[attribute.name] = candidatesFor(attribute.name, attribute.type, region)[0] ?? null;
  return out;
}

function numberCandidates(name: string): Value[] {
  if (/port$/.test(name)) return [443, 8080];
  if (/(count|min|max|capacity|size)$/.test(name)) return [1, 2];
  return [1, 30, 256];
}

function listCandidates(name: string, element: Expr | undefined, region: string): Value[] {
  if (/subnet_ids$/.test(name)) return [[...FAKE_IDS.subnets]];
  const singular = name.replace(/_ids$/, '_id').replace(/_arns$/, '_arn').replace(/ses$/, 's').replace(/s$/, '');
  const first = candidatesFor(singular, element ?? { kind: 'traversal', root: 'string', steps: [] }, region)[0] ?? 'placeholder';
  return [[first], []];
}

/** Name patterns and the values of the shape AWS (and the provider's validation) expects, first match wins. */
const STRING_PATTERNS: ReadonlyArray<readonly [RegExp, (region: string, name: string) => string[]]> = [
  [/certificate_arn$/, (r) => [fakeArn('acm', r, `certificate/${FAKE_IDS.uuid}`)]],
  [/secret(_\w+)?_arn$/, (r, n) => [fakeArn('secretsmanager', r, `secret:${stem(n, /_?secret(_\w+)?_arn$/)}-AbCdEf`)]],
  [/target_group_arn$/, (r) => [fakeArn('elasticloadbalancing', r, 'targetgroup/app/0123456789abcdef')]],
  [/listener_arn$/, (r) => [fakeArn('elasticloadbalancing', r, 'listener/app/app/0123456789abcdef/0123456789abcdef')]],
  [/(load_balancer|lb|alb)_arn$/, (r) => [fakeArn('elasticloadbalancing', r, 'loadbalancer/app/app/0123456789abcdef')]],
  [/role_arn$/, (r, n) => [fakeArn('iam', r, `role/${stem(n, /_?role_arn$/) || 'role'}`)]],
  [/topic_arn$/, (r) => [fakeArn('sns', r, 'alarms')]],
  [/(kms_)?key_arn$/, (r) => [fakeArn('kms', r, `key/${FAKE_IDS.uuid}`)]],
  [/oidc_provider_arn$/, (r) => [fakeArn('iam', r, 'oidc-provider/token.actions.githubusercontent.com')]],
  [/cluster_arn$/, (r) => [fakeArn('ecs', r, 'cluster/app')]],
  [/_arn$/, (r, n) => [fakeArn('iam', r, `policy/${stem(n, /_arn$/) || 'placeholder'}`)]],
  [/vpc_id$/, () => [FAKE_IDS.vpc]],
  [/subnet_id$/, () => [FAKE_IDS.subnets[0]]],
  [/security_group(_id)?$/, () => [FAKE_IDS.securityGroup]],
  [/zone_id$/, () => [FAKE_IDS.hostedZone]],
  [/file_system_id$/, () => [FAKE_IDS.efs]],
  [/(^|_)region$/, (r) => [r]],
  [/account_id$/, () => [FAKE_ACCOUNT_ID]],
  [/cidr(_block)?$/, () => ['10.0.0.0/16']],
  [/(url|endpoint)$/, () => [`https://${FAKE_DOMAIN}`]],
  [/(domain|domain_name|host|hostname|fqdn)$/, () => [FAKE_DOMAIN]],
  [/email$/, () => ['ops@example.com']],
  [/(github_)?repository$|(^|_)repo$/, () => ['example/app', 'example']],
  [/(image_)?tag$/, () => ['0123abc']],
  [/(cluster|bucket|project|service|name)$/, () => ['example', 'example-app']],
  [/environment$/, () => ['dev']],
];

function stringCandidates(name: string, region: string): Value[] {
  const match = STRING_PATTERNS.find(([pattern]) => pattern.test(name));
  const preferred = match ? match[1](region, name) : [];
  // Generic fallbacks, in the order most validations accept them.
  return [...new Set([...preferred, 'placeholder', 'example', '0123abc', `https://${FAKE_DOMAIN}`, FAKE_DOMAIN, 'a'])];
}

function stem(name: string, suffix: RegExp): string {
  return name.replace(suffix, '').replace(/_/g, '-');
}
