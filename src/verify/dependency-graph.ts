/**
 * The dependency graph Terraform orders a module by, from references and `depends_on`. Nodes are
 * resources, data sources and ephemeral resources (by address), `local.x`, `var.x`, `output.x`,
 * and, for calls to local modules present in the input, each input (`module.m.var.x`) and output
 * (`module.m.output.y`) of the call, wired through the called module's own graph. So a resource may
 * feed one input of a module and read an unrelated output without a cycle, as in Terraform. Remote
 * modules are opaque: no edges run through them.
 */
import type { Range } from '../hcl/index.js';
import { blockSite, type ExprScope, type ExprUses, localModuleOf, type ModuleIndex, outputStep, type Reference, referencedAddress } from '../terraform/index.js';

export interface EdgeSite {
  readonly file: string;
  readonly range?: Range | undefined;
}

/** Node → the nodes it depends on, each with where the dependency is written (the first place). */
export type DependencyGraph = ReadonlyMap<string, ReadonlyMap<string, EdgeSite>>;

export interface GraphContext {
  /** Every module of the input, by directory. */
  readonly modules: ReadonlyMap<string, ModuleIndex>;
  usesOf(module: ModuleIndex): ExprUses;
}

/** Module-call arguments that every output of the call depends on. */
const CALL_META_ARGUMENTS = ['count', 'for_each', 'depends_on'];

export function buildDependencyGraph(index: ModuleIndex, context: GraphContext, outputs = new OutputDependencies(context)): DependencyGraph {
  const graph = new Map<string, Map<string, EdgeSite>>();
  const addEdge = (from: string, to: string, site: EdgeSite): void => {
    let out = graph.get(from);
    if (!out) graph.set(from, (out = new Map()));
    if (!out.has(to)) out.set(to, site);
  };
  const localCall = (name: string): ModuleIndex | undefined => localModuleOf(index, name, context.modules);

  for (const ref of context.usesOf(index).references) {
    const from = ownerNode(ref.scope, localCall);
    if (from === undefined) continue;
    for (const to of targetNodes(ref, localCall)) addEdge(from, to, { file: ref.scope.file, range: ref.rootRange ?? ref.range });
  }
  for (const call of index.moduleCalls.values()) {
    const target = localCall(call.name);
    if (!target) continue;
    const site = { file: call.file, range: blockSite(call.block) };
    for (const [output, variables] of outputs.of(target)) {
      const node = `module.${call.name}.output.${output}`;
      for (const variable of [...variables, ...CALL_META_ARGUMENTS]) addEdge(node, `module.${call.name}.var.${variable}`, site);
    }
  }
  return graph;
}

function ownerNode(scope: ExprScope, localCall: (name: string) => ModuleIndex | undefined): string | undefined {
  const owner = scope.owner;
  // A variable's validation reads other values without Terraform ordering anything by it.
  if (owner === undefined || owner.startsWith('var.')) return undefined;
  if (!owner.startsWith('module.')) return owner;
  const name = owner.slice('module.'.length);
  return localCall(name) && scope.argument !== undefined ? `module.${name}.var.${scope.argument}` : undefined;
}

function targetNodes(ref: Reference, localCall: (name: string) => ModuleIndex | undefined): string[] {
  const address = referencedAddress(ref);
  if (address === undefined) return [];
  if (!address.startsWith('module.')) return [address];
  const name = address.slice('module.'.length);
  const target = localCall(name);
  if (!target) return [];
  // A bare `module.m` is all of its outputs.
  const output = outputStep(ref.ops.slice(1))?.name;
  const outputs = output !== undefined ? [output] : [...target.outputs.keys()];
  return outputs.map((o) => `module.${name}.output.${o}`);
}

/** Which variables of a module each of its outputs depends on, computed once per module. */
export class OutputDependencies {
  private readonly computed = new Map<string, ReadonlyMap<string, ReadonlySet<string>>>();
  private readonly computing = new Set<string>();

  constructor(private readonly context: GraphContext) {}

  of(module: ModuleIndex): ReadonlyMap<string, ReadonlySet<string>> {
    const known = this.computed.get(module.dir);
    if (known) return known;
    // A module calling itself (directly or not) is invalid anyway; stop rather than recurse forever.
    if (this.computing.has(module.dir)) return new Map();
    this.computing.add(module.dir);
    const graph = buildDependencyGraph(module, this.context, this);
    this.computing.delete(module.dir);
    const result = new Map<string, ReadonlySet<string>>();
    for (const output of module.outputs.keys()) result.set(output, reachableVariables(graph, `output.${output}`));
    this.computed.set(module.dir, result);
    return result;
  }
}

function reachableVariables(graph: DependencyGraph, start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  const variables = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.get(queue[i]!)?.keys() ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      if (next.startsWith('var.')) variables.add(next.slice('var.'.length));
      else queue.push(next);
    }
  }
  return variables;
}
