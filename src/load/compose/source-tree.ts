/**
 * The loader's working representation of a Compose document: YAML values with their positions,
 * before normalisation. Unlike the public `RawNode`, a node here also knows the directory its
 * relative paths are resolved against, its `!reset`/`!override` tag and the variables interpolated
 * into it. Paths are not stored: a value's logical path depends on where merging puts it.
 */
import type { SourcePoint } from '../../diagnostics/finding.js';

export type ScalarValue = string | number | boolean | null;
export type MergeTag = 'reset' | 'override';

interface SourceBase {
  readonly at: SourcePoint;
  /** Directory that relative paths in this value resolve against (project or included dir). */
  readonly baseDir: string;
  readonly tag?: MergeTag | undefined;
}

export interface SourceScalar extends SourceBase {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  /** The value as written: source text for plain scalars (`0.10`), the decoded string otherwise. */
  readonly text: string;
  /** Variables interpolated into the value. */
  readonly variables: readonly string[];
}

export interface SourceEntry {
  readonly key: string;
  readonly keyAt: SourcePoint;
  readonly value: SourceNode;
}

export interface SourceMap extends SourceBase {
  readonly kind: 'map';
  readonly entries: readonly SourceEntry[];
}

export interface SourceSeq extends SourceBase {
  readonly kind: 'seq';
  readonly items: readonly SourceNode[];
}

export type SourceNode = SourceScalar | SourceMap | SourceSeq;

export function entryOf(map: SourceMap, key: string): SourceEntry | undefined {
  return map.entries.find((entry) => entry.key === key);
}

export function valueOf(map: SourceMap, key: string): SourceNode | undefined {
  return entryOf(map, key)?.value;
}

export function withEntries(map: SourceMap, entries: readonly SourceEntry[]): SourceMap {
  return { ...map, entries };
}

export function withoutKey(map: SourceMap, key: string): SourceMap {
  return withEntries(
    map,
    map.entries.filter((entry) => entry.key !== key),
  );
}

/** Replaces (or appends) the entry for `key`, keeping its place in the mapping. */
export function withEntry(map: SourceMap, entry: SourceEntry): SourceMap {
  const index = map.entries.findIndex((e) => e.key === entry.key);
  if (index < 0) return withEntries(map, [...map.entries, entry]);
  const entries = [...map.entries];
  entries[index] = entry;
  return withEntries(map, entries);
}

export function emptyMap(at: SourcePoint, baseDir: string): SourceMap {
  return { kind: 'map', entries: [], at, baseDir };
}

export function scalarNode(value: ScalarValue, at: SourcePoint, baseDir: string, variables: readonly string[] = []): SourceScalar {
  return { kind: 'scalar', value, text: value === null ? '' : String(value), variables, at, baseDir };
}

/** A scalar as a string the way Compose stringifies it: numbers as written, booleans as true/false. */
export function scalarText(node: SourceScalar): string {
  if (node.value === null) return '';
  if (typeof node.value === 'boolean') return String(node.value);
  if (typeof node.value === 'number') return node.text;
  return node.value;
}

/** Drops merge tags recursively (and `!reset` entries): after merging they have served their purpose. */
export function untagged(node: SourceNode): SourceNode {
  switch (node.kind) {
    case 'scalar':
      return node.tag === undefined ? node : { ...node, tag: undefined };
    case 'seq':
      return { ...node, tag: undefined, items: node.items.map(untagged) };
    case 'map':
      return untaggedMap(node);
  }
}

export function untaggedMap(map: SourceMap): SourceMap {
  return {
    ...map,
    tag: undefined,
    entries: map.entries.filter((e) => e.value.tag !== 'reset').map((e) => ({ ...e, value: untagged(e.value) })),
  };
}

/** Structural equality ignoring positions, used to accept identical re-definitions. */
export function sameContent(a: SourceNode, b: SourceNode): boolean {
  if (a.kind === 'scalar' && b.kind === 'scalar') return a.value === b.value;
  if (a.kind === 'seq' && b.kind === 'seq') {
    return a.items.length === b.items.length && a.items.every((item, i) => {
      const other = b.items[i];
      return other !== undefined && sameContent(item, other);
    });
  }
  if (a.kind === 'map' && b.kind === 'map') {
    if (a.entries.length !== b.entries.length) return false;
    return a.entries.every((entry) => {
      const other = valueOf(b, entry.key);
      return other !== undefined && sameContent(entry.value, other);
    });
  }
  return false;
}

export function describeKind(node: SourceNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'null';
  return `${typeof node.value === 'string' ? 'the string' : `the ${typeof node.value}`} ${JSON.stringify(node.value)}`;
}
