/**
 * One Compose file as merge layers: each YAML document interpolated, its services' `extends`
 * applied, its `include`s imported. Documents stay separate layers because `!reset` and
 * `!override` in a document apply to everything merged before it, including earlier files.
 */
import { readComposeDocuments, type ComposeFileScope } from './compose-file.js';
import type { LoadContext } from './context.js';
import { applyExtends } from './extends.js';
import { applyIncludes } from './include.js';
import type { SourceMap } from './source-tree.js';

export function loadComposeFile(ctx: LoadContext, scope: ComposeFileScope, text: string): SourceMap[] | undefined {
  const documents = readComposeDocuments(ctx, scope, text);
  return documents?.map((document) =>
    applyIncludes(ctx, scope, applyExtends(ctx, scope, document), (includedScope, includedText) => loadComposeFile(ctx, includedScope, includedText)),
  );
}
