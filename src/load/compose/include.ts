/**
 * `include` (https://docs.docker.com/reference/compose-file/include/): each entry loads other
 * Compose files as a sub-project, with its own project directory (relative paths resolve there) and
 * env files (defaulting to its `.env`; the including project's environment wins), then imports its
 * services, volumes, networks, secrets and configs. A resource defined both locally and by an
 * include is an error unless the two definitions are identical.
 */
import { join } from 'node:path';
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { ComposeFileScope } from './compose-file.js';
import { readFile, type LoadContext } from './context.js';
import { readEnvFiles } from './env-files.js';
import type { Lookup } from './interpolate.js';
import { mergeLayers } from './merge.js';
import { childPath, directoryOf, itemPath, resolveFrom } from './paths.js';
import { isAbsent, readSeq, readString, readStringList } from './read.js';
import { sameContent, scalarText, valueOf, withEntry, type SourceEntry, type SourceMap, type SourceNode } from './source-tree.js';

/** Loads one Compose file completely (interpolation, extends, includes) as merge layers. */
export type ComposeFileLoader = (scope: ComposeFileScope, text: string) => SourceMap[] | undefined;

const IMPORTED_SECTIONS = ['services', 'volumes', 'networks', 'secrets', 'configs'] as const;

interface IncludeSpec {
  readonly at: SourcePoint;
  readonly path: string;
  readonly files: ReadonlyArray<{ readonly written: string; readonly path: string }>;
  readonly projectDirectory: string;
  readonly envFiles: ReadonlyArray<{ readonly written: string; readonly path: string; readonly at: SourcePoint }> | undefined;
}

export function applyIncludes(ctx: LoadContext, scope: ComposeFileScope, root: SourceMap, loadFile: ComposeFileLoader): SourceMap {
  const list = readSeq(valueOf(root, 'include'), 'include', ctx.findings, 'Write include as a list, e.g. `include: [other/compose.yaml]`.');
  if (!list) return root;
  let result = root;
  list.items.forEach((item, i) => {
    const spec = readSpec(ctx, scope, item, itemPath('include', i));
    if (!spec) return;
    const included = loadInclude(ctx, scope, spec, loadFile);
    if (included) result = importResources(ctx, result, included, spec);
  });
  return result;
}

function readSpec(ctx: LoadContext, scope: ComposeFileScope, item: SourceNode, path: string): IncludeSpec | undefined {
  const resolve = (written: string): string => resolveFrom(scope.baseDir, written);
  if (item.kind === 'scalar' && item.value !== null) {
    const written = scalarText(item);
    return { at: item.at, path, files: [{ written, path: resolve(written) }], projectDirectory: directoryOf(resolve(written)), envFiles: undefined };
  }
  if (item.kind !== 'map') {
    ctx.findings.report({ code: 'COMPOSE_TYPE', at: item.at, path, message: `${path} must be a file path or a mapping with \`path\`.`, hint: 'Write `- other/compose.yaml` or `- path: other/compose.yaml`.' });
    return undefined;
  }
  const files = readStringList(valueOf(item, 'path'), childPath(path, 'path'), ctx.findings, { allowSingle: true }).map((p) => ({ written: p.value, path: resolve(p.value) }));
  const first = files[0];
  if (first === undefined) {
    ctx.findings.report({ code: 'COMPOSE_FIELD_MISSING', at: item.at, path, message: `${path} has no \`path\`.`, hint: 'Add `path: <Compose file to include>`.' });
    return undefined;
  }
  const directory = readString(valueOf(item, 'project_directory'), childPath(path, 'project_directory'), ctx.findings);
  const envFileNode = valueOf(item, 'env_file');
  const envFiles = isAbsent(envFileNode)
    ? undefined
    : readStringList(envFileNode, childPath(path, 'env_file'), ctx.findings, { allowSingle: true }).map((f) => ({ written: f.value, path: resolve(f.value), at: f.at }));
  return { at: item.at, path, files, projectDirectory: directory ? resolve(directory.value) : directoryOf(first.path), envFiles };
}

