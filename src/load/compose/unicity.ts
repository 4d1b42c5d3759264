/**
 * After merging, Compose keeps one entry per identity in list attributes (compose-go
 * `EnforceUnicity`): a later entry replaces an earlier one with the same key, in the earlier
 * entry's place. `ports` and `expose` are appended then de-duplicated this way; `volumes`,
 * `secrets` and `configs` are keyed by their target path.
 */
import { keyOfKeyValue } from './merge.js';
import { scalarText, valueOf, withEntry, type SourceMap, type SourceNode } from './source-tree.js';
import { parseShortVolume } from './volume-spec.js';

type Indexer = (item: SourceNode) => string | undefined;

const keyValue: Indexer = (item) => (item.kind === 'scalar' ? keyOfKeyValue(scalarText(item)) : undefined);
const text: Indexer = (item) => (item.kind === 'scalar' ? scalarText(item) : undefined);

const SERVICE_INDEXERS: Readonly<Record<string, Indexer>> = {
  environment: keyValue,
  labels: keyValue,
  annotations: keyValue,
  sysctls: keyValue,
  dns: keyValue,
  dns_opt: keyValue,
  dns_search: keyValue,
  cap_add: keyValue,
  cap_drop: keyValue,
  links: keyValue,
  profiles: keyValue,
  tmpfs: keyValue,
  expose: text,
  env_file: (item) => (item.kind === 'scalar' ? scalarText(item) : item.kind === 'map' ? fieldText(item, 'path') : undefined),
  ports: portKey,
  volumes: volumeKey,
  secrets: mountKey('/run/secrets'),
  configs: mountKey(''),
};

export function enforceServiceUnicity(service: SourceMap): SourceMap {
  let result = service;
  for (const entry of service.entries) {
    const indexer = SERVICE_INDEXERS[entry.key];
    if (indexer && entry.value.kind === 'seq') result = withEntry(result, { ...entry, value: { ...entry.value, items: unique(entry.value.items, indexer) } });
  }
  const build = valueOf(result, 'build');
  const args = build?.kind === 'map' ? valueOf(build, 'args') : undefined;
  if (build?.kind === 'map' && args?.kind === 'seq') {
    const buildEntry = result.entries.find((e) => e.key === 'build');
    const argsEntry = build.entries.find((e) => e.key === 'args');
    if (buildEntry && argsEntry) {
      const newBuild = withEntry(build, { ...argsEntry, value: { ...args, items: unique(args.items, keyValue) } });
      result = withEntry(result, { ...buildEntry, value: newBuild });
    }
  }
  return result;
}

function unique(items: readonly SourceNode[], indexer: Indexer): SourceNode[] {
  const result: SourceNode[] = [];
  const positions = new Map<string, number>();
  for (const item of items) {
    const key = indexer(item);
    const existing = key === undefined ? undefined : positions.get(key);
    if (existing !== undefined) {
      result[existing] = item;
    } else {
      if (key !== undefined) positions.set(key, result.length);
      result.push(item);
    }
  }
  return result;
}

function portKey(item: SourceNode): string | undefined {
  if (item.kind === 'scalar') return scalarText(item);
  if (item.kind !== 'map') return undefined;
  const field = (name: string, fallback: string): string => fieldText(item, name) ?? fallback;
  return `${field('host_ip', '0.0.0.0')}:${field('published', '')}:${field('target', '')}/${field('protocol', 'tcp')}`;
}

function volumeKey(item: SourceNode): string | undefined {
  if (item.kind === 'map') return fieldText(item, 'target');
  if (item.kind !== 'scalar') return undefined;
  const parsed = parseShortVolume(scalarText(item));
  return parsed.ok ? parsed.volume.target : undefined;
}

function mountKey(defaultDir: string): Indexer {
  return (item) => {
    if (item.kind === 'scalar') return `${defaultDir}/${scalarText(item)}`;
    if (item.kind !== 'map') return undefined;
    return fieldText(item, 'target') ?? `${defaultDir}/${fieldText(item, 'source') ?? ''}`;
  };
}

function fieldText(map: SourceMap, key: string): string | undefined {
  const value = valueOf(map, key);
  return value?.kind === 'scalar' && value.value !== null ? scalarText(value) : undefined;
}
