/**
 * A scratch copy of the user's Terraform, so `terraform init` and the test file never touch their
 * directory: no `.terraform/`, lock file or state appears there. Local module sources that lead
 * outside the checked directory are copied too (from their common ancestor).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ModuleIndex } from '../terraform/index.js';

export interface Workspace {
  /** Where the checked directory is inside the copy. */
  readonly root: string;
  /** The copied top (the checked directory, or an ancestor holding the modules it calls). */
  readonly top: string;
  /** The user's path that `top` is a copy of. */
  readonly sourceTop: string;
  remove(): void;
}

const SKIPPED = new Set(['.git', '.terraform', 'node_modules', '.ecsform']);

export function scratchCopy(root: string, modules: readonly ModuleIndex[]): Workspace {
  const sourceTop = copyBase(root, modules);
  const scratch = mkdtempSync(join(tmpdir(), 'ecsform-plan-'));
  const top = join(scratch, basename(sourceTop) || 'root');
  cpSync(sourceTop, top, {
    recursive: true,
    filter: (source) => {
      const name = basename(source);
      return !SKIPPED.has(name) && !/\.tfstate(\.backup)?$/.test(name) && !name.startsWith('terraform.tfstate');
    },
  });
  return { root: join(top, relative(sourceTop, root)), top, sourceTop, remove: () => rmSync(scratch, { recursive: true, force: true }) };
}

/** The checked directory, or the nearest ancestor that also holds every local module it calls. */
function copyBase(root: string, modules: readonly ModuleIndex[]): string {
  let base = resolve(root);
  for (const module of modules) {
    for (const call of module.moduleCalls.values()) {
      const source = call.source;
      if (source === undefined || !(source.startsWith('./') || source.startsWith('../'))) continue;
      const target = resolve(root, module.dir, source);
      while (relative(base, target).startsWith('..') && dirname(base) !== base) base = dirname(base);
    }
  }
  return base;
}

/** A path Terraform printed (relative to where it ran) as the user's own path. */
export function userPath(workspace: Workspace, ranIn: string, filename: string): string | undefined {
  const absolute = resolve(ranIn, filename);
  const inCopy = relative(workspace.top, absolute);
  if (inCopy.startsWith('..') || inCopy.split(sep).includes('.terraform')) return undefined;
  return join(workspace.sourceTop, inCopy);
}
