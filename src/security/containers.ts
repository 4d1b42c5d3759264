/**
 * The containers of an `aws_ecs_task_definition`, read from `container_definitions` whether it is
 * `jsonencode([...])` (each member keeps its line), a heredoc, or a known string.
 */
import { isUnknown, items, type LocatedObject, type Read, type ResourceInstance, str } from '../terraform/index.js';

export interface Container {
  readonly node: LocatedObject;
  /** `container "api"`, or `container 2` when the name is not known. */
  readonly label: string;
}

/** The containers written out as objects; `Unknown` when the list itself cannot be read. */
export function containersOf(taskDefinition: ResourceInstance): Read<readonly Container[]> {
  const definitions = items(taskDefinition.json('container_definitions'));
  if (isUnknown(definitions) || definitions === undefined) return definitions;
  const out: Container[] = [];
  definitions.forEach((node, index) => {
    if (node.kind !== 'object') return;
    const name = str(node.entries.get('name'));
    out.push({ node, label: typeof name === 'string' ? `container "${name}"` : `container ${index + 1}` });
  });
  return out;
}

/** The containers a rule can judge; none when the definitions cannot be read. */
export function knownContainers(taskDefinition: ResourceInstance): readonly Container[] {
  const containers = containersOf(taskDefinition);
  return isUnknown(containers) || containers === undefined ? [] : containers;
}
