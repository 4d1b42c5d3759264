/**
 * Every URL answers with the status it is expected to (by default: anything but 5xx), and a
 * single-page app's index is HTML. Not answering yet is pending: a load balancer or a CDN
 * invalidation can take a while.
 */
import { pass, pending, type CheckResult } from '../check-result.js';
import { beforeDeadline, NO_DEADLINE } from '../deadline.js';
import type { HttpAnswer, HttpProbe } from '../http-probe.js';
import { maskUrl } from '../mask-url.js';
import type { UrlTarget } from '../targets.js';

export async function checkUrls(urls: readonly UrlTarget[], probe: HttpProbe, timeoutMs: number, signal: AbortSignal = NO_DEADLINE): Promise<CheckResult[]> {
  return Promise.all(urls.map((url) => checkUrl(url, probe, timeoutMs, signal)));
}

async function checkUrl(target: UrlTarget, probe: HttpProbe, timeoutMs: number, signal: AbortSignal): Promise<CheckResult> {
  // Shown with any credentials in the URL masked: the report goes to CI logs.
  const shown = `GET ${maskUrl(target.url)}${target.host ? ` (Host: ${target.host})` : ''}`;
  let answer: HttpAnswer;
  try {
    answer = await beforeDeadline(probe({ url: target.url, timeoutMs, signal, ...(target.host ? { host: target.host } : {}) }), signal);
  } catch {
    answer = { ok: false, error: 'no answer before the deadline' };
  }
  if (!answer.ok) return pending(target.name, 'http', `${shown}: ${answer.error}`);
  if (!target.expect.matches(answer.status)) return pending(target.name, 'http', `${shown}: HTTP ${answer.status}, expected ${target.expect.text}`);
  if (target.spa && !(answer.contentType ?? '').includes('text/html')) {
    return pending(target.name, 'http', `${shown}: HTTP ${answer.status} but ${answer.contentType ?? 'no content type'}, not the app's HTML index`);
  }
  return pass(target.name, 'http', `${shown}: HTTP ${answer.status}`);
}