function loadInclude(ctx: LoadContext, scope: ComposeFileScope, spec: IncludeSpec, loadFile: ComposeFileLoader): SourceMap | undefined {
  const environment = includeEnvironment(ctx, scope.environment, spec);
  const layers: SourceMap[] = [];
  for (const file of spec.files) {
    if (scope.includeChain.includes(file.path)) {
      ctx.findings.report({
        code: 'COMPOSE_INCLUDE_CYCLE',
        at: spec.at,
        path: spec.path,
        message: `Including ${JSON.stringify(file.written)} creates a loop: ${[...scope.includeChain, file.path].join(' → ')}.`,
        hint: 'Remove the include that points back to a file that includes this one.',
      });
      continue;
    }
    const text = readFile(ctx, file.path);
    if (text === undefined) {
      ctx.findings.report({
        code: 'COMPOSE_INCLUDE_FILE_MISSING',
        at: spec.at,
        path: spec.path,
        message: `Included file ${JSON.stringify(file.written)} not found (looked for ${file.path}).`,
        hint: 'Fix the path; it is relative to the project directory of the including file.',
      });
      continue;
    }
    layers.push(...(loadFile({ path: file.path, baseDir: spec.projectDirectory, environment, includeChain: [...scope.includeChain, file.path] }, text) ?? []));
  }
  return mergeLayers(layers, ctx.findings);
}

/** The including project's environment first, then the include's env files. */
function includeEnvironment(ctx: LoadContext, parent: Lookup, spec: IncludeSpec): Lookup {
  const defaultEnvFile = join(spec.projectDirectory, '.env');
  const files = spec.envFiles ?? (readFile(ctx, defaultEnvFile) === undefined ? [] : [{ written: '.env', path: defaultEnvFile, at: spec.at }]);
  const present = files.filter((file) => {
    if (readFile(ctx, file.path) !== undefined) return true;
    ctx.findings.report({
      code: 'COMPOSE_ENV_FILE_MISSING',
      at: file.at,
      path: childPath(spec.path, 'env_file'),
      message: `Env file ${JSON.stringify(file.written)} of the include not found (looked for ${file.path}).`,
      hint: 'Create the file or fix the path; it is relative to the project directory of the including file.',
    });
    return false;
  });
  const values = readEnvFiles(
    ctx,
    present.map((file) => file.path),
    parent,
  );
  return (name) => parent(name) ?? values.get(name);
}

function importResources(ctx: LoadContext, root: SourceMap, included: SourceMap, spec: IncludeSpec): SourceMap {
  let result = root;
  for (const section of IMPORTED_SECTIONS) {
    const incoming = valueOf(included, section);
    if (incoming?.kind !== 'map' || incoming.entries.length === 0) continue;
    const sectionEntry = result.entries.find((entry) => entry.key === section);
    const local = sectionEntry?.value.kind === 'map' ? sectionEntry.value : undefined;
    const entries: SourceEntry[] = [...(local?.entries ?? [])];
    for (const entry of incoming.entries) {
      const existing = entries.find((e) => e.key === entry.key);
      if (!existing) {
        entries.push(entry);
      } else if (!sameContent(existing.value, entry.value)) {
        ctx.findings.report({
          code: 'COMPOSE_INCLUDE_CONFLICT',
          at: existing.keyAt,
          path: childPath(section, entry.key),
          message: `${childPath(section, entry.key)} is defined here and, differently, in the included file ${entry.keyAt.file}:${entry.keyAt.line}.`,
          hint: 'Rename one of them or remove one definition; to change an included resource, override it in an extra -f file instead.',
        });
      }
    }
    const value: SourceMap = local ? { ...local, entries } : { kind: 'map', at: spec.at, baseDir: root.baseDir, entries };
    result = withEntry(result, { key: section, keyAt: sectionEntry?.keyAt ?? spec.at, value });
  }
  return result;
}
