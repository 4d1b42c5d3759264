/**
 * The Compose merge rules (https://docs.docker.com/reference/compose-file/merge/, compose-go
 * `override/merge.go`), used for several `-f` files, several YAML documents in one file, and
 * `extends`. Mappings merge recursively, sequences append, scalars are replaced; `command`,
 * `entrypoint` and `healthcheck.test` are replaced; key/value attributes (`environment`,
 * `labels`...) merge by key; `depends_on`, `networks` and `build` merge in their long form;
 * `!reset` removes a value and `!override` replaces it whole. Every value keeps its own position,
 * so a merged value points at the file that supplied it.
 */
import type { FindingCollector } from './findings.js';
import { childPath } from './paths.js';
import {
  describeKind,
  scalarNode,
  scalarText,
  untagged,
  untaggedMap,
  valueOf,
  type SourceEntry,
  type SourceMap,
  type SourceNode,
  type SourceScalar,
} from './source-tree.js';

type Segments = readonly string[];
type Merger = (base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector) => SourceNode;

const SPECIAL_MERGERS: ReadonlyArray<readonly [string, Merger]> = [
  ['services.*.command', replace],
  ['services.*.entrypoint', replace],
  ['services.*.healthcheck.test', replace],
  ['services.*.ulimits.*', replace],
  ['services.*.build', mergeBuild],
  ['services.*.depends_on', mergeDependsOn],
  ['services.*.networks', mergeServiceNetworks],
  ['services.*.logging', mergeLogging],
  ...[
    'services.*.environment',
    'services.*.labels',
    'services.*.annotations',
    'services.*.sysctls',
    'services.*.extra_hosts',
    'services.*.build.args',
    'services.*.build.labels',
    'services.*.build.additional_contexts',
    'services.*.build.extra_hosts',
    'services.*.deploy.labels',
    'networks.*.labels',
    'volumes.*.labels',
    'secrets.*.labels',
    'configs.*.labels',
  ].map((pattern) => [pattern, mergeKeyValues] as const),
  ...['services.*.env_file', 'services.*.label_file', 'services.*.dns', 'services.*.dns_opt', 'services.*.dns_search', 'services.*.tmpfs'].map(
    (pattern) => [pattern, mergeAsLists] as const,
  ),
];

/** Merges Compose layers in order: later layers override earlier ones. */
export function mergeLayers(layers: readonly SourceMap[], findings: FindingCollector): SourceMap | undefined {
  const [first, ...rest] = layers;
  if (first === undefined) return undefined;
  return rest.reduce((merged, layer) => mergeMaps(merged, layer, [], findings), untaggedMap(first));
}

/** Merges `override` into `base`; undefined when `override` is tagged `!reset`. */
export function mergeNodes(base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector): SourceNode | undefined {
  if (override.tag === 'reset') return undefined;
  if (override.tag === 'override') return untagged(override);
  const special = SPECIAL_MERGERS.find(([pattern]) => matches(pattern, path));
  if (special) return special[1](base, override, path, findings);
  if (override.kind === 'scalar' && override.value === null) return base;
  if (base.kind === 'map' && override.kind === 'map') return mergeMaps(base, override, path, findings);
  if (base.kind === 'seq' && override.kind === 'seq') return { ...base, items: [...base.items, ...override.items.map(untagged)] };
  if (base.kind === 'scalar' && override.kind === 'scalar') return untagged(override);
  if (base.kind === 'scalar' && base.value === null) return untagged(override);
  findings.report({
    code: 'COMPOSE_MERGE_CONFLICT',
    at: override.at,
    path: logicalPath(path),
    message: `Cannot merge ${logicalPath(path)}: it is ${describeKind(base)} in ${base.at.file}:${base.at.line} and ${describeKind(override)} here.`,
    hint: 'Use the same form in both places, or tag this value `!override` to replace the earlier one.',
  });
  return untagged(override);
}

export function mergeMaps(base: SourceMap, override: SourceMap, path: Segments, findings: FindingCollector): SourceMap {
  const entries: SourceEntry[] = [...base.entries];
  for (const entry of override.entries) {
    const index = entries.findIndex((e) => e.key === entry.key);
    const existing = index < 0 ? undefined : entries[index];
    if (entry.value.tag === 'reset') {
      if (index >= 0) entries.splice(index, 1);
      continue;
    }
    // Extension values are opaque to Compose: the later one replaces the earlier one whole.
    if (existing === undefined || entry.key.startsWith('x-')) {
      const replacement = { ...entry, value: untagged(entry.value) };
      if (index < 0) entries.push(replacement);
      else entries[index] = replacement;
      continue;
    }
    const merged = mergeNodes(existing.value, entry.value, [...path, entry.key], findings);
    if (merged === undefined) {
      entries.splice(index, 1);
      continue;
    }
    const replaced = entry.value.kind === 'scalar' || entry.value.tag === 'override';
    entries[index] = { key: entry.key, keyAt: replaced && merged !== existing.value ? entry.keyAt : existing.keyAt, value: merged };
  }
  return { ...base, tag: undefined, entries };
}

function replace(_base: SourceNode, override: SourceNode): SourceNode {
  return untagged(override);
}

/** `build: ./dir` is short for `build: {context: ./dir}`. */
function mergeBuild(base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector): SourceNode {
  const asMap = (node: SourceNode): SourceNode =>
    node.kind === 'scalar' && node.value !== null ? { kind: 'map', at: node.at, baseDir: node.baseDir, entries: [{ key: 'context', keyAt: node.at, value: node }] } : node;
  return mergeGeneric(asMap(base), asMap(override), path, findings);
}

