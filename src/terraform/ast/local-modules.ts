/** Calls to local modules present in the input, and reads of their outputs. */
import type { RefOp } from './expr-references.js';
import type { ModuleIndex } from '../module-index.js';
import { resolveLocalSource } from '../files.js';

/** The module a call in `index` points to, when its source is local, in the input, and fully parsed. */
export function localModuleOf(index: ModuleIndex, callName: string, modules: ReadonlyMap<string, ModuleIndex>): ModuleIndex | undefined {
  const source = index.moduleCalls.get(callName)?.source;
  const dir = source !== undefined ? resolveLocalSource(index.dir, source) : undefined;
  const target = dir !== undefined ? modules.get(dir) : undefined;
  return target?.complete ? target : undefined;
}

/**
 * The output step of `module.m.out`, `module.m[0].out` or `module.m[*].out`, given the steps after
 * `module.m`; undefined for the whole module (`module.m`).
 */
export function outputStep(afterCall: readonly RefOp[]): Extract<RefOp, { kind: 'attr' }> | undefined {
  let rest = afterCall;
  if (rest[0]?.kind === 'index') rest = rest.slice(1);
  else if (rest[0]?.kind === 'splat') rest = rest[0].ops;
  return rest[0]?.kind === 'attr' ? rest[0] : undefined;
}
