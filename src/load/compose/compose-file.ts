/** Reading one Compose file: YAML with positions, then interpolation of every value. */
import { interpolationScope, noteComposeFile, type LoadContext } from './context.js';
import { interpolateMap } from './interpolate-tree.js';
import type { Lookup } from './interpolate.js';
import { mergeLayers } from './merge.js';
import type { SourceMap } from './source-tree.js';
import { parseYamlFile } from './yaml-tree.js';

/** Where a Compose file sits in the project and how its values are interpolated. */
export interface ComposeFileScope {
  readonly path: string;
  /** Directory relative paths in the file resolve against: the project dir, or the included project's. */
  readonly baseDir: string;
  readonly environment: Lookup;
  /** Files that (transitively) include this one, itself last: an include of one of them is a cycle. */
  readonly includeChain: readonly string[];
}

/** The file's YAML documents, interpolated; undefined when it is not valid YAML. */
export function readComposeDocuments(ctx: LoadContext, scope: ComposeFileScope, text: string): SourceMap[] | undefined {
  noteComposeFile(ctx, scope.path);
  const documents = parseYamlFile(scope.path, text, scope.baseDir, ctx.findings);
  return documents?.map((document) => interpolateMap(document, '', interpolationScope(ctx, scope.environment)));
}

/** The file's documents merged into one, for files read only for `extends`. */
export function readComposeFile(ctx: LoadContext, scope: ComposeFileScope, text: string): SourceMap | undefined {
  const documents = readComposeDocuments(ctx, scope, text);
  return documents && mergeLayers(documents, ctx.findings);
}
