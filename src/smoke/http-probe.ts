/**
 * One GET, no redirects followed (a 301 is an answer too), with an optional Host override: the
 * smoke test connects to the load balancer's DNS name and presents the real domain as Host and
 * TLS server name, so the certificate is checked against the name it was issued for.
 */
import http from 'node:http';
import https from 'node:https';
import { VERSION } from '../version.js';

export interface HttpRequest {
  readonly url: string;
  /** Host header and TLS SNI; default: the URL's host. */
  readonly host?: string;
  readonly timeoutMs: number;
}

export type HttpAnswer = { readonly ok: true; readonly status: number; readonly contentType?: string } | { readonly ok: false; readonly error: string };

export type HttpProbe = (request: HttpRequest) => Promise<HttpAnswer>;

export const nodeHttpProbe: HttpProbe = (request) =>
  new Promise((resolve) => {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: 'GET',
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': `ecsform-smoke/${VERSION}`, accept: '*/*', ...(request.host ? { host: request.host } : {}) },
      ...(secure && request.host ? { servername: request.host } : {}),
      timeout: request.timeoutMs,
      agent: false,
    };
    const onResponse = (response: http.IncomingMessage) => {
      response.resume();
      const contentType = response.headers['content-type'];
      resolve({ ok: true, status: response.statusCode ?? 0, ...(contentType ? { contentType } : {}) });
    };
    const req = secure ? https.request(options, onResponse) : http.request(options, onResponse);
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${request.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => resolve({ ok: false, error: describeNetworkError(error) }));
    req.end();
  });

function describeNetworkError(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (ECONNREFUSED)';
    case 'ENOTFOUND':
      return 'DNS name not found (ENOTFOUND)';
    case 'ECONNRESET':
      return 'connection reset (ECONNRESET)';
    case 'ETIMEDOUT':
      return `${error.message} (ETIMEDOUT)`;
    default:
      return error.code ? `${error.message} (${error.code})` : error.message;
  }
}
