/** Resources by type, with how many instances `count`/`for_each` make, for the report. */
import { buildStack, isUnknown, type ModuleIndex, type Unknown } from '../terraform/index.js';

export interface ResourceEntry {
  readonly address: string;
  readonly file: string;
  readonly line: number;
  /** Known instance count, or why it is unknown. */
  readonly instances: number | Unknown;
}

export interface ResourceTypeSummary {
  readonly type: string;
  readonly entries: readonly ResourceEntry[];
  /** Sum of known instance counts. */
  readonly instances: number;
  /** True when some entry's instance count is unknown. */
  readonly partial: boolean;
}

export interface ResourceInventory {
  readonly types: readonly ResourceTypeSummary[];
  readonly blocks: number;
  readonly instances: number;
  readonly dataSources: number;
}

export function inventory(modules: readonly ModuleIndex[]): ResourceInventory {
  const stack = buildStack(modules);
  const byType = new Map<string, ResourceEntry[]>();
  let dataSources = 0;
  for (const resource of stack.resources) {
    if (resource.decl.mode !== 'managed') {
      dataSources++;
      continue;
    }
    const entry: ResourceEntry = {
      address: resource.address,
      file: resource.site.file,
      line: resource.site.line,
      instances: isUnknown(resource.instances) ? resource.instances : resource.instances.length,
    };
    byType.set(resource.decl.type, [...(byType.get(resource.decl.type) ?? []), entry]);
  }
  const types = [...byType]
    .map(([type, entries]) => ({
      type,
      entries: entries.sort((a, b) => a.address.localeCompare(b.address)),
      instances: entries.reduce((n, e) => n + (typeof e.instances === 'number' ? e.instances : 0), 0),
      partial: entries.some((e) => typeof e.instances !== 'number'),
    }))
    .sort((a, b) => b.instances - a.instances || a.type.localeCompare(b.type));
  return {
    types,
    blocks: types.reduce((n, t) => n + t.entries.length, 0),
    instances: types.reduce((n, t) => n + t.instances, 0),
    dataSources,
  };
}
