/**
 * Every URL answers with the status it is expected to (by default: anything but 5xx), and a
 * single-page app's index is HTML. Not answering yet is pending: a load balancer or a CDN
 * invalidation can take a while.
 */
import { pass, pending, type CheckResult } from '../check-result.js';
import type { HttpProbe } from '../http-probe.js';
import type { UrlTarget } from '../targets.js';

export async function checkUrls(urls: readonly UrlTarget[], probe: HttpProbe, timeoutMs: number): Promise<CheckResult[]> {
  return Promise.all(urls.map((url) => checkUrl(url, probe, timeoutMs)));
}

async function checkUrl(target: UrlTarget, probe: HttpProbe, timeoutMs: number): Promise<CheckResult> {
  const shown = `GET ${target.url}${target.host ? ` (Host: ${target.host})` : ''}`;
  const answer = await probe({ url: target.url, timeoutMs, ...(target.host ? { host: target.host } : {}) });
  if (!answer.ok) return pending(target.name, 'http', `${shown}: ${answer.error}`);
  if (!target.expect.matches(answer.status)) return pending(target.name, 'http', `${shown}: HTTP ${answer.status}, expected ${target.expect.text}`);
  if (target.spa && !(answer.contentType ?? '').includes('text/html')) {
    return pending(target.name, 'http', `${shown}: HTTP ${answer.status} but ${answer.contentType ?? 'no content type'}, not the app's HTML index`);
  }
  return pass(target.name, 'http', `${shown}: HTTP ${answer.status}`);
}
