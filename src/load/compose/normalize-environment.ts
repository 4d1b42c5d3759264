/**
 * A service's environment: `env_file` files in order, then `environment` on top. A variable
 * declared without a value takes it from the project environment (process env, then `.env`).
 */
import type { EnvVar } from '../types.js';
import type { LoadContext } from './context.js';
import type { DotenvFormat } from './dotenv.js';
import { readEnvFile } from './env-files.js';
import type { Lookup } from './interpolate.js';
import { compareText, readKeyValues } from './key-values.js';
import { childPath, itemPath, resolveFrom } from './paths.js';
import { isAbsent, readBoolean, readString } from './read.js';
import { scalarText, valueOf, type SourceMap, type SourceNode } from './source-tree.js';

export function normalizeEnvironment(ctx: LoadContext, service: SourceMap, servicePath: string, environment: Lookup): EnvVar[] {
  const variables = new Map<string, EnvVar>();
  for (const variable of envFileVariables(ctx, valueOf(service, 'env_file'), childPath(servicePath, 'env_file'), environment)) variables.set(variable.name, variable);
  for (const entry of readKeyValues(valueOf(service, 'environment'), childPath(servicePath, 'environment'), ctx.findings)) {
    const inherited = entry.value === undefined ? environment(entry.key) : undefined;
    variables.set(entry.key, {
      name: entry.key,
      value: entry.value ?? inherited,
      at: entry.at,
      path: entry.path,
      origin: 'environment',
      interpolated: inherited === undefined ? entry.variables : [...entry.variables, entry.key],
    });
  }
  return [...variables.values()].sort((a, b) => compareText(a.name, b.name));
}

function envFileVariables(ctx: LoadContext, node: SourceNode | undefined, path: string, environment: Lookup): EnvVar[] {
  if (isAbsent(node)) return [];
  const items = node.kind === 'seq' ? node.items.map((item, i) => ({ item, path: itemPath(path, i) })) : [{ item: node, path }];
  const result: EnvVar[] = [];
  for (const { item, path: itemAt } of items) {
    const spec = envFileSpec(ctx, item, itemAt);
    if (!spec) continue;
    const file = resolveFrom(item.baseDir, spec.path);
    const entries = readEnvFile(ctx, file, environment, spec.format);
    if (entries === undefined) {
      if (spec.required) {
        ctx.findings.report({
          code: 'COMPOSE_ENV_FILE_MISSING',
          at: item.at,
          path: itemAt,
          message: `Env file ${JSON.stringify(spec.path)} not found (looked for ${file}).`,
          hint: 'Create the file, fix the path (relative to the Compose file), or mark the entry `required: false`.',
        });
      }
      continue;
    }
    for (const entry of entries) {
      result.push({
        name: entry.name,
        value: entry.value,
        at: { file, line: entry.line, column: entry.column },
        path: childPath(itemAt, entry.name),
        origin: 'env_file',
        interpolated: entry.variables,
      });
    }
  }
  return result;
}

interface EnvFileSpec {
  readonly path: string;
  readonly required: boolean;
  readonly format: DotenvFormat;
}

function envFileSpec(ctx: LoadContext, item: SourceNode, path: string): EnvFileSpec | undefined {
  if (item.kind === 'scalar' && item.value !== null) return { path: scalarText(item), required: true, format: 'compose' };
  if (item.kind !== 'map') {
    ctx.findings.report({ code: 'COMPOSE_TYPE', at: item.at, path, message: `${path} must be a file path or a mapping with \`path\`.`, hint: 'Write `env_file: .env` or `env_file: [{path: .env, required: false}]`.' });
    return undefined;
  }
  const file = readString(valueOf(item, 'path'), childPath(path, 'path'), ctx.findings);
  if (!file) {
    ctx.findings.report({ code: 'COMPOSE_FIELD_MISSING', at: item.at, path, message: `${path} has no \`path\`.`, hint: 'Add `path: <env file>` to the entry.' });
    return undefined;
  }
  const required = readBoolean(valueOf(item, 'required'), childPath(path, 'required'), ctx.findings)?.value ?? true;
  const format = readString(valueOf(item, 'format'), childPath(path, 'format'), ctx.findings);
  if (format && format.value !== 'raw') {
    ctx.findings.report({
      code: 'COMPOSE_ENV_FILE_FORMAT',
      at: format.at,
      path: format.path,
      message: `${format.path}: the env file format ${JSON.stringify(format.value)} is not supported.`,
      hint: 'Remove `format` for the Compose dotenv syntax, or use `format: raw` to take each KEY=VALUE line literally.',
    });
    return undefined;
  }
  return { path: file.value, required, format: format ? 'raw' : 'compose' };
}
