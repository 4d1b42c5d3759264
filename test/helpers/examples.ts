/**
 * The committed examples: their generated files, parsed, so acceptance tests assert on exactly
 * what a user finds in `examples/<name>/`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Attribute, Block } from '../../src/hcl/ast.js';
import { parseHcl } from '../../src/hcl/index.js';
import { check, type CheckResult } from '../../src/check/index.js';
import { fromRoot } from './paths.js';

export interface ExampleTerraform {
  readonly dir: string;
  /** Path relative to `dir` → text. */
  readonly files: ReadonlyMap<string, string>;
  readonly blocks: ReadonlyArray<{ readonly file: string; readonly block: Block }>;
}

export const EXAMPLES = ['insightxi', 'iot-platform', 'sockerless-ecs', 'transparent-trust'] as const;

/** Every `.tf` file under `examples/<name>/<terraformDir>`, parsed. */
export function exampleTerraform(name: string, terraformDir: string): ExampleTerraform {
  const dir = fromRoot('examples', name, terraformDir);
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.tf')) files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  const blocks = [...files].flatMap(([file, text]) => {
    const parsed = parseHcl(file, text);
    assert.deepEqual(parsed.errors, [], `${file} must parse`);
    return parsed.file.body.items.filter((i): i is Block => i.kind === 'block').map((block) => ({ file, block }));
  });
  return { dir, files, blocks };
}

export function resourcesOf(example: ExampleTerraform, type: string, file?: string): Block[] {
  return example.blocks.filter((b) => (file === undefined || b.file === file) && b.block.type === 'resource' && b.block.labels[0] === type).map((b) => b.block);
}

export function resourceOf(example: ExampleTerraform, type: string, name: string): Block {
  const found = resourcesOf(example, type).find((b) => b.labels[1] === name);
  assert.ok(found, `expected ${type}.${name}`);
  return found;
}

export function blockNamed(example: ExampleTerraform, kind: string, labels: readonly string[]): Block | undefined {
  return example.blocks.map((b) => b.block).find((b) => b.type === kind && labels.every((l, i) => b.labels[i] === l));
}

export function attributesOf(block: Block): Map<string, Attribute> {
  return new Map(block.body.items.filter((i): i is Attribute => i.kind === 'attribute').map((a) => [a.name, a]));
}

export async function verifyExample(example: ExampleTerraform): Promise<CheckResult> {
  return check({ files: [...example.files].map(([path, text]) => ({ path, text })) });
}

/**
 * What `ecsform check` reports that no `ecsform:ignore` comment explains: nothing Terraform would
 * reject, nothing high or critical, and exactly the listed lower findings (the honest gaps of the
 * example, shown to the reviewer rather than suppressed).
 */
/** `ecsform check` on the example: no open finding at all; every exception is a commented suppression. */
export async function assertZeroFindings(example: ExampleTerraform): Promise<void> {
  const { findings } = await verifyExample(example);
  const open = findings.filter((f) => !f.suppressed && f.severity !== 'info');
  assert.deepEqual(open.map((f) => `${f.severity} ${f.code} ${f.file}:${f.line} ${f.message}`), []);
}
