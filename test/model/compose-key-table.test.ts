/**
 * The Compose key table is a mechanism, not a promise: every mapped or approximated key names
 * where it lands in the generated Terraform, and this test proves it by generating a service with
 * and without the key. A row whose `lands` is not true fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import type { Attribute, Block, Expr } from '../../src/hcl/ast.js';
import { writeExpr } from '../../src/hcl/index.js';
import { SERVICE_KEYS } from '../../src/model/compose-keys.js';
import { blocksOf, container, generateFrom } from '../helpers/generate.js';

/** Mapped or approximated keys that land in no single place, and why. */
const NO_SINGLE_LANDING: Readonly<Record<string, string>> = {
  extends: 'resolved by the loader: the service is generated as if written out in full',
  profiles: 'resolved by the loader: only services of active profiles are generated',
  logging: 'every container logs to CloudWatch Logs whatever the Compose driver',
  networks: 'all services share the VPC; security groups, not networks, decide who reaches whom',
  links: 'a link is a name another service is reached by, tested with service discovery',
  restart: 'the ECS service scheduler restarts tasks whatever the policy',
  cpu_shares: 'Fargate sizes whole tasks; the task size comes from other keys',
  privileged: 'only `false` is mapped, and it is what Fargate does anyway',
};

const BASE = { image: 'example/base:1.0' };
const TOP_LEVEL = { volumes: { data: {} }, secrets: { api_token: { file: './token.txt' } } };
const EXTRA_FILES = { '/app/probe.env': 'FROM_FILE=1\n', '/app/token.txt': 'not-a-real-token\n' };

function composeWith(probe: Record<string, unknown>): string {
  return stringify({ services: { probe, cache: { image: 'redis:7', expose: ['6379'] } }, ...TOP_LEVEL });
}

/** The text of what `target` names in the generated Terraform for the service `probe`. */
function landing(text: string, target: string): string {
  const result = generateFrom(text, EXTRA_FILES);
  const blocks = blocksOf(result).map((b) => b.block);
  const [kind, name] = target.split('.') as [string, string];
  const ofProbe = (type: string) => blocks.find((b) => b.type === 'resource' && b.labels[0] === type && b.labels[1] === 'probe');
  switch (kind) {
    case 'container':
      return objectValue(container(ofProbe('aws_ecs_task_definition')!), name);
    case 'task':
      return argument(ofProbe('aws_ecs_task_definition'), name);
    case 'service':
      return argument(ofProbe('aws_ecs_service'), name);
    case 'resources':
      return blocks.filter((b) => b.type === 'resource' && b.labels[0] === name).map((b) => JSON.stringify(b.labels) + writeBody(b)).join('\n');
    default:
      assert.fail(`unknown landing kind in ${target}`);
  }
}

function objectValue(object: Expr, key: string): string {
  assert.equal(object.kind, 'object');
  if (object.kind !== 'object') return '';
  const item = object.items.find((i) => i.key.kind === 'traversal' && i.key.root === key);
  return item ? writeExpr(item.value) : '';
}

function argument(block: Block | undefined, name: string): string {
  if (!block) return '';
  return block.body.items
    .filter((i): i is Attribute | Block => (i.kind === 'attribute' && i.name === name) || (i.kind === 'block' && i.type === name))
    .map((i) => (i.kind === 'attribute' ? writeExpr(i.expr) : writeBody(i)))
    .join('\n');
}

function writeBody(block: Block): string {
  return block.body.items.map((i) => (i.kind === 'attribute' ? `${i.name}=${writeExpr(i.expr)}` : i.kind === 'block' ? `${i.type}{${writeBody(i)}}` : '')).join(';');
}

const landed = Object.entries(SERVICE_KEYS).filter(([, rule]) => rule.lands !== undefined);

test('every mapped or approximated key names where it lands, with an example', () => {
  for (const [key, rule] of Object.entries(SERVICE_KEYS)) {
    if (rule.treatment !== 'mapped' && rule.treatment !== 'approximated') continue;
    if (NO_SINGLE_LANDING[key]) {
      assert.equal(rule.lands, undefined, `${key} is listed as landing nowhere in particular but names ${rule.lands}`);
      continue;
    }
    assert.ok(rule.lands, `${key} is ${rule.treatment} but does not say where it lands`);
    assert.ok(rule.example !== undefined, `${key} needs an example value for this test`);
  }
});

test('a service using every such key at once generates, and each lands', () => {
  const probe: Record<string, unknown> = { ...BASE };
  for (const [key, rule] of landed) if (key !== 'build') probe[key] = rule.example;
  const text = composeWith(probe);
  for (const [key, rule] of landed) {
    if (key === 'build') continue;
    assert.notEqual(landing(text, rule.lands!), '', `${key} should land in ${rule.lands}`);
  }
});

for (const [key, rule] of landed) {
  test(`compose key ${key} lands in ${rule.lands}`, () => {
    const without = landing(composeWith(BASE), rule.lands!);
    const withKey = landing(composeWith({ ...BASE, [key]: rule.example }), rule.lands!);
    assert.notEqual(withKey, '', `${key}: nothing at ${rule.lands}`);
    assert.notEqual(withKey, without, `${key}: ${rule.lands} is the same with and without the key`);
  });
}
