/**
 * Attributes written either as a mapping (`KEY: value`) or as a list (`- KEY=value`, `- KEY`):
 * `environment`, `build.args`, `labels`. A key without a value is "take it from the environment".
 */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { isAbsent, typeError } from './read.js';
import { describeKind, scalarText, type SourceNode } from './source-tree.js';

export interface KeyValue {
  readonly key: string;
  /** Undefined when declared without a value (`- KEY`, `KEY:`). */
  readonly value: string | undefined;
  readonly at: SourcePoint;
  readonly path: string;
  readonly variables: readonly string[];
}

/** Entries in order of first appearance; a repeated key takes the later value. */
export function readKeyValues(node: SourceNode | undefined, path: string, findings: FindingCollector): KeyValue[] {
  if (isAbsent(node)) return [];
  const found: KeyValue[] = [];
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      const entryPath = childPath(path, entry.key);
      const value = entry.value;
      if (value.kind !== 'scalar') {
        typeError(findings, value, entryPath, 'a string, number, boolean or null');
        continue;
      }
      found.push({ key: entry.key, value: value.value === null ? undefined : scalarText(value), at: entry.keyAt, path: entryPath, variables: value.variables });
    }
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      if (item.kind !== 'scalar' || item.value === null) {
        typeError(findings, item, itemPath(path, i), 'a "KEY=value" string');
        return;
      }
      const text = scalarText(item);
      const separator = text.indexOf('=');
      const key = separator < 0 ? text : text.slice(0, separator);
      if (key === '') {
        findings.report({ code: 'COMPOSE_TYPE', at: item.at, path: itemPath(path, i), message: `${itemPath(path, i)}: ${JSON.stringify(text)} has no name before "=".`, hint: 'Write entries as KEY=value.' });
        return;
      }
      found.push({ key, value: separator < 0 ? undefined : text.slice(separator + 1), at: item.at, path: childPath(path, key), variables: item.variables });
    });
  } else {
    findings.report({
      code: 'COMPOSE_TYPE',
      at: node.at,
      path,
      message: `${path} must be a mapping or a list of "KEY=value" strings, not ${describeKind(node)}.`,
      hint: `Write ${path} as KEY: value lines, or as a list of KEY=value.`,
    });
    return [];
  }
  const byKey = new Map<string, KeyValue>();
  for (const entry of found) byKey.set(entry.key, entry);
  return [...byKey.values()];
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
