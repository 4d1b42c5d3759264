/**
 * Container process settings of a service, typed: labels, tmpfs, ulimits, init/tty/stdin_open,
 * capabilities, platform, stop_grace_period, scale, legacy cpus/mem_limit/mem_reservation,
 * restart, network_mode, hostname and container_name. Values of the wrong type are reported
 * with their position; the key table in the model decides what each becomes on Fargate.
 */
import type { Located, NamedValue, Ulimit } from '../types.js';
import type { FindingCollector } from './findings.js';
import { readCpus, readMemoryMiB } from './normalize-deploy.js';
import { readDuration } from './normalize-healthcheck.js';
import { childPath } from './paths.js';
import { isAbsent, readBoolean, readInteger, readString, readStringList, typeError } from './read.js';
import { optional } from './defined.js';
import { scalarText, valueOf, type SourceMap, type SourceNode } from './source-tree.js';

export interface RuntimeSettings {
  readonly labels: NamedValue[];
  readonly tmpfs: Located<string>[];
  readonly ulimits: Ulimit[];
  readonly init?: Located<boolean>;
  readonly tty?: Located<boolean>;
  readonly stdinOpen?: Located<boolean>;
  readonly capAdd: Located<string>[];
  readonly capDrop: Located<string>[];
  readonly platform?: Located<string>;
  readonly stopGracePeriodSeconds?: Located<number>;
  readonly scale?: Located<number>;
  readonly cpus?: Located<number>;
  readonly memLimitMiB?: Located<number>;
  readonly memReservationMiB?: Located<number>;
  readonly restart?: Located<string>;
  readonly networkMode?: Located<string>;
  readonly hostname?: Located<string>;
  readonly containerName?: Located<string>;
}

export function normalizeRuntime(body: SourceMap, path: string, findings: FindingCollector): RuntimeSettings {
  const field = (key: string): SourceNode | undefined => valueOf(body, key);
  const sub = (key: string): string => childPath(path, key);
  const stopNode = field('stop_grace_period');
  const stopSeconds = readDuration(stopNode, sub('stop_grace_period'), findings);
  return {
    labels: readLabels(field('labels'), sub('labels'), findings),
    tmpfs: readStringList(field('tmpfs'), sub('tmpfs'), findings, { allowSingle: true }).map((t) => ({ ...t, value: t.value.split(':')[0]! })),
    ulimits: readUlimits(field('ulimits'), sub('ulimits'), findings),
    ...optional('init', readBoolean(field('init'), sub('init'), findings)),
    ...optional('tty', readBoolean(field('tty'), sub('tty'), findings)),
    ...optional('stdinOpen', readBoolean(field('stdin_open'), sub('stdin_open'), findings)),
    capAdd: capabilities(readStringList(field('cap_add'), sub('cap_add'), findings)),
    capDrop: capabilities(readStringList(field('cap_drop'), sub('cap_drop'), findings)),
    ...optional('platform', readString(field('platform'), sub('platform'), findings)),
    ...optional('stopGracePeriodSeconds', stopSeconds !== undefined && stopNode ? { value: stopSeconds, at: stopNode.at, path: sub('stop_grace_period') } : undefined),
    ...optional('scale', readInteger(field('scale'), sub('scale'), findings)),
    ...optional('cpus', readCpus(field('cpus'), sub('cpus'), findings)),
    ...optional('memLimitMiB', readMemoryMiB(field('mem_limit'), sub('mem_limit'), findings)),
    ...optional('memReservationMiB', readMemoryMiB(field('mem_reservation'), sub('mem_reservation'), findings)),
    ...optional('restart', readString(field('restart'), sub('restart'), findings)),
    ...optional('networkMode', readString(field('network_mode'), sub('network_mode'), findings)),
    ...optional('hostname', readString(field('hostname'), sub('hostname'), findings)),
    ...optional('containerName', readString(field('container_name'), sub('container_name'), findings)),
  };
}

function capabilities(list: Located<string>[]): Located<string>[] {
  return list.map((c) => ({ ...c, value: c.value.replace(/^CAP_/i, '').toUpperCase() })).sort((a, b) => a.value.localeCompare(b.value));
}

/** `labels` as a map or as a list of `key=value`, sorted by name. */
function readLabels(node: SourceNode | undefined, path: string, findings: FindingCollector): NamedValue[] {
  if (isAbsent(node)) return [];
  const labels = new Map<string, NamedValue>();
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      const entryPath = childPath(path, entry.key);
      const value = entry.value.kind === 'scalar' ? (entry.value.value === null ? '' : scalarText(entry.value)) : typeError(findings, entry.value, entryPath, 'a string');
      if (value !== undefined) labels.set(entry.key, { name: entry.key, value, at: entry.value.at, path: entryPath });
    }
  } else if (node.kind === 'seq') {
    for (const item of readStringList(node, path, findings)) {
      const eq = item.value.indexOf('=');
      const name = eq < 0 ? item.value : item.value.slice(0, eq);
      labels.set(name, { name, value: eq < 0 ? '' : item.value.slice(eq + 1), at: item.at, path: item.path });
    }
  } else {
    typeError(findings, node, path, 'a mapping or a list of "key=value"');
  }
  return [...labels.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** `ulimits: { nofile: 65535 }` or `{ nofile: { soft: 1024, hard: 4096 } }`. */
function readUlimits(node: SourceNode | undefined, path: string, findings: FindingCollector): Ulimit[] {
  if (isAbsent(node)) return [];
  if (node.kind !== 'map') return typeError(findings, node, path, 'a mapping of limit names') ?? [];
  const out: Ulimit[] = [];
  for (const entry of node.entries) {
    const entryPath = childPath(path, entry.key);
    if (entry.value.kind === 'map') {
      const soft = readInteger(valueOf(entry.value, 'soft'), childPath(entryPath, 'soft'), findings, -1);
      const hard = readInteger(valueOf(entry.value, 'hard'), childPath(entryPath, 'hard'), findings, -1);
      if (soft && hard) out.push({ name: entry.key, soft: soft.value, hard: hard.value, at: entry.value.at, path: entryPath });
      continue;
    }
    const single = readInteger(entry.value, entryPath, findings, -1);
    if (single) out.push({ name: entry.key, soft: single.value, hard: single.value, at: entry.value.at, path: entryPath });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
