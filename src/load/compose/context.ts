/**
 * State shared by the loading steps of one `loadCompose` call. Reading files goes through the
 * caller's `readFile`, so the loader itself does no I/O.
 */
import type { LoadInput } from '../types.js';
import { FindingCollector } from './findings.js';
import type { InterpolationScope } from './interpolate-tree.js';
import type { Lookup } from './interpolate.js';

export interface LoadContext {
  readonly input: LoadInput;
  readonly projectDir: string;
  readonly findings: FindingCollector;
  /** Compose files read, in the order they were first read. */
  readonly composeFiles: string[];
  readonly warnedUnset: Set<string>;
}

export function createContext(input: LoadInput, projectDir: string): LoadContext {
  return { input, projectDir, findings: new FindingCollector(), composeFiles: [], warnedUnset: new Set() };
}

export function readFile(ctx: LoadContext, path: string): string | undefined {
  return ctx.input.readFile(path);
}

export function noteComposeFile(ctx: LoadContext, path: string): void {
  if (!ctx.composeFiles.includes(path)) ctx.composeFiles.push(path);
}

export function interpolationScope(ctx: LoadContext, lookup: Lookup): InterpolationScope {
  return { lookup, findings: ctx.findings, warnedUnset: ctx.warnedUnset };
}
