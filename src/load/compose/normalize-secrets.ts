/**
 * Service references to top-level secrets and configs, short (`- name`) or long (`source`,
 * `target`). A secret's target defaults to `/run/secrets/<source>`; a relative target is placed
 * under `/run/secrets` too.
 */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { ServiceSecretRef } from '../types.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { readSeq, readString } from './read.js';
import { scalarText, valueOf } from './source-tree.js';
import type { SourceNode } from './source-tree.js';

export interface MountReference {
  readonly source: string;
  readonly target: string | undefined;
  readonly at: SourcePoint;
  readonly path: string;
}

/** `secrets` or `configs` entries of a service, with their source names. */
export function readMountReferences(node: SourceNode | undefined, path: string, findings: FindingCollector): MountReference[] {
  const list = readSeq(node, path, findings);
  if (!list) return [];
  const references: MountReference[] = [];
  list.items.forEach((item, i) => {
    const entryPath = itemPath(path, i);
    if (item.kind === 'scalar' && item.value !== null) {
      references.push({ source: scalarText(item), target: undefined, at: item.at, path: entryPath });
      return;
    }
    if (item.kind !== 'map') {
      findings.report({ code: 'COMPOSE_TYPE', at: item.at, path: entryPath, message: `${entryPath} must be a name or a mapping with \`source\`.`, hint: 'Write `- name` or `- source: name`.' });
      return;
    }
    const source = readString(valueOf(item, 'source'), childPath(entryPath, 'source'), findings);
    if (!source) {
      findings.report({ code: 'COMPOSE_FIELD_MISSING', at: item.at, path: entryPath, message: `${entryPath} has no \`source\`.`, hint: 'Add `source: <name of the top-level secret or config>`.' });
      return;
    }
    const target = readString(valueOf(item, 'target'), childPath(entryPath, 'target'), findings)?.value;
    references.push({ source: source.value, target, at: item.at, path: entryPath });
  });
  return references;
}

export function toSecretRefs(references: readonly MountReference[]): ServiceSecretRef[] {
  return references.map(({ source, target, at, path }) => ({
    source,
    target: target === undefined || target === '' ? `/run/secrets/${source}` : target.startsWith('/') ? target : `/run/secrets/${target}`,
    at,
    path,
  }));
}
