/** `command` and `entrypoint`: a list is kept, a string is split into words as Compose splits it. */
import type { Located } from '../types.js';
import type { FindingCollector } from './findings.js';
import { itemPath } from './paths.js';
import { isAbsent, readString, typeError } from './read.js';
import { shellSplit } from './shell-split.js';
import { scalarText, type SourceNode } from './source-tree.js';

export function normalizeCommand(node: SourceNode | undefined, path: string, findings: FindingCollector): Located<readonly string[]> | undefined {
  if (isAbsent(node)) return undefined;
  if (node.kind === 'seq') {
    const words = node.items.map((item, i) => readString(item, itemPath(path, i), findings)?.value ?? '');
    return { value: words, at: node.at, path };
  }
  if (node.kind !== 'scalar') return typeError(findings, node, path, 'a string or a list of strings');
  const text = scalarText(node);
  const split = shellSplit(text);
  if (!split.ok) {
    findings.report({
      code: 'COMPOSE_COMMAND_INVALID',
      at: node.at,
      path,
      message: `${path}: ${JSON.stringify(text)} cannot be split into words: ${split.reason}.`,
      hint: 'Close the quote, or write the command as a list of words, e.g. ["sh", "-c", "..."].',
    });
    return undefined;
  }
  if (split.droppedFrom !== undefined) {
    findings.report({
      code: 'COMPOSE_COMMAND_TRUNCATED',
      at: node.at,
      path,
      message: `${path}: Compose splits ${JSON.stringify(text)} into words and stops at ${JSON.stringify(split.droppedFrom.trimStart()[0] ?? '')}, dropping ${JSON.stringify(split.droppedFrom.trim())}; the command runs as ${JSON.stringify(split.words)}.`,
      hint: `To run it through a shell, write it as a list: ["sh", "-c", ${JSON.stringify(text)}].`,
    });
  }
  return { value: split.words, at: node.at, path };
}
