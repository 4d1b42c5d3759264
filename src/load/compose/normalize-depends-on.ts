/** `depends_on` as a list of service names or a mapping with `condition` and `required`. */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { DependsOn } from '../types.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { isAbsent, readBoolean, readMap, readString, typeError } from './read.js';
import { valueOf, type SourceNode } from './source-tree.js';

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'] as const;

/** A dependency as declared, with what the consistency checks need besides the public fields. */
export interface DependencyDeclaration extends DependsOn {
  /** Where the dependency's service name is written (`at` points at the deciding `condition`). */
  readonly nameAt: SourcePoint;
  readonly path: string;
  readonly required: boolean;
}

export function readDependsOn(node: SourceNode | undefined, path: string, findings: FindingCollector): DependencyDeclaration[] {
  if (isAbsent(node)) return [];
  if (node.kind === 'seq') {
    const dependencies: DependencyDeclaration[] = [];
    node.items.forEach((item, i) => {
      const name = readString(item, itemPath(path, i), findings);
      if (name) dependencies.push({ service: name.value, condition: 'service_started', required: true, at: item.at, nameAt: item.at, path: name.path });
    });
    return dependencies;
  }
  if (node.kind !== 'map') {
    typeError(findings, node, path, 'a list of service names or a mapping of service names to `condition`');
    return [];
  }
  const dependencies: DependencyDeclaration[] = [];
  for (const entry of node.entries) {
    const entryPath = childPath(path, entry.key);
    const options = readMap(entry.value, entryPath, findings);
    const conditionText = options ? readString(valueOf(options, 'condition'), childPath(entryPath, 'condition'), findings) : undefined;
    const condition = CONDITIONS.find((c) => c === (conditionText?.value ?? 'service_started'));
    if (condition === undefined) {
      findings.report({
        code: 'COMPOSE_TYPE',
        at: conditionText?.at ?? entry.keyAt,
        path: childPath(entryPath, 'condition'),
        message: `${entryPath}.condition: ${JSON.stringify(conditionText?.value)} is not a dependency condition.`,
        hint: `Use one of ${CONDITIONS.join(', ')}.`,
      });
      continue;
    }
    const required = options ? (readBoolean(valueOf(options, 'required'), childPath(entryPath, 'required'), findings)?.value ?? true) : true;
    // After a merge the condition may come from a later file than the name: point at the condition.
    const at = conditionText?.at ?? entry.keyAt;
    dependencies.push({ service: entry.key, condition, required, at, nameAt: entry.keyAt, path: entryPath });
  }
  return dependencies;
}
