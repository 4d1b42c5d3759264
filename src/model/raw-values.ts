/**
 * Typed reads of service keys the loader keeps raw (labels, tmpfs, ulimits...), each tolerant of
 * the short and long forms Compose allows.
 */
import type { RawNode } from '../load/types.js';
import type { Origin } from './types.js';

export function rawEntry(map: RawNode, key: string): RawNode | undefined {
  return map.kind === 'map' ? map.entries.find((e) => e.key === key)?.value : undefined;
}

export function originOf(node: RawNode): Origin {
  return { at: node.at, path: node.path };
}

export function scalarString(node: RawNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

export function scalarBoolean(node: RawNode | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (node.value === true || node.value === 'true') return true;
  if (node.value === false || node.value === 'false') return false;
  return undefined;
}

/** A string or a list of strings. */
export function stringList(node: RawNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'scalar') return node.value === null ? [] : [String(node.value)];
  if (node.kind === 'seq') return node.items.flatMap((i) => (i.kind === 'scalar' && i.value !== null ? [String(i.value)] : []));
  return [];
}

/** `labels` as a map or a list of `key=value`. */
export function stringMap(node: RawNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (node?.kind === 'map') for (const e of node.entries) out[e.key] = e.value.kind === 'scalar' && e.value.value !== null ? String(e.value.value) : '';
  else
    for (const item of stringList(node)) {
      const eq = item.indexOf('=');
      out[eq < 0 ? item : item.slice(0, eq)] = eq < 0 ? '' : item.slice(eq + 1);
    }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** `ulimits: { nofile: 65535 }` or `{ nofile: { soft: 1024, hard: 4096 } }`. */
export function ulimitList(node: RawNode | undefined): { name: string; soft: number; hard: number }[] {
  if (node?.kind !== 'map') return [];
  return node.entries
    .map((e) => {
      if (e.value.kind === 'scalar') {
        const n = Number(e.value.value);
        return { name: e.key, soft: n, hard: n };
      }
      const soft = Number(scalarString(rawEntry(e.value, 'soft')));
      const hard = Number(scalarString(rawEntry(e.value, 'hard')));
      return { name: e.key, soft, hard };
    })
    .filter((u) => Number.isFinite(u.soft) && Number.isFinite(u.hard))
    .sort((a, b) => a.name.localeCompare(b.name));
}
