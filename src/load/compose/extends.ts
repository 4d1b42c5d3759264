/**
 * `extends` (https://docs.docker.com/compose/how-tos/multiple-compose-files/extends/): a service
 * is its base service (from the same file, or `file` relative to the declaring file) merged with
 * its own attributes under the Compose merge rules. Bases may extend further; loops are errors.
 */
import { basename } from 'node:path';
import type { SourcePoint } from '../../diagnostics/finding.js';
import { readComposeFile, type ComposeFileScope } from './compose-file.js';
import { readFile, type LoadContext } from './context.js';
import { mergeNodes } from './merge.js';
import { childPath, directoryOf, resolveFrom } from './paths.js';
import { isAbsent, readString, typeError } from './read.js';
import { emptyMap, scalarText, valueOf, withEntry, withoutKey, type SourceMap, type SourceNode } from './source-tree.js';

interface ServiceFile {
  readonly scope: ComposeFileScope;
  readonly root: SourceMap;
}

interface ExtendsSpec {
  readonly service: string;
  readonly file?: { readonly path: string; readonly at: SourcePoint };
}

/** Resolves `extends` for every service of one Compose document. */
export function applyExtends(ctx: LoadContext, scope: ComposeFileScope, root: SourceMap): SourceMap {
  const servicesEntry = root.entries.find((entry) => entry.key === 'services');
  const services = servicesEntry?.value;
  if (!servicesEntry || services?.kind !== 'map') return root;
  if (!services.entries.some((entry) => entry.value.kind === 'map' && valueOf(entry.value, 'extends') !== undefined)) return root;
  const resolver = new ExtendsResolver(ctx);
  const file: ServiceFile = { scope, root };
  const entries = services.entries.map((entry) => (entry.value.kind === 'map' ? { ...entry, value: resolver.resolve(file, entry.key, []) } : entry));
  return withEntry(root, { ...servicesEntry, value: { ...services, entries } });
}

class ExtendsResolver {
  private readonly resolved = new Map<string, SourceMap>();
  private readonly files = new Map<string, ServiceFile | undefined>();

  constructor(private readonly ctx: LoadContext) {}

  /** The service with its `extends` applied (or removed, after reporting, when it cannot be). */
  resolve(file: ServiceFile, name: string, chain: ReadonlyArray<{ readonly key: string; readonly label: string }>): SourceMap {
    const key = `${file.scope.path}\u0000${name}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const service = serviceNode(file.root, name) ?? emptyMap(file.root.at, file.root.baseDir);
    const extendsNode = valueOf(service, 'extends');
    if (isAbsent(extendsNode)) return service;
    const own = withoutKey(service, 'extends');
    const path = childPath(childPath('services', name), 'extends');
    const label = chain.length === 0 || chain[0]?.key.startsWith(`${file.scope.path}\u0000`) ? name : `${name} (${basename(file.scope.path)})`;
    const loopStart = chain.findIndex((link) => link.key === key);
    if (loopStart >= 0) {
      this.ctx.findings.report({
        code: 'COMPOSE_EXTENDS_CYCLE',
        at: extendsNode.at,
        path,
        message: `Service "${name}" extends itself: ${[...chain.slice(loopStart).map((link) => link.label), label].join(' → ')}.`,
        hint: 'Remove one `extends` from the loop.',
      });
      return own;
    }
    const spec = this.readSpec(extendsNode, path);
    const baseFile = spec && (spec.file ? this.loadFile(file, spec.file) : file);
    if (!spec || !baseFile) return own;
    if (!serviceNode(baseFile.root, spec.service)) {
      this.ctx.findings.report({
        code: 'COMPOSE_EXTENDS_SERVICE_MISSING',
        at: extendsNode.at,
        path,
        message: `Service "${name}" extends "${spec.service}", which ${spec.file ? `${spec.file.path} does not define` : 'is not defined in this file'}.`,
        hint: 'Fix the service name, or set `extends.file` to the file that defines it.',
      });
      return own;
    }
    const base = this.resolve(baseFile, spec.service, [...chain, { key, label }]);
    const merged = mergeNodes(base, own, ['services', name], this.ctx.findings);
    const result = merged?.kind === 'map' ? merged : own;
    this.resolved.set(key, result);
    return result;
  }

  private readSpec(node: SourceNode, path: string): ExtendsSpec | undefined {
    const findings = this.ctx.findings;
    if (node.kind === 'scalar') return { service: scalarText(node) };
    if (node.kind !== 'map') return typeError(findings, node, path, 'a service name or a mapping with `service` and optional `file`');
    const service = readString(valueOf(node, 'service'), childPath(path, 'service'), findings);
    const file = readString(valueOf(node, 'file'), childPath(path, 'file'), findings);
    if (!service) {
      findings.report({ code: 'COMPOSE_FIELD_MISSING', at: node.at, path, message: `${path} has no \`service\`.`, hint: 'Add `service: <name of the service to extend>`.' });
      return undefined;
    }
    return { service: service.value, ...(file ? { file: { path: file.value, at: file.at } } : {}) };
  }

  /** Reads the file named by `extends.file`, relative to the file that declares it. */
  private loadFile(from: ServiceFile, file: { readonly path: string; readonly at: SourcePoint }): ServiceFile | undefined {
    const path = resolveFrom(directoryOf(from.scope.path), file.path);
    if (path === from.scope.path) return from;
    if (this.files.has(path)) return this.files.get(path);
    const text = readFile(this.ctx, path);
    let loaded: ServiceFile | undefined;
    if (text === undefined) {
      this.ctx.findings.report({
        code: 'COMPOSE_EXTENDS_FILE_MISSING',
        at: file.at,
        message: `extends.file ${JSON.stringify(file.path)} not found (looked for ${path}).`,
        hint: 'Fix the path; it is relative to the Compose file that declares `extends`.',
      });
    } else {
      const scope: ComposeFileScope = { path, baseDir: directoryOf(path), environment: from.scope.environment, includeChain: [] };
      const root = readComposeFile(this.ctx, scope, text);
      loaded = root && { scope, root };
    }
    this.files.set(path, loaded);
    return loaded;
  }
}

function serviceNode(root: SourceMap, name: string): SourceMap | undefined {
  const services = valueOf(root, 'services');
  if (services?.kind !== 'map') return undefined;
  const entry = services.entries.find((e) => e.key === name);
  if (!entry) return undefined;
  return entry.value.kind === 'map' ? entry.value : emptyMap(entry.keyAt, root.baseDir);
}
