/**
 * Typed reads of source values with Compose's leniency (after interpolation a number or boolean
 * may arrive as a string, which compose-go casts) and a positioned error otherwise.
 */
import type { Located } from '../types.js';
import type { FindingCollector } from './findings.js';
import { itemPath } from './paths.js';
import { describeKind, scalarText, type SourceMap, type SourceNode, type SourceSeq } from './source-tree.js';

/** Reports that `node` is not of the `expected` type; returns undefined for the caller to return. */
export function typeError(findings: FindingCollector, node: SourceNode, path: string, expected: string, hint?: string): undefined {
  findings.report({
    code: 'COMPOSE_TYPE',
    at: node.at,
    path,
    message: `${path} must be ${expected}, not ${describeKind(node)}.`,
    hint: hint ?? `Write ${path} as ${expected}.`,
  });
  return undefined;
}

export function isAbsent(node: SourceNode | undefined): node is undefined {
  return node === undefined || (node.kind === 'scalar' && node.value === null);
}

export function readString(node: SourceNode | undefined, path: string, findings: FindingCollector): Located<string> | undefined {
  if (isAbsent(node)) return undefined;
  if (node.kind !== 'scalar') return typeError(findings, node, path, 'a string');
  return { value: scalarText(node), at: node.at, path };
}

export function readInteger(node: SourceNode | undefined, path: string, findings: FindingCollector, minimum = 0): Located<number> | undefined {
  if (isAbsent(node)) return undefined;
  const text = node.kind === 'scalar' ? scalarText(node).trim() : '';
  if (node.kind !== 'scalar' || !/^[-+]?\d+$/.test(text) || Number(text) < minimum) {
    return typeError(findings, node, path, minimum === 0 ? 'a whole number of at least 0' : `a whole number of at least ${minimum}`);
  }
  return { value: Number(text), at: node.at, path };
}

const TRUE_WORDS = ['y', 'yes', 'true', 'on'];
const FALSE_WORDS = ['n', 'no', 'false', 'off'];

export function readBoolean(node: SourceNode | undefined, path: string, findings: FindingCollector): Located<boolean> | undefined {
  if (isAbsent(node)) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return { value: node.value, at: node.at, path };
  const word = node.kind === 'scalar' ? scalarText(node).toLowerCase() : '';
  if (TRUE_WORDS.includes(word)) return { value: true, at: node.at, path };
  if (FALSE_WORDS.includes(word)) return { value: false, at: node.at, path };
  return typeError(findings, node, path, 'true or false');
}

export function readMap(node: SourceNode | undefined, path: string, findings: FindingCollector, hint?: string): SourceMap | undefined {
  if (isAbsent(node)) return undefined;
  if (node.kind !== 'map') return typeError(findings, node, path, 'a mapping', hint);
  return node;
}

export function readSeq(node: SourceNode | undefined, path: string, findings: FindingCollector, hint?: string): SourceSeq | undefined {
  if (isAbsent(node)) return undefined;
  if (node.kind !== 'seq') return typeError(findings, node, path, 'a list', hint);
  return node;
}

/** A list of strings; a single string is accepted where Compose allows `string_or_list`. */
export function readStringList(
  node: SourceNode | undefined,
  path: string,
  findings: FindingCollector,
  options: { readonly allowSingle?: boolean } = {},
): Array<Located<string>> {
  if (isAbsent(node)) return [];
  if (node.kind === 'scalar' && options.allowSingle) return [{ value: scalarText(node), at: node.at, path }];
  if (node.kind !== 'seq') {
    typeError(findings, node, path, options.allowSingle ? 'a string or a list of strings' : 'a list of strings');
    return [];
  }
  const values: Array<Located<string>> = [];
  node.items.forEach((item, i) => {
    const value = readString(item, itemPath(path, i), findings);
    if (value) values.push(value);
  });
  return values;
}

