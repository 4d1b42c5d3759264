/**
 * Generation from inline Compose text, for tests: no files, no process. Also structural helpers
 * to assert on the generated Terraform by parsing it back (as a reviewer would read it).
 */
import assert from 'node:assert/strict';
import type { Finding } from '../../src/diagnostics/finding.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { Attribute, Block, Expr } from '../../src/hcl/ast.js';
import { parseHcl, writeExpr } from '../../src/hcl/index.js';
import { loadCompose } from '../../src/load/compose/index.js';
import { buildModel } from '../../src/model/build-model.js';
import type { AppModel } from '../../src/model/types.js';
import { evaluate, indexModule, isUnknown, type ModuleIndex, type Value } from '../../src/terraform/index.js';

export const COMPOSE = '/app/compose.yaml';

function input(text: string, extra: Record<string, string> = {}) {
  const files: Record<string, string> = { [COMPOSE]: text, ...extra };
  return { files: [{ path: COMPOSE, text }], readFile: (p: string) => files[p], env: {}, projectDir: '/app' };
}

export function modelOf(text: string, extra: Record<string, string> = {}): AppModel {
  const { project } = loadCompose(input(text, extra));
  return buildModel(project, { sourceNames: ['compose.yaml'] });
}

export function generateFrom(text: string, extra: Record<string, string> = {}): GenerateResult {
  const { project } = loadCompose(input(text, extra));
  return generate(project, { sourceNames: ['compose.yaml'] });
}

/** The findings of the InputError that building the model must throw. */
export function inputErrors(text: string, extra: Record<string, string> = {}): Finding[] {
  try {
    modelOf(text, extra);
  } catch (error) {
    if (isInputError(error)) return [...error.findings];
    throw error;
  }
  assert.fail('expected an InputError');
}

/** Every top-level block of the generated Terraform, with the file it is in. */
export function blocksOf(result: GenerateResult): { file: string; block: Block }[] {
  return result.files
    .filter((f) => f.path.endsWith('.tf'))
    .flatMap((f) => {
      const parsed = parseHcl(f.path, f.content);
      assert.deepEqual(parsed.errors, [], `generated ${f.path} must parse`);
      return parsed.file.body.items.filter((i): i is Block => i.kind === 'block').map((block) => ({ file: f.path, block }));
    });
}

export function resources(result: GenerateResult, type: string): Block[] {
  return blocksOf(result)
    .map((b) => b.block)
    .filter((b) => b.type === 'resource' && b.labels[0] === type);
}

export function resource(result: GenerateResult, type: string, name: string): Block {
  const found = resources(result, type).find((b) => b.labels[1] === name);
  assert.ok(found, `expected resource ${type}.${name}`);
  return found;
}

/** The attribute's expression written back as HCL, e.g. `"FARGATE"` or `var.aws_region`. */
export function attrText(block: Block, name: string): string | undefined {
  const attr = block.body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === name);
  return attr ? writeExpr(attr.expr) : undefined;
}

export function nestedBlocks(block: Block, type: string): Block[] {
  return block.body.items.filter((i): i is Block => i.kind === 'block' && i.type === type);
}

/** `container_definitions = jsonencode([{...}])` → the container object expression. */
export function container(taskDefinition: Block): Expr {
  const attr = taskDefinition.body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === 'container_definitions');
  assert.ok(attr && attr.expr.kind === 'call' && attr.expr.args[0]?.kind === 'tuple');
  const first = attr.expr.args[0].items[0];
  assert.ok(first);
  return first;
}

/** Names in the container's `environment` or `secrets` list. */
export function containerNames(containerExpr: Expr, list: 'environment' | 'secrets'): string[] {
  assert.ok(containerExpr.kind === 'object');
  const item = containerExpr.items.find((i) => i.key.kind === 'traversal' && i.key.root === list);
  if (!item) return [];
  assert.ok(item.value.kind === 'tuple');
  return item.value.items.map((entry) => {
    assert.ok(entry.kind === 'object');
    const name = entry.items.find((i) => i.key.kind === 'traversal' && i.key.root === 'name')!.value;
    assert.ok(name.kind === 'template' && name.parts[0]?.kind === 'string');
    return name.parts[0].value;
  });
}

/** The value expression of an entry of the container's environment/secrets, as HCL text. */
export function containerEntry(containerExpr: Expr, list: 'environment' | 'secrets', name: string): string | undefined {
  assert.ok(containerExpr.kind === 'object');
  const item = containerExpr.items.find((i) => i.key.kind === 'traversal' && i.key.root === list);
  if (!item || item.value.kind !== 'tuple') return undefined;
  for (const entry of item.value.items) {
    if (entry.kind !== 'object') continue;
    const n = entry.items.find((i) => i.key.kind === 'traversal' && i.key.root === 'name')!.value;
    if (n.kind === 'template' && n.parts[0]?.kind === 'string' && n.parts[0].value === name) {
      const value = entry.items.find((i) => i.key.kind === 'traversal' && (i.key.root === 'value' || i.key.root === 'valueFrom'));
      return value ? writeExpr(value.value) : undefined;
    }
  }
  return undefined;
}

/**
 * The value of a block's attribute as Terraform would compute it in the generated root module,
 * with the given variable values (defaults otherwise): `local.names.x` resolves through the
 * generated locals. Undefined when it depends on something known only at apply.
 */
export function evaluatedAttr(result: GenerateResult, target: Block, name: string, variables: Record<string, string> = {}): Value | undefined {
  const attribute = target.body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === name);
  assert.ok(attribute, `expected attribute ${name}`);
  const evaluated = evaluate(attribute.expr, { module: rootModuleOf(result), variables });
  return isUnknown(evaluated) ? undefined : evaluated;
}

function rootModuleOf(result: GenerateResult): ModuleIndex {
  const files = result.files.filter((f) => f.path.endsWith('.tf') && !f.path.includes('/examples/'));
  const dir = files.map((f) => f.path.replace(/\/[^/]+$/, '')).sort((a, b) => a.length - b.length)[0]!;
  const parsed = files
    .filter((f) => f.path.replace(/\/[^/]+$/, '') === dir)
    .map((f) => ({ path: f.path, text: f.content, ast: parseHcl(f.path, f.content).file }));
  return indexModule(dir, parsed, true);
}
