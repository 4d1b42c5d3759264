/** Shared by the cost, diagram and report tests: Terraform from inline text or from an example. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { estimateCost, usageSchema, type CostEstimate, type NotEstimated, type ResourceCost, type UsageInput } from '../../src/cost/index.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { loadCompose } from '../../src/load/compose/index.js';
import { check } from '../../src/check/index.js';
import type { ModuleIndex } from '../../src/terraform/index.js';
import { fromRoot } from '../helpers/paths.js';

/** Parses files (path → HCL) the way `ecsform cost` does; only our own parser, no WebAssembly. */
export async function modulesOf(files: Record<string, string>): Promise<ModuleIndex[]> {
  const { modules } = await check({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { checks: new Set() });
  return [...modules];
}

export async function estimateOf(files: Record<string, string>, usage: UsageInput = {}): Promise<CostEstimate> {
  return estimateCost(await modulesOf(files), usageSchema.parse(usage));
}

export function costOf(estimate: CostEstimate, address: string): ResourceCost {
  const found = estimate.resources.find((r) => r.address === address);
  assert.ok(found, `expected a cost for ${address}; priced: ${estimate.resources.map((r) => r.address).join(', ')}; not estimated: ${estimate.notEstimated.map((n) => `${n.address} (${n.reason})`).join('; ')}`);
  return found;
}

export function notEstimated(estimate: CostEstimate, address: string): NotEstimated[] {
  return estimate.notEstimated.filter((n) => n.address === address);
}

/** Money compared to the cent, as the issue asks. */
export function assertUsd(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 0.01, `${what}: expected $${expected.toFixed(4)}, got $${actual.toFixed(4)}`);
}

export interface Example {
  readonly result: GenerateResult;
  readonly modules: ModuleIndex[];
}

const examples = new Map<string, Promise<Example>>();

/** Generates `examples/<name>/compose.yaml` in memory and parses the Terraform it produces. */
export function example(name: string): Promise<Example> {
  let found = examples.get(name);
  if (!found) examples.set(name, (found = generateExample(name)));
  return found;
}

async function generateExample(name: string): Promise<Example> {
  const file = fromRoot('examples', name, 'compose.yaml');
  const { project } = loadCompose({
    files: [{ path: file, text: readFileSync(file, 'utf8') }],
    readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    env: {},
    projectDir: dirname(file),
  });
  const result = generate(project, { sourceNames: ['compose.yaml'] });
  const tf = Object.fromEntries(result.files.filter((f) => f.path.endsWith('.tf')).map((f) => [f.path, f.content]));
  return { result, modules: await modulesOf(tf) };
}
