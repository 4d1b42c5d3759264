/**
 * How a service is named on its networks: `networks` (list, or mapping with `aliases`) and
 * `links` (`service` or `service:alias`). In Compose every one of those names resolves from the
 * other services of the network; the model makes them resolve on AWS too.
 */
import type { ServiceLink, ServiceNetwork } from '../types.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { isAbsent, readMap, readStringList, typeError } from './read.js';
import { scalarText, valueOf, type SourceNode } from './source-tree.js';

export function normalizeServiceNetworks(node: SourceNode | undefined, path: string, findings: FindingCollector): ServiceNetwork[] {
  if (isAbsent(node)) return [];
  if (node.kind === 'seq') {
    return node.items.flatMap((item, i) => (item.kind === 'scalar' && item.value !== null ? [{ name: scalarText(item), aliases: [], at: item.at, path: itemPath(path, i) }] : []));
  }
  if (node.kind !== 'map') return typeError(findings, node, path, 'a list of network names or a mapping') ?? [];
  return node.entries.map((entry) => {
    const entryPath = childPath(path, entry.key);
    const body = readMap(entry.value, entryPath, findings);
    const aliases = body ? readStringList(valueOf(body, 'aliases'), childPath(entryPath, 'aliases'), findings).map((a) => a.value) : [];
    return { name: entry.key, aliases, at: entry.keyAt, path: entryPath };
  });
}

export function normalizeLinks(node: SourceNode | undefined, path: string, findings: FindingCollector): ServiceLink[] {
  return readStringList(node, path, findings).map((link) => {
    const [service = '', alias] = link.value.split(':');
    return { service, alias: alias ?? service, at: link.at, path: link.path };
  });
}
