/**
 * The public raw view of merged values (`RawNode`), plus helpers for the layers above: find the
 * node (and so the position) at a path, and turn a raw node into a plain value (e.g. to validate
 * `x-ecsform` with a schema).
 */
import type { RawMap, RawNode } from '../types.js';
import { childPath, itemPath } from './paths.js';
import type { SourceMap, SourceNode } from './source-tree.js';

export function toRaw(node: SourceNode, path: string): RawNode {
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, at: node.at, path };
    case 'seq':
      return { kind: 'seq', items: node.items.map((item, i) => toRaw(item, itemPath(path, i))), at: node.at, path };
    case 'map':
      return toRawMap(node, path);
  }
}

export function toRawMap(node: SourceMap, path: string): RawMap {
  return {
    kind: 'map',
    entries: node.entries.map((entry) => ({ key: entry.key, keyAt: entry.keyAt, value: toRaw(entry.value, childPath(path, entry.key)) })),
    at: node.at,
    path,
  };
}

/**
 * The node at `path` below `root`, where `path` is relative to `root` (`ports[1]`,
 * `environment.DB_URL`, `labels["com.example.x"]`) or absolute (starting with `root.path`).
 */
export function findRawNode(root: RawNode, path: string): RawNode | undefined {
  const relative = root.path !== '' && (path === root.path || path.startsWith(`${root.path}.`) || path.startsWith(`${root.path}[`)) ? path.slice(root.path.length) : path;
  const segments = parsePath(relative);
  if (segments === undefined) return undefined;
  let node: RawNode | undefined = root;
  for (const segment of segments) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') node = node.kind === 'seq' ? node.items[segment] : undefined;
    else node = node.kind === 'map' ? node.entries.find((entry) => entry.key === segment)?.value : undefined;
  }
  return node;
}

/** A raw node as a plain JSON-like value. */
export function rawToValue(node: RawNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(rawToValue);
    case 'map':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, rawToValue(entry.value)]));
  }
}

/** Path segments, or undefined when the path is malformed. */
function parsePath(path: string): Array<string | number> | undefined {
  const segments: Array<string | number> = [];
  const pattern = /\.?([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (match === null) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) {
      const key = parseQuotedKey(match[3]);
      if (key === undefined) return undefined;
      segments.push(key);
    }
  }
  return segments;
}

function parseQuotedKey(quoted: string): string | undefined {
  try {
    const key: unknown = JSON.parse(quoted);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
