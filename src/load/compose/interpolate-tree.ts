/**
 * Applies interpolation to every string value of a source tree (keys are never interpolated,
 * `x-*` extension values are, as in compose-go), reporting problems at the value's position.
 */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { FindingCollector } from './findings.js';
import { containsInterpolation, substitute, type Lookup } from './interpolate.js';
import { childPath, itemPath } from './paths.js';
import type { SourceMap, SourceNode } from './source-tree.js';

export interface InterpolationScope {
  readonly lookup: Lookup;
  readonly findings: FindingCollector;
  /** Unset variables already warned about: one warning per variable is enough. */
  readonly warnedUnset: Set<string>;
}

export function interpolateMap(map: SourceMap, path: string, scope: InterpolationScope): SourceMap {
  return { ...map, entries: map.entries.map((entry) => ({ ...entry, value: interpolateNode(entry.value, childPath(path, entry.key), scope) })) };
}

function interpolateNode(node: SourceNode, path: string, scope: InterpolationScope): SourceNode {
  switch (node.kind) {
    case 'map':
      return interpolateMap(node, path, scope);
    case 'seq':
      return { ...node, items: node.items.map((item, i) => interpolateNode(item, itemPath(path, i), scope)) };
    case 'scalar': {
      if (typeof node.value !== 'string' || !containsInterpolation(node.value)) return node;
      const value = interpolateString(node.value, node.at, path, scope);
      if (value === undefined) return node;
      return { ...node, value: value.text, text: value.text, variables: value.variables };
    }
  }
}

/** Interpolates one string, reporting errors and unset variables; undefined after an error. */
export function interpolateString(
  template: string,
  at: SourcePoint,
  path: string,
  scope: InterpolationScope,
): { readonly text: string; readonly variables: readonly string[] } | undefined {
  const result = substitute(template, scope.lookup);
  if (!result.ok) {
    if (result.error.kind === 'required') {
      const { variable, message } = result.error;
      scope.findings.report({
        code: 'COMPOSE_VAR_REQUIRED',
        at,
        path,
        message: `Required variable "${variable}" is missing a value${message === '' ? '.' : `: ${message}`}`,
        hint: `Set ${variable} in the environment or in the .env file of the project directory.`,
      });
    } else if (result.error.kind === 'too-deep') {
      scope.findings.report({
        code: 'COMPOSE_LIMIT',
        at,
        path,
        message: `Interpolation nested more than ${result.error.limit} levels deep (\${A:-\${B:-...}}); ecsform expands at most ${result.error.limit}.`,
        hint: 'Nest fewer defaults; set the variable in .env instead.',
      });
    } else {
      scope.findings.report({
        code: 'COMPOSE_INTERPOLATION_SYNTAX',
        at,
        path,
        message: `Invalid interpolation format in ${JSON.stringify(template)}: a "$" must start $VAR or \${VAR}.`,
        hint: 'Write a literal dollar sign as $$.',
      });
    }
    return undefined;
  }
  for (const name of result.unset) {
    if (scope.warnedUnset.has(name)) continue;
    scope.warnedUnset.add(name);
    scope.findings.report({
      code: 'COMPOSE_VAR_UNSET',
      at,
      path,
      message: `The "${name}" variable is not set. Defaulting to a blank string.`,
      hint: `Set ${name} in the environment or the .env file, or give a default with \${${name}:-default}.`,
    });
  }
  return { text: result.value, variables: result.variables };
}
