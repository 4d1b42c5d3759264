/** Reading a diagram in tests: nodes by id, edges as `from -> to` strings. */
import assert from 'node:assert/strict';
import type { ArchitectureDiagram, DiagramNode } from '../../src/diagram/index.js';

export function node(diagram: ArchitectureDiagram, id: string): DiagramNode {
  const found = diagram.nodes.find((n) => n.id === id);
  assert.ok(found, `expected node ${id}; have ${diagram.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

/** `a -> b` for traffic, `a .-> b` for use, with ` [label]` when labelled. */
export function edges(diagram: ArchitectureDiagram): string[] {
  return diagram.edges.map((e) => `${e.from} ${e.style === 'traffic' ? '->' : '.->'} ${e.to}${e.label ? ` [${e.label}]` : ''}`);
}

export function byZone(diagram: ArchitectureDiagram): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of diagram.nodes) (out[n.zone] ??= []).push(n.id);
  return out;
}
