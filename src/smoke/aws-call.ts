/**
 * One AWS call as the checks see it: throttling is retried here with backoff (the SDK's own
 * retries may already be spent when many pipelines poll one account); anything else comes back
 * classified, so a check can say whether waiting could help.
 */
import { backoffDelay } from './backoff.js';
import type { Clock } from './clock.js';
import { beforeDeadline, DeadlinePassed } from './deadline.js';

export type AwsOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly kind: AwsErrorKind; readonly message: string };

/**
 * `throttled`: still throttled after the retries. `denied`: missing permission or bad
 * credentials. `not-found`: the resource does not exist. `other`: anything else, worth a retry.
 */
export type AwsErrorKind = 'throttled' | 'denied' | 'not-found' | 'other';

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnrecognizedClientException', 'InvalidClientTokenId', 'ExpiredToken', 'ExpiredTokenException', 'CredentialsProviderError', 'SignatureDoesNotMatch']);
const NOT_FOUND = new Set(['ClusterNotFoundException', 'ServiceNotFoundException', 'TargetGroupNotFound', 'TargetGroupNotFoundException', 'ResourceNotFoundException']);

export interface AwsCallPolicy {
  readonly clock: Clock;
  /** The run's deadline: a call still waiting then is given up, and no retry starts after it. */
  readonly signal: AbortSignal;
  /** When the run ends, on `clock`. */
  readonly deadlineMs: number;
  readonly random: () => number;
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_THROTTLE_RETRY = { attempts: 6, initialMs: 500, maxMs: 8000 } as const;

/** `call` receives the signal to hand to the SDK (`client.send(command, { abortSignal })`). */
export async function callAws<T>(call: (signal: AbortSignal) => Promise<T>, policy: AwsCallPolicy): Promise<AwsOutcome<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, value: await beforeDeadline(call(policy.signal), policy.signal) };
    } catch (error) {
      if (error instanceof DeadlinePassed || policy.signal.aborted) return { ok: false, kind: 'other', message: 'no answer before the deadline' };
      const kind = classify(error);
      const remaining = policy.deadlineMs - policy.clock.now();
      if (kind !== 'throttled' || attempt + 1 >= policy.attempts || remaining <= 0) return { ok: false, kind, message: describe(error) };
      await policy.clock.sleep(Math.min(remaining, backoffDelay(attempt, policy, policy.random)));
    }
  }
}

export function classify(error: unknown): AwsErrorKind {
  const name = errorName(error);
  const meta = error as { $retryable?: { throttling?: boolean }; $metadata?: { httpStatusCode?: number } } | null;
  if (THROTTLING.has(name) || meta?.$retryable?.throttling === true || meta?.$metadata?.httpStatusCode === 429) return 'throttled';
  if (DENIED.has(name)) return 'denied';
  if (NOT_FOUND.has(name)) return 'not-found';
  return 'other';
}

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { name, Code } = error as { name?: unknown; Code?: unknown };
  return typeof Code === 'string' ? Code : typeof name === 'string' ? name : '';
}

function describe(error: unknown): string {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  return name && !message.startsWith(name) ? `${name}: ${message}` : message;
}
