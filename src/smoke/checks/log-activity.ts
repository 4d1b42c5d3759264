/**
 * Each log group received events recently: a service that starts but never logs (a wrong log
 * configuration, a container stuck before its first line) shows up here. FilterLogEvents, not
 * DescribeLogStreams: a stream's lastEventTimestamp can lag behind by up to an hour.
 */
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { callAws, type AwsCallPolicy } from '../aws-call.js';
import { fail, pass, pending, type CheckResult } from '../check-result.js';
import { formatDuration } from '../durations.js';

/** FilterLogEvents may return empty pages while it scans; give up after a few. */
const MAX_PAGES = 5;

export async function checkLogGroups(logs: CloudWatchLogsClient, groups: readonly string[], sinceMs: number, policy: AwsCallPolicy): Promise<CheckResult[]> {
  return Promise.all(groups.map((group) => checkLogGroup(logs, group, sinceMs, policy)));
}

async function checkLogGroup(logs: CloudWatchLogsClient, group: string, sinceMs: number, policy: AwsCallPolicy): Promise<CheckResult> {
  const startTime = policy.clock.now() - sinceMs;
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const token = nextToken;
    const outcome = await callAws((abortSignal) => logs.send(new FilterLogEventsCommand({ logGroupName: group, startTime, limit: 1, ...(token ? { nextToken: token } : {}) }), { abortSignal }), policy);
    if (!outcome.ok) {
      const detail = `FilterLogEvents: ${outcome.message}`;
      return outcome.kind === 'denied' || outcome.kind === 'not-found' ? fail(group, 'logs', detail) : pending(group, 'logs', detail);
    }
    const event = outcome.value.events?.[0];
    if (event) return pass(group, 'logs', `events in the last ${formatDuration(sinceMs)}${event.logStreamName ? ` (${event.logStreamName})` : ''}`);
    nextToken = outcome.value.nextToken;
    if (!nextToken) break;
  }
  return pending(group, 'logs', `no events in the last ${formatDuration(sinceMs)}`);
}
