/**
 * Service references to top-level secrets and configs, short (`- name`) or long (`source`,
 * `target`). A secret's target defaults to `/run/secrets/<source>`; a relative target is placed
 * under `/run/secrets` too.
 */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { FileOwnership, ServiceConfigRef, ServiceSecretRef } from '../types.js';
import { optional } from './defined.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { readSeq, readString } from './read.js';
import { scalarText, valueOf } from './source-tree.js';
import type { SourceNode } from './source-tree.js';

export interface MountReference extends FileOwnership {
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
    const uid = readString(valueOf(item, 'uid'), childPath(entryPath, 'uid'), findings)?.value;
    const gid = readString(valueOf(item, 'gid'), childPath(entryPath, 'gid'), findings)?.value;
    const mode = readMode(valueOf(item, 'mode'), childPath(entryPath, 'mode'), findings);
    references.push({ source: source.value, target, ...optional('uid', uid), ...optional('gid', gid), ...optional('mode', mode), at: item.at, path: entryPath });
  });
  return references;
}

export function toSecretRefs(references: readonly MountReference[]): ServiceSecretRef[] {
  return references.map(({ target, ...rest }) => ({
    ...rest,
    target: target === undefined || target === '' ? `/run/secrets/${rest.source}` : target.startsWith('/') ? target : `/run/secrets/${target}`,
  }));
}

/** Configs mount at `/<source>` unless a target is given (a relative target is under `/`). */
export function toConfigRefs(references: readonly MountReference[]): ServiceConfigRef[] {
  return references.map(({ target, ...rest }) => ({
    ...rest,
    target: target === undefined || target === '' ? `/${rest.source}` : target.startsWith('/') ? target : `/${target}`,
  }));
}

/**
 * A file mode as compose-go reads it: a string is octal (`"0440"`, `"440"`); a YAML number is
 * octal when written with a leading 0 (`0440`), else decimal.
 */
function readMode(node: SourceNode | undefined, path: string, findings: FindingCollector): number | undefined {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return undefined;
  const text = node.kind === 'scalar' ? scalarText(node).trim() : '';
  const isString = node.kind === 'scalar' && typeof node.value === 'string';
  const octal = (isString ? /^(?:0o?)?([0-7]{1,4})$/i : /^0o?([0-7]{1,4})$/i).exec(text);
  if (octal) return Number.parseInt(octal[1]!, 8);
  if (!isString && /^\d{1,4}$/.test(text) && Number(text) <= 0o7777) return Number(text);
  findings.report({ code: 'COMPOSE_TYPE', at: node.at, path, message: `${path} must be a file mode such as "0440".`, hint: 'Write the mode as an octal string, e.g. mode: "0440".' });
  return undefined;
}
