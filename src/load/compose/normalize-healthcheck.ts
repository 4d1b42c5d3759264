/** `healthcheck`: `test` as a string becomes `["CMD-SHELL", string]`; durations become seconds. */
import type { Healthcheck } from '../types.js';
import { parseDurationSeconds } from './durations.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { isAbsent, readBoolean, readInteger, readMap, readString, typeError } from './read.js';
import { scalarText, valueOf, type SourceNode } from './source-tree.js';

export function normalizeHealthcheck(node: SourceNode | undefined, path: string, findings: FindingCollector): Healthcheck | undefined {
  const map = readMap(node, path, findings);
  if (!map) return undefined;
  const test = healthcheckTest(valueOf(map, 'test'), childPath(path, 'test'), findings);
  const disabled = readBoolean(valueOf(map, 'disable'), childPath(path, 'disable'), findings)?.value ?? false;
  const seconds = (key: string): number | undefined => readDuration(valueOf(map, key), childPath(path, key), findings);
  const intervalSeconds = seconds('interval');
  const timeoutSeconds = seconds('timeout');
  const startPeriodSeconds = seconds('start_period');
  const retries = readInteger(valueOf(map, 'retries'), childPath(path, 'retries'), findings)?.value;
  return {
    at: map.at,
    path,
    ...(test !== undefined ? { test } : {}),
    disable: disabled || test?.[0] === 'NONE',
    ...(intervalSeconds !== undefined ? { intervalSeconds } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(startPeriodSeconds !== undefined ? { startPeriodSeconds } : {}),
  };
}

function healthcheckTest(node: SourceNode | undefined, path: string, findings: FindingCollector): readonly string[] | undefined {
  if (isAbsent(node)) return undefined;
  if (node.kind === 'scalar') return ['CMD-SHELL', scalarText(node)];
  if (node.kind === 'seq') return node.items.map((item, i) => readString(item, itemPath(path, i), findings)?.value ?? '');
  return typeError(findings, node, path, 'a command string or a list such as ["CMD", "curl", "-f", "http://localhost"]');
}

/** A Compose duration in seconds. A bare number is refused: compose-go would read it as nanoseconds. */
export function readDuration(node: SourceNode | undefined, path: string, findings: FindingCollector): number | undefined {
  if (isAbsent(node)) return undefined;
  const text = node.kind === 'scalar' ? scalarText(node).trim() : undefined;
  const bareNumber = node.kind === 'scalar' && typeof node.value === 'number' && node.value !== 0;
  const seconds = text === undefined || bareNumber ? undefined : parseDurationSeconds(text);
  if (seconds === undefined) {
    const problem = text === undefined ? 'a duration must be a string' : bareNumber ? `${text} has no unit` : `${JSON.stringify(text)} is not a duration`;
    findings.report({
      code: 'COMPOSE_DURATION_INVALID',
      at: node.at,
      path,
      message: `${path}: ${problem}.`,
      hint: 'Write a duration with units, e.g. 30s, 1m30s, 500ms or 2h.',
    });
  }
  return seconds;
}
