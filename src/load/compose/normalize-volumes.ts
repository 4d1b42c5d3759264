/**
 * Service `volumes` in short (`./a:/b:ro`, `named:/data`, `/anonymous`) and long syntax. Relative
 * bind sources are re-expressed relative to the project directory (unchanged when written there).
 */
import type { VolumeMount } from '../types.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath, relativeToProject } from './paths.js';
import { readBoolean, readSeq, readString } from './read.js';
import { scalarText, valueOf, type SourceMap, type SourceNode } from './source-tree.js';
import { parseShortVolume } from './volume-spec.js';

const MOUNT_TYPES = ['volume', 'bind', 'tmpfs', 'npipe', 'cluster', 'image'] as const;
type MountType = (typeof MOUNT_TYPES)[number];

export function normalizeVolumes(node: SourceNode | undefined, path: string, projectDir: string, findings: FindingCollector): VolumeMount[] {
  const list = readSeq(node, path, findings, 'Write volumes as a list, e.g. `volumes: ["./data:/data"]`.');
  if (!list) return [];
  const mounts: VolumeMount[] = [];
  list.items.forEach((item, i) => {
    const mount = volumeItem(item, itemPath(path, i), projectDir, findings);
    if (mount) mounts.push(mount);
  });
  return mounts;
}

function volumeItem(item: SourceNode, path: string, projectDir: string, findings: FindingCollector): VolumeMount | undefined {
  if (item.kind === 'map') return longVolume(item, path, projectDir, findings);
  const spec = item.kind === 'scalar' && item.value !== null ? scalarText(item) : undefined;
  const parsed = spec === undefined ? undefined : parseShortVolume(spec);
  if (!parsed?.ok) {
    findings.report({
      code: 'COMPOSE_VOLUME_INVALID',
      at: item.at,
      path,
      message: spec === undefined ? `${path} must be a volume string or a mapping with \`type\` and \`target\`.` : `${path}: ${JSON.stringify(spec)} is not a valid volume: ${parsed?.ok === false ? parsed.reason : ''}.`,
      hint: 'Write a volume as "SOURCE:TARGET[:ro]", e.g. "./data:/data:ro", "dbdata:/var/lib/data" or "/cache".',
    });
    return undefined;
  }
  const { type, source, target, readOnly } = parsed.volume;
  const base = { target, readOnly, at: item.at, path };
  if (type === 'bind' && source !== undefined) return { type, source: relativeToProject(projectDir, item.baseDir, source), ...base };
  return { type: 'volume', ...(source !== undefined ? { source } : {}), ...base };
}

function longVolume(item: SourceMap, path: string, projectDir: string, findings: FindingCollector): VolumeMount | undefined {
  const typeText = readString(valueOf(item, 'type'), childPath(path, 'type'), findings);
  const source = readString(valueOf(item, 'source'), childPath(path, 'source'), findings)?.value;
  const target = readString(valueOf(item, 'target'), childPath(path, 'target'), findings)?.value;
  const readOnly = readBoolean(valueOf(item, 'read_only'), childPath(path, 'read_only'), findings)?.value ?? false;
  const missing = (field: string, why: string): undefined => {
    findings.report({ code: 'COMPOSE_FIELD_MISSING', at: item.at, path, message: `${path} has no \`${field}\`: ${why}.`, hint: `Add \`${field}:\` to the volume.` });
    return undefined;
  };
  if (!typeText) return missing('type', 'the long syntax needs the mount type (volume, bind, tmpfs...)');
  const type = typeText.value;
  if (!isMountType(type)) {
    findings.report({
      code: 'COMPOSE_VOLUME_INVALID',
      at: typeText.at,
      path: typeText.path,
      message: `${typeText.path}: ${JSON.stringify(type)} is not a mount type.`,
      hint: `Use one of ${MOUNT_TYPES.join(', ')}.`,
    });
    return undefined;
  }
  if (target === undefined || target === '') return missing('target', 'every mount needs the path inside the container');
  const at = item.at;
  switch (type) {
    case 'tmpfs':
      return { type, target, at, path };
    case 'bind': {
      if (source === undefined || source === '') return missing('source', 'a bind mount needs the host path');
      return { type, source: relativeToProject(projectDir, item.baseDir, source), target, readOnly, at, path };
    }
    case 'volume':
      return { type, ...(source !== undefined && source !== '' ? { source } : {}), target, readOnly, at, path };
    default:
      return { type, ...(source !== undefined && source !== '' ? { source } : {}), target, at, path };
  }
}

function isMountType(type: string): type is MountType {
  return (MOUNT_TYPES as readonly string[]).includes(type);
}
