/** Top-level `volumes`, `networks`, `secrets` and `configs`, sorted by name. */
import type { ComposeConfig, ComposeNetwork, ComposeSecret, ComposeVolume } from '../types.js';
import type { FindingCollector } from './findings.js';
import { compareText } from './key-values.js';
import { childPath, relativeToProject } from './paths.js';
import { isAbsent, readBoolean, readMap, readString } from './read.js';
import { toRawMap } from './raw.js';
import { valueOf, type SourceEntry, type SourceMap, type SourceNode } from './source-tree.js';

/** Entries of a top-level section whose values are mappings or null (`db_data:`). */
function sectionEntries(section: SourceNode | undefined, name: string, findings: FindingCollector): Array<{ entry: SourceEntry; path: string; body: SourceMap | undefined }> {
  const map = readMap(section, name, findings);
  if (!map) return [];
  return [...map.entries]
    .sort((a, b) => compareText(a.key, b.key))
    .map((entry) => {
      const path = childPath(name, entry.key);
      return { entry, path, body: readMap(entry.value, path, findings) };
    });
}

/** `external: true`, `external: "yes"` or the legacy `external: {name: ...}`. */
function isExternal(body: SourceMap | undefined, path: string, findings: FindingCollector): boolean {
  const node = body ? valueOf(body, 'external') : undefined;
  if (isAbsent(node)) return false;
  if (node.kind === 'map') return true;
  return readBoolean(node, childPath(path, 'external'), findings)?.value ?? false;
}

export function normalizeVolumesSection(section: SourceNode | undefined, findings: FindingCollector): ComposeVolume[] {
  return sectionEntries(section, 'volumes', findings).map(({ entry, path, body }) => {
    const driver = body ? readString(valueOf(body, 'driver'), childPath(path, 'driver'), findings)?.value : undefined;
    return { name: entry.key, at: entry.keyAt, external: isExternal(body, path, findings), ...(driver !== undefined ? { driver } : {}), raw: body ? toRawMap(body, path) : undefined };
  });
}

export function normalizeNetworksSection(section: SourceNode | undefined, findings: FindingCollector): ComposeNetwork[] {
  return sectionEntries(section, 'networks', findings).map(({ entry, path, body }) => {
    const driver = body ? readString(valueOf(body, 'driver'), childPath(path, 'driver'), findings)?.value : undefined;
    return { name: entry.key, at: entry.keyAt, external: isExternal(body, path, findings), ...(driver !== undefined ? { driver } : {}) };
  });
}

type ResourceSource = ComposeSecret['source'] | ComposeConfig['source'];

function resourceSource(kind: 'secrets' | 'configs', body: SourceMap | undefined, path: string, projectDir: string, findings: FindingCollector): ResourceSource | undefined {
  if (isExternal(body, path, findings)) return { kind: 'external' };
  const file = body ? readString(valueOf(body, 'file'), childPath(path, 'file'), findings) : undefined;
  if (file && body) return { kind: 'file', file: relativeToProject(projectDir, valueOf(body, 'file')?.baseDir ?? body.baseDir, file.value) };
  const variable = body ? readString(valueOf(body, 'environment'), childPath(path, 'environment'), findings) : undefined;
  if (variable) return { kind: 'environment', variable: variable.value };
  if (kind === 'configs' && body && !isAbsent(valueOf(body, 'content'))) return { kind: 'content' };
  return undefined;
}

export function normalizeSecretsSection(section: SourceNode | undefined, projectDir: string, findings: FindingCollector): ComposeSecret[] {
  const secrets: ComposeSecret[] = [];
  for (const { entry, path, body } of sectionEntries(section, 'secrets', findings)) {
    const source = resourceSource('secrets', body, path, projectDir, findings);
    if (source === undefined || source.kind === 'content') {
      reportMissingSource(findings, entry, path, 'file, environment or external');
      continue;
    }
    secrets.push({ name: entry.key, at: entry.keyAt, source });
  }
  return secrets;
}

export function normalizeConfigsSection(section: SourceNode | undefined, projectDir: string, findings: FindingCollector): ComposeConfig[] {
  const configs: ComposeConfig[] = [];
  for (const { entry, path, body } of sectionEntries(section, 'configs', findings)) {
    const source = resourceSource('configs', body, path, projectDir, findings);
    if (source === undefined) {
      reportMissingSource(findings, entry, path, 'file, environment, content or external');
      continue;
    }
    configs.push({ name: entry.key, at: entry.keyAt, source });
  }
  return configs;
}

function reportMissingSource(findings: FindingCollector, entry: SourceEntry, path: string, fields: string): void {
  findings.report({
    code: 'COMPOSE_RESOURCE_SOURCE_MISSING',
    at: entry.keyAt,
    path,
    message: `${path} declares none of ${fields}, so it has no value.`,
    hint: `Add \`file: <path>\` (relative to the Compose file), \`environment: <VARIABLE>\` or \`external: true\`.`,
  });
}
