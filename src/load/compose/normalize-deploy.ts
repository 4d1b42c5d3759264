/** `deploy.replicas` and `deploy.resources` limits and reservations (CPUs, memory in MiB). */
import type { Deploy, Located } from '../types.js';
import type { FindingCollector } from './findings.js';
import { childPath } from './paths.js';
import { isAbsent, readInteger, readMap, readString } from './read.js';
import { scalarText, valueOf, type SourceMap, type SourceNode } from './source-tree.js';
import { BYTES_PER_MIB, parseCpus, parseMemoryBytes } from './units.js';

export function normalizeDeploy(node: SourceNode | undefined, path: string, findings: FindingCollector): Deploy | undefined {
  const deploy = readMap(node, path, findings);
  if (!deploy) return undefined;
  const replicas = readInteger(valueOf(deploy, 'replicas'), childPath(path, 'replicas'), findings);
  const resourcesPath = childPath(path, 'resources');
  const resources = readMap(valueOf(deploy, 'resources'), resourcesPath, findings);
  const section = (name: string): SourceMap | undefined => (resources ? readMap(valueOf(resources, name), childPath(resourcesPath, name), findings) : undefined);
  const limits = section('limits');
  const reservations = section('reservations');
  const limitsPath = childPath(resourcesPath, 'limits');
  const reservationsPath = childPath(resourcesPath, 'reservations');
  const limitCpus = limits && readCpus(valueOf(limits, 'cpus'), childPath(limitsPath, 'cpus'), findings);
  const limitMemoryMiB = limits && readMemoryMiB(valueOf(limits, 'memory'), childPath(limitsPath, 'memory'), findings);
  const reservationCpus = reservations && readCpus(valueOf(reservations, 'cpus'), childPath(reservationsPath, 'cpus'), findings);
  const reservationMemoryMiB = reservations && readMemoryMiB(valueOf(reservations, 'memory'), childPath(reservationsPath, 'memory'), findings);
  const restartPath = childPath(path, 'restart_policy');
  const restartPolicy = readMap(valueOf(deploy, 'restart_policy'), restartPath, findings);
  const restartCondition = restartPolicy && readString(valueOf(restartPolicy, 'condition'), childPath(restartPath, 'condition'), findings);
  return {
    at: deploy.at,
    path,
    ...(replicas ? { replicas } : {}),
    ...(limitCpus ? { limitCpus } : {}),
    ...(limitMemoryMiB ? { limitMemoryMiB } : {}),
    ...(reservationCpus ? { reservationCpus } : {}),
    ...(reservationMemoryMiB ? { reservationMemoryMiB } : {}),
    ...(restartCondition ? { restartCondition } : {}),
  };
}

export function readCpus(node: SourceNode | undefined, path: string, findings: FindingCollector): Located<number> | undefined {
  if (isAbsent(node)) return undefined;
  const cpus = node.kind === 'scalar' ? parseCpus(typeof node.value === 'number' ? node.value : scalarText(node)) : undefined;
  if (cpus === undefined) {
    findings.report({
      code: 'COMPOSE_CPUS_INVALID',
      at: node.at,
      path,
      message: `${path}: ${node.kind === 'scalar' ? JSON.stringify(scalarText(node)) : 'this value'} is not a number of CPUs.`,
      hint: 'Write cpus as a non-negative number, e.g. 0.5 or "2".',
    });
    return undefined;
  }
  return { value: cpus, at: node.at, path };
}

export function readMemoryMiB(node: SourceNode | undefined, path: string, findings: FindingCollector): Located<number> | undefined {
  if (isAbsent(node)) return undefined;
  const bytes = node.kind === 'scalar' ? parseMemoryBytes(typeof node.value === 'number' ? node.value : scalarText(node)) : undefined;
  if (bytes === undefined) {
    findings.report({
      code: 'COMPOSE_MEMORY_INVALID',
      at: node.at,
      path,
      message: `${path}: ${node.kind === 'scalar' ? JSON.stringify(scalarText(node)) : 'this value'} is not a memory size.`,
      hint: 'Write memory as bytes or with a unit b, k, m, g (powers of 1024), e.g. 512M, 1g or 1.5GiB.',
    });
    return undefined;
  }
  return { value: bytes / BYTES_PER_MIB, at: node.at, path };
}