/** A `depends_on` list is short for a mapping with `condition: service_started`. */
function mergeDependsOn(base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector): SourceNode {
  const asMap = (node: SourceNode): SourceNode => {
    if (node.kind !== 'seq') return node;
    const entries = node.items.map((item): SourceEntry => {
      const defaults: SourceEntry[] = [
        { key: 'condition', keyAt: item.at, value: scalarNode('service_started', item.at, item.baseDir) },
        { key: 'required', keyAt: item.at, value: scalarNode(true, item.at, item.baseDir) },
      ];
      return { key: item.kind === 'scalar' ? scalarText(item) : '', keyAt: item.at, value: { kind: 'map', at: item.at, baseDir: item.baseDir, entries: defaults } };
    });
    return { kind: 'map', at: node.at, baseDir: node.baseDir, entries };
  };
  return mergeGeneric(asMap(base), asMap(override), path, findings);
}

/** A service `networks` list is short for a mapping of network names to null. */
function mergeServiceNetworks(base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector): SourceNode {
  const asMap = (node: SourceNode): SourceNode =>
    node.kind !== 'seq'
      ? node
      : {
          kind: 'map',
          at: node.at,
          baseDir: node.baseDir,
          entries: node.items.map((item) => ({ key: item.kind === 'scalar' ? scalarText(item) : '', keyAt: item.at, value: scalarNode(null, item.at, item.baseDir) })),
        };
  return mergeGeneric(asMap(base), asMap(override), path, findings);
}

/** Logging options merge only when both files use the same driver (or one names none). */
function mergeLogging(base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector): SourceNode {
  if (base.kind === 'map' && override.kind === 'map') {
    const baseDriver = valueOf(base, 'driver');
    const overrideDriver = valueOf(override, 'driver');
    if (baseDriver?.kind === 'scalar' && overrideDriver?.kind === 'scalar' && baseDriver.value !== overrideDriver.value) return untagged(override);
  }
  return mergeGeneric(base, override, path, findings);
}

/** The generic rules, without looking for a special merger again at the same path. */
function mergeGeneric(base: SourceNode, override: SourceNode, path: Segments, findings: FindingCollector): SourceNode {
  if (base.kind === 'map' && override.kind === 'map') return mergeMaps(base, override, path, findings);
  if (override.kind === 'scalar' && override.value === null) return base;
  return untagged(override);
}

/**
 * `environment`, `labels`... merge by key whichever syntax each side uses. Two mappings stay a
 * mapping; otherwise the result is a `KEY=value` list where a later key replaces an earlier one in
 * place (compose-go converts to a list and enforces unique keys the same way).
 */
function mergeKeyValues(base: SourceNode, override: SourceNode): SourceNode {
  if (override.kind === 'scalar' && override.value === null) return base;
  if (base.kind === 'map' && override.kind === 'map') {
    const entries = [...base.entries];
    for (const entry of override.entries) {
      const index = entries.findIndex((e) => e.key === entry.key);
      const replacement = { ...entry, value: untagged(entry.value) };
      if (index < 0) entries.push(replacement);
      else entries[index] = replacement;
    }
    return { ...base, tag: undefined, entries };
  }
  const items: SourceNode[] = [];
  const keys: string[] = [];
  for (const item of [...keyValueItems(base), ...keyValueItems(override)]) {
    const key = item.kind === 'scalar' ? keyOfKeyValue(scalarText(item)) : undefined;
    const index = key === undefined ? -1 : keys.indexOf(key);
    if (index >= 0) {
      items[index] = item;
    } else {
      items.push(item);
      keys.push(key ?? '');
    }
  }
  return { kind: 'seq', at: base.at, baseDir: base.baseDir, items };
}

function keyValueItems(node: SourceNode): SourceNode[] {
  if (node.kind === 'seq') return node.items.map(untagged);
  if (node.kind === 'scalar') return node.value === null ? [] : [untagged(node)];
  return node.entries.map((entry): SourceNode => {
    if (entry.value.kind !== 'scalar') return untagged(entry.value);
    const value = entry.value;
    const text = value.value === null ? entry.key : `${entry.key}=${scalarText(value)}`;
    const item: SourceScalar = { kind: 'scalar', value: text, text, variables: value.variables, at: entry.keyAt, baseDir: value.baseDir };
    return item;
  });
}

export function keyOfKeyValue(text: string): string {
  const separator = text.indexOf('=');
  return separator < 0 ? text : text.slice(0, separator);
}

/** Attributes that accept a string or a list (`env_file`, `dns`...) append as lists. */
function mergeAsLists(base: SourceNode, override: SourceNode): SourceNode {
  if (override.kind === 'scalar' && override.value === null) return base;
  const asItems = (node: SourceNode): SourceNode[] => (node.kind === 'seq' ? node.items.map(untagged) : node.kind === 'scalar' && node.value === null ? [] : [untagged(node)]);
  return { kind: 'seq', at: base.at, baseDir: base.baseDir, items: [...asItems(base), ...asItems(override)] };
}

function matches(pattern: string, path: Segments): boolean {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i]);
}

function logicalPath(path: Segments): string {
  return path.reduce((acc, key) => childPath(acc, key), '');
}
