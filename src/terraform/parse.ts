/**
 * From files to module indexes. ecsform's own parser builds the document model every reader
 * uses; which files are read further is decided by the caller (the syntax check asks HashiCorp's
 * parser first, `readTerraform` takes every file ecsform's parser accepts).
 */
import { parseHcl, type File, type HclError } from '../hcl/index.js';
import { groupIntoModules, type ModuleFiles, type SourceFile } from './files.js';
import { indexModule, type ModuleIndex, type ParsedFile } from './module-index.js';

export interface OwnParse {
  readonly file: SourceFile;
  readonly ast: File;
  readonly errors: readonly HclError[];
}

/** ecsform's parser, once per file. */
export function parseFiles(files: readonly SourceFile[]): OwnParse[] {
  return files.map((file) => {
    const { file: ast, errors } = parseHcl(file.path, file.text);
    return { file, ast, errors };
  });
}

/** One index per module, over the files in `usable`; a module missing any of its files is incomplete. */
export function indexModules(grouped: readonly ModuleFiles[], parses: readonly OwnParse[], usable: ReadonlySet<string>): ModuleIndex[] {
  const astByPath = new Map(parses.map((p) => [p.file.path, p.ast]));
  return grouped.map((module) => {
    const files: ParsedFile[] = [];
    for (const file of module.files) {
      const ast = astByPath.get(file.path);
      if (ast && usable.has(file.path)) files.push({ path: file.path, text: file.text, ast });
    }
    return indexModule(module.dir, files, files.length === module.files.length);
  });
}

/**
 * The modules of a configuration (paths relative to its root), for readers that need no checks:
 * `estimateCost(readTerraform(files))`. A file ecsform's parser rejects is left out and its module
 * marked incomplete; `check()` says why.
 */
export function readTerraform(files: readonly SourceFile[]): ModuleIndex[] {
  const grouped = groupIntoModules(files);
  const parses = parseFiles(grouped.modules.flatMap((m) => m.files));
  return indexModules(grouped.modules, parses, new Set(parses.filter((p) => p.errors.length === 0).map((p) => p.file.path)));
}
