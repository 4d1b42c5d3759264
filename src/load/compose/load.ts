/**
 * `loadCompose`: Compose files in, the normalised project out, as `docker compose config` would
 * see it. The caller supplies file contents and the environment; this layer does no I/O.
 */
import type { Finding } from '../../diagnostics/finding.js';
import { InputError } from '../../diagnostics/errors.js';
import type { ComposeProject, LoadInput } from '../types.js';
import { assembleProject } from './assemble.js';
import { createContext } from './context.js';
import { projectEnvironment } from './env-files.js';
import { loadComposeFile } from './load-file.js';
import { mergeLayers } from './merge.js';
import { withinServiceBound } from './project-bounds.js';
import { directoryOf } from './paths.js';
import { emptyMap, type SourceMap } from './source-tree.js';

export interface LoadResult {
  readonly project: ComposeProject;
  /** Warnings and notes (severity below `error`), sorted by file, line and column. */
  readonly findings: Finding[];
}

/**
 * Loads, merges and normalises the Compose files of `input`.
 * @throws InputError carrying every error found, each with file, line, column, path and hint.
 */
export function loadCompose(input: LoadInput): LoadResult {
  const first = input.files[0];
  if (first === undefined) {
    throw new InputError([{ code: 'COMPOSE_NO_FILES', severity: 'error', message: 'No Compose file was given.', hint: 'Pass a Compose file, e.g. -f compose.yaml.' }]);
  }
  const projectDir = input.projectDir ?? directoryOf(first.path);
  const ctx = createContext(input, projectDir);
  const environment = projectEnvironment(ctx);
  const layers: SourceMap[] = [];
  let allParsed = true;
  for (const file of input.files) {
    const fileLayers = loadComposeFile(ctx, { path: file.path, baseDir: projectDir, environment, includeChain: [file.path] }, file.text);
    if (fileLayers) layers.push(...fileLayers);
    else allParsed = false;
  }
  // Without every file the merged project would be partial and produce misleading follow-up errors.
  if (!allParsed) throw new InputError(ctx.findings.errors());
  const merged = mergeLayers(layers, ctx.findings) ?? emptyMap({ file: first.path, line: 1, column: 1 }, projectDir);
  if (!withinServiceBound(merged, ctx.findings)) throw new InputError(ctx.findings.errors());
  const project = assembleProject(ctx, merged, environment);
  if (ctx.findings.hasErrors) throw new InputError(ctx.findings.errors());
  return { project, findings: ctx.findings.warnings() };
}
