/**
 * The import graph between the top-level parts of src/, built from the real import statements of
 * the sources: it has no cycle, every import points down the layers below, and every other part
 * reads Terraform through src/terraform/index.ts only.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fromRoot } from '../helpers/paths.js';

/**
 * The intended direction, top to bottom: a part may import parts of lower layers only, never one
 * of its own layer or above. A new top-level folder (or file) of src/ must be placed here.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Entry points: the process (files, exit codes) and the library API.
  ['cli', 'index'],
  // Outputs built from several others: the HTML report, the generated reference docs.
  ['report', 'docs'],
  ['explain'],
  // Workflows: Compose to files, Terraform to findings, a deployed stack to a verdict.
  ['generate', 'check', 'smoke'],
  // Compose to Terraform blocks; what is done with any Terraform: correctness checks, cost, diagrams,
  // and the user's own `terraform` run on it (validate and a plan without an AWS account).
  ['plan', 'verify', 'cost', 'diagram', 'terraform-run'],
  // The GitHub workflow and its IAM; the security rules (the generator names their ids in the
  // `ecsform:ignore` comments it writes).
  ['ci', 'security'],
  ['model'],
  ['load'],
  // The one layer that reads Terraform; AWS facts as data, with their sources.
  ['terraform', 'aws'],
  ['hcl'],
  // Plumbing everyone may use.
  ['diagnostics', 'util', 'version'],
];

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly target: string;
}

const SRC = fromRoot('src');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `cli` for src/cli/main.ts, `generate` for src/generate.ts. */
function partOf(pathInSrc: string): string {
  const [first = ''] = pathInSrc.split('/');
  return first.replace(/\.(ts|js)$/, '');
}

/** Every import between two different parts, from the sources as written. */
function edges(): Edge[] {
  const out: Edge[] = [];
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path).split('\\').join('/');
    for (const match of readFileSync(path, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const from = partOf(file);
      const to = partOf(target);
      if (from !== to) out.push({ from, to, file, target });
    }
  }
  return out;
}

const EDGES = edges();
const LAYER_OF = new Map(LAYERS.flatMap((parts, layer) => parts.map((part) => [part, layer] as const)));

describe('the layers of src/', () => {
  test('the graph is built from the real imports', () => {
    // A broken pattern would find nothing and pass everything below.
    assert.ok(EDGES.some((e) => e.from === 'cli' && e.to === 'check'));
    assert.ok(EDGES.some((e) => e.from === 'security' && e.to === 'terraform'));
    assert.ok(EDGES.length > 100, `${EDGES.length} imports between parts`);
  });

  test('every part of src/ has its place in the layers', () => {
    const parts = new Set(readdirSync(SRC).map((name) => name.replace(/\.ts$/, '')));
    const unplaced = [...parts].filter((part) => !LAYER_OF.has(part));
    assert.deepEqual(unplaced, [], `place these in LAYERS (${relative(process.cwd(), fromRoot('test/architecture/layers.test.ts'))}): ${unplaced.join(', ')}`);
  });

  test('no import cycle between parts', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of EDGES) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    const cycle = findCycle(graph);
    assert.equal(cycle, undefined, `import cycle: ${cycle?.join(' -> ')}`);
  });

  test('every import points to a lower layer', () => {
    const upward = EDGES.filter((e) => (LAYER_OF.get(e.from) ?? -1) >= (LAYER_OF.get(e.to) ?? Number.MAX_SAFE_INTEGER));
    assert.deepEqual(
      upward.map((e) => `src/${e.file} imports src/${e.target} (${e.from} may not import ${e.to})`),
      [],
    );
  });

  test('Terraform is read through src/terraform/index.ts only', () => {
    const past = EDGES.filter((e) => e.to === 'terraform' && e.target !== 'terraform/index.js');
    assert.deepEqual(
      past.map((e) => `src/${e.file} imports src/${e.target}`),
      [],
    );
  });
});

/** One cycle of the graph, as a path that returns to its start; undefined when there is none. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

