/** `build` as a context string or the long form (`context`, `dockerfile`, `target`, `args`, `platforms`). */
import type { ComposeBuild } from '../types.js';
import type { FindingCollector } from './findings.js';
import type { Lookup } from './interpolate.js';
import { compareText, readKeyValues } from './key-values.js';
import { childPath, isRemoteContext, relativeToProject } from './paths.js';
import { isAbsent, readString, readStringList, typeError } from './read.js';
import { scalarText, valueOf, type SourceNode } from './source-tree.js';

export function normalizeBuild(node: SourceNode | undefined, path: string, projectDir: string, environment: Lookup, findings: FindingCollector): ComposeBuild | undefined {
  if (isAbsent(node)) return undefined;
  const context = (written: string, baseDir: string): string => (isRemoteContext(written) ? written : relativeToProject(projectDir, baseDir, written));
  if (node.kind === 'scalar') return { at: node.at, path, context: context(scalarText(node), node.baseDir), args: [], platforms: [] };
  if (node.kind !== 'map') return typeError(findings, node, path, 'a context path or a mapping with `context`');
  const contextNode = valueOf(node, 'context');
  const written = readString(contextNode, childPath(path, 'context'), findings)?.value ?? '.';
  const dockerfile = readString(valueOf(node, 'dockerfile'), childPath(path, 'dockerfile'), findings)?.value;
  const target = readString(valueOf(node, 'target'), childPath(path, 'target'), findings)?.value;
  // A build argument without a value takes it from the environment, as in compose-go.
  const args = readKeyValues(valueOf(node, 'args'), childPath(path, 'args'), findings)
    .map((arg) => ({ name: arg.key, value: arg.value ?? environment(arg.key) }))
    .sort((a, b) => compareText(a.name, b.name));
  const platforms = readStringList(valueOf(node, 'platforms'), childPath(path, 'platforms'), findings).map((p) => p.value);
  return {
    at: node.at,
    path,
    context: context(written, contextNode?.baseDir ?? node.baseDir),
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(target !== undefined ? { target } : {}),
    args,
    platforms,
  };
}
