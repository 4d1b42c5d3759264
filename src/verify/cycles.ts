/**
 * Dependency cycles, found in the module's dependency graph (`dependency-graph.ts`): each strongly
 * connected component is reported once, with one cycle through it spelled out, at the reference
 * that leaves its first declaration.
 */
import type { Finding } from '../diagnostics/finding.js';
import { verifyFinding } from './codes.js';
import { buildDependencyGraph, type DependencyGraph, type EdgeSite, type GraphContext } from './dependency-graph.js';
import type { ModuleIndex } from '../terraform/index.js';

export function checkCycles(index: ModuleIndex, context: GraphContext): Finding[] {
  const edges = buildDependencyGraph(index, context);
  const findings: Finding[] = [];
  for (const component of stronglyConnected(edges)) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && edges.get(component[0] ?? '')?.has(component[0] ?? '') === true;
    if (component.length < 2 && !selfLoop) continue;
    const start = [...component].sort((a, b) => compareDeclarations(index, a, b))[0]!;
    const cycle = selfLoop ? [start, start] : cycleThrough(start, edges, members);
    const site = edges.get(cycle[0]!)?.get(cycle[1]!);
    const others = component.length - (cycle.length - 1);
    findings.push(
      verifyFinding(
        'REF_CYCLE',
        selfLoop ? `${start} refers to itself.` : `Dependency cycle: ${cycle.join(' → ')}${others > 0 ? ` (and ${others} more in the same cycle)` : ''}.`,
        site,
        { path: start, hint: 'Break the cycle by removing one of the references or depends_on entries, or by moving a shared value into its own resource or local.' },
      ),
    );
  }
  return findings;
}

const NO_EDGES: ReadonlyMap<string, EdgeSite> = new Map();

/** Tarjan's algorithm, iterative so deep graphs cannot overflow the stack. */
function stronglyConnected(edges: DependencyGraph): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of [...edges.keys()].sort()) {
    if (indexOf.has(root)) continue;
    const work: { node: string; next: Iterator<string> }[] = [];
    const enter = (node: string): void => {
      indexOf.set(node, counter);
      lowLink.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (edges.get(node) ?? NO_EDGES).keys() });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const target = step.value;
        if (!indexOf.has(target)) enter(target);
        else if (onStack.has(target)) lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, indexOf.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest path from `start` back to itself inside the component (breadth first). */
function cycleThrough(start: string, edges: DependencyGraph, members: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const target of [...(edges.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        path.push(start);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Declarations of this module in file order; nodes inside module calls after them. */
function compareDeclarations(index: ModuleIndex, a: string, b: string): number {
  const siteA = index.find(a);
  const siteB = index.find(b);
  return (
    Number(siteA === undefined) - Number(siteB === undefined) ||
    (siteA?.file ?? '').localeCompare(siteB?.file ?? '') ||
    (siteA?.node.range?.start.offset ?? 0) - (siteB?.node.range?.start.offset ?? 0) ||
    a.localeCompare(b)
  );
}
