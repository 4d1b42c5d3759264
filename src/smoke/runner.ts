/**
 * Runs every check in rounds until all pass together, one fails for good, or the deadline comes;
 * between rounds it waits with exponential backoff and jitter, never past the deadline (the last
 * round runs at the deadline itself). The deadline bounds everything inside a round too: with
 * `signal`, every request and AWS call still waiting when it aborts is given up.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DEFAULT_THROTTLE_RETRY, type AwsCallPolicy } from './aws-call.js';
import { backoffDelay } from './backoff.js';
import type { CheckResult } from './check-result.js';
import { checkServices } from './checks/ecs-services.js';
import { checkUrls } from './checks/http-endpoints.js';
import { checkLogGroups } from './checks/log-activity.js';
import { checkTargetGroups } from './checks/target-health.js';
import type { Clock } from './clock.js';
import { NO_DEADLINE } from './deadline.js';
import { formatDuration } from './durations.js';
import type { HttpProbe } from './http-probe.js';
import type { SmokeTargets } from './targets.js';

export interface SmokeClients {
  readonly ecs: ECSClient;
  readonly elb: ElasticLoadBalancingV2Client;
  readonly logs: CloudWatchLogsClient;
}

export interface SmokeDeps extends SmokeClients {
  readonly http: HttpProbe;
  readonly clock: Clock;
  /** [0, 1), for jitter. */
  readonly random: () => number;
  /** Aborts at the deadline (the CLI: `AbortSignal.timeout(--timeout)`); default: rounds are bounded only between them. */
  readonly signal?: AbortSignal;
  /** Called after each round that does not end the run, e.g. to print progress. */
  readonly onRound?: (round: number, results: readonly CheckResult[], waitMs: number) => void;
}

export interface SmokeOptions {
  readonly timeoutMs: number;
  /** First wait between rounds; doubles up to `maxIntervalMs`. */
  readonly intervalMs: number;
  readonly maxIntervalMs: number;
  /** How recent a log event must be. */
  readonly logsSinceMs: number;
  readonly httpTimeoutMs: number;
}

export interface SmokeReport {
  readonly passed: boolean;
  /** Checks of the last round; still-pending ones at the deadline are reported as failures. */
  readonly results: readonly CheckResult[];
  readonly rounds: number;
  readonly elapsedMs: number;
  readonly timedOut: boolean;
}

export async function runSmoke(targets: SmokeTargets, deps: SmokeDeps, options: SmokeOptions): Promise<SmokeReport> {
  const started = deps.clock.now();
  const deadline = started + options.timeoutMs;
  const signal = deps.signal ?? NO_DEADLINE;
  const policy: AwsCallPolicy = { clock: deps.clock, random: deps.random, signal, deadlineMs: deadline, ...DEFAULT_THROTTLE_RETRY };
  for (let round = 1; ; round++) {
    const results = await runRound(targets, deps, options, policy);
    const elapsedMs = deps.clock.now() - started;
    if (results.every((r) => r.status === 'pass')) return { passed: true, results, rounds: round, elapsedMs, timedOut: false };
    if (results.some((r) => r.status === 'fail')) return { passed: false, results, rounds: round, elapsedMs, timedOut: false };
    const remaining = deadline - deps.clock.now();
    if (remaining <= 0 || signal.aborted) {
      const timedOut = results.map((r) => (r.status === 'pending' ? { ...r, status: 'fail' as const, detail: `not ready after ${formatDuration(options.timeoutMs)}: ${r.detail}` } : r));
      return { passed: false, results: timedOut, rounds: round, elapsedMs, timedOut: true };
    }
    const waitMs = Math.min(remaining, backoffDelay(round - 1, { initialMs: options.intervalMs, maxMs: options.maxIntervalMs }, deps.random));
    deps.onRound?.(round, results, waitMs);
    await deps.clock.sleep(waitMs);
  }
}

async function runRound(targets: SmokeTargets, deps: SmokeDeps, options: SmokeOptions, policy: AwsCallPolicy): Promise<CheckResult[]> {
  const [services, groups, urls, logs] = await Promise.all([
    targets.services.length > 0 ? checkServices(deps.ecs, targets.cluster, targets.services, policy) : [],
    checkTargetGroups(deps.elb, targets.targetGroups, policy),
    // No request outlives the run: its own time is cut to what is left of the deadline.
    checkUrls(targets.urls, deps.http, Math.max(1, Math.min(options.httpTimeoutMs, policy.deadlineMs - deps.clock.now())), policy.signal),
    checkLogGroups(deps.logs, targets.logGroups, options.logsSinceMs, policy),
  ]);
  return [...services, ...groups, ...urls, ...logs];
}
