/**
 * The smoke command's flags, checked: durations, per-URL expectations, region. Every problem is
 * reported at once as an `InputError` (exit 2) with a hint.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import { didYouMean } from '../util/did-you-mean.js';
import { parseDurationMs } from './durations.js';
import { parseExpectation, type StatusExpectation } from './expectations.js';
import type { SmokeOptions } from './runner.js';
import type { SmokeTargets } from './targets.js';

export interface SmokeFlags {
  readonly timeout: string;
  readonly interval: string;
  readonly maxInterval: string;
  readonly logsSince: string;
  readonly httpTimeout: string;
  /** `name=expectation`, e.g. `api=200` or `ui=2xx,304`. */
  readonly expect?: readonly string[];
}

export function smokeOptionsFrom(flags: SmokeFlags): SmokeOptions {
  const findings: Finding[] = [];
  const duration = (flag: string, text: string): number => {
    const ms = parseDurationMs(text);
    if (ms === undefined) findings.push(problem('SMOKE_BAD_FLAG', `--${flag} ${text} is not a positive duration.`, 'Write durations such as 30s, 10m or 1m30s.'));
    return ms ?? 0;
  };
  const options: SmokeOptions = {
    timeoutMs: duration('timeout', flags.timeout),
    intervalMs: duration('interval', flags.interval),
    maxIntervalMs: duration('max-interval', flags.maxInterval),
    logsSinceMs: duration('logs-since', flags.logsSince),
    httpTimeoutMs: duration('http-timeout', flags.httpTimeout),
  };
  if (findings.length > 0) throw new InputError(findings);
  return { ...options, maxIntervalMs: Math.max(options.maxIntervalMs, options.intervalMs) };
}

/** Targets with the `--expect name=...` overrides applied to their URLs. */
export function withExpectations(targets: SmokeTargets, overrides: readonly string[]): SmokeTargets {
  if (overrides.length === 0) return targets;
  const findings: Finding[] = [];
  const names = targets.urls.map((u) => u.name);
  const wanted = new Map<string, StatusExpectation>();
  for (const override of overrides) {
    const [name, text] = splitOnce(override);
    const expectation = text === undefined ? undefined : parseExpectation(text);
    if (name === '' || !expectation) {
      findings.push(problem('SMOKE_BAD_FLAG', `--expect ${override} is not NAME=EXPECTATION.`, 'For example --expect api=200 or --expect ui=2xx,304 (not-5xx, 2xx, 200, comma-separated).'));
    } else if (!names.includes(name)) {
      const guess = didYouMean(name, names);
      findings.push(problem('SMOKE_BAD_FLAG', `--expect names ${name}, which is not a URL of this stack.`, guess ? `Did you mean ${guess}?` : `URLs: ${names.join(', ') || 'none'}.`));
    } else {
      wanted.set(name, expectation);
    }
  }
  if (findings.length > 0) throw new InputError(findings);
  return { ...targets, urls: targets.urls.map((u) => ({ ...u, expect: wanted.get(u.name) ?? u.expect })) };
}

/** `--region`, else the stack's own region, else the environment the AWS CLI reads. */
export function resolveRegion(flag: string | undefined, targets: SmokeTargets, env: Readonly<Record<string, string | undefined>>): string {
  const region = flag ?? targets.region ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (!region) throw new InputError([problem('SMOKE_NO_REGION', 'No AWS region: the outputs do not name one and none is set.', 'Pass --region, or set AWS_REGION.')]);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new InputError([problem('SMOKE_NO_REGION', `${JSON.stringify(region.slice(0, 40))} is not an AWS region.`, 'Pass --region with a region such as us-east-1.')]);
  return region;
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function problem(code: string, message: string, hint: string): Finding {
  return { code, severity: 'error', message, hint };
}
