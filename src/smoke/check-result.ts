/** What one check found. */

/**
 * `pass`: as wanted. `pending`: not yet (a deployment in progress, a target still starting);
 * checked again until the deadline. `fail`: retrying cannot help (a failed deployment, a missing
 * service, access denied); the run stops at once.
 */
export type CheckStatus = 'pass' | 'pending' | 'fail';

export type CheckKind = 'service' | 'deployment' | 'targets' | 'http' | 'logs';

export interface CheckResult {
  /** What was checked: a service, target group, URL or log group name. */
  readonly subject: string;
  readonly check: CheckKind;
  readonly status: CheckStatus;
  readonly detail: string;
}

export const pass = (subject: string, check: CheckKind, detail: string): CheckResult => ({ subject, check, status: 'pass', detail });
export const pending = (subject: string, check: CheckKind, detail: string): CheckResult => ({ subject, check, status: 'pending', detail });
export const fail = (subject: string, check: CheckKind, detail: string): CheckResult => ({ subject, check, status: 'fail', detail });
