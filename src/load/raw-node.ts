/**
 * Helpers over positioned Compose values (`RawNode`): convert to plain data for schema
 * validation, and find where a path inside a node was written so every message can point at it.
 */
import type { SourcePoint } from '../diagnostics/finding.js';
import type { RawNode } from './types.js';

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

export function toPlain(node: RawNode): Plain {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: { [key: string]: Plain } = {};
      for (const entry of node.entries) out[entry.key] = toPlain(entry.value);
      return out;
    }
  }
}

export interface NodeLocation {
  readonly at: SourcePoint;
  readonly path: string;
}

/**
 * Where `segments` (map keys and sequence indexes) lead inside `node`. Stops at the deepest
 * existing node, so a missing key points at its parent. With `key: true` the position of the
 * last map key is returned instead of its value (for "unknown key" messages).
 */
export function locate(node: RawNode, segments: readonly (string | number)[], options: { key?: boolean } = {}): NodeLocation {
  let current: RawNode = node;
  let location: NodeLocation = { at: node.at, path: node.path };
  for (const segment of segments) {
    if (current.kind === 'map') {
      const entry = current.entries.find((e) => e.key === String(segment));
      if (!entry) break;
      location = { at: options.key && segment === segments[segments.length - 1] ? entry.keyAt : entry.value.at, path: entry.value.path };
      current = entry.value;
    } else if (current.kind === 'seq' && typeof segment === 'number' && current.items[segment]) {
      current = current.items[segment]!;
      location = { at: current.at, path: current.path };
    } else {
      break;
    }
  }
  return location;
}

/** Position of key `name` inside a map node (falls back to the map itself). */
export function keyLocation(node: RawNode, name: string): NodeLocation {
  if (node.kind === 'map') {
    const entry = node.entries.find((e) => e.key === name);
    if (entry) return { at: entry.keyAt, path: entry.value.path };
  }
  return { at: node.at, path: node.path };
}
