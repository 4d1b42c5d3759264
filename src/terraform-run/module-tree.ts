/**
 * Which modules of a checked directory are roots (planned on their own), and the tree of modules
 * each root calls: local sources from the checked files, remote ones from what `terraform init`
 * downloaded.
 */
import { resolveLocalSource, type ModuleIndex } from '../terraform/index.js';

export interface ModuleTree {
  readonly index: ModuleIndex;
  /** Module call name → the called module; calls whose source could not be read are missing. */
  readonly children: ReadonlyMap<string, ModuleTree>;
}

/**
 * Modules no other module in the input calls through a local source: the ones a user runs
 * `terraform plan` in (a root module, or a reusable module without an example that calls it).
 */
export function rootModules(modules: readonly ModuleIndex[]): ModuleIndex[] {
  const called = new Set<string>();
  for (const module of modules) {
    for (const call of module.moduleCalls.values()) {
      const dir = call.source !== undefined ? resolveLocalSource(module.dir, call.source) : undefined;
      if (dir !== undefined && dir !== module.dir) called.add(dir);
    }
  }
  return modules.filter((m) => !called.has(m.dir) && m.resources.size + m.moduleCalls.size > 0);
}

/**
 * The tree below `root`. `remote(path)` returns the module installed for a call path (`["vpc"]`,
 * `["ecs", "service"]`) that is not a local source inside the input; recursion stops at cycles.
 */
export function moduleTree(
  root: ModuleIndex,
  byDir: ReadonlyMap<string, ModuleIndex>,
  remote: (callPath: readonly string[]) => ModuleIndex | undefined,
  path: readonly string[] = [],
  seen: ReadonlySet<string> = new Set(),
): ModuleTree {
  const children = new Map<string, ModuleTree>();
  for (const call of [...root.moduleCalls.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const callPath = [...path, call.name];
    const dir = call.source !== undefined ? resolveLocalSource(root.dir, call.source) : undefined;
    const child = (dir !== undefined ? byDir.get(dir) : undefined) ?? remote(callPath);
    if (!child || seen.has(child.dir)) continue;
    children.set(call.name, moduleTree(child, byDir, remote, callPath, new Set([...seen, root.dir])));
  }
  return { index: root, children };
}
