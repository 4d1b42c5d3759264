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
  /** For the whole answer (connection, TLS, status line and headers), not per packet. */
  readonly timeoutMs: number;
  /** The run's deadline: the request is abandoned when it aborts. */
  readonly signal?: AbortSignal;
}

export type HttpAnswer = { readonly ok: true; readonly status: number; readonly contentType?: string } | { readonly ok: false; readonly error: string };

export type HttpProbe = (request: HttpRequest) => Promise<HttpAnswer>;

export const nodeHttpProbe: HttpProbe = (request) =>
  new Promise((resolve) => {
    let settled = false;
    const settle = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(answer);
    };
    let req: http.ClientRequest | undefined;
    // One timer for the whole answer: a socket timeout alone restarts with every byte a slow server trickles.
    const timer = setTimeout(() => {
      req?.destroy();
      settle({ ok: false, error: `no answer within ${request.timeoutMs} ms (ETIMEDOUT)` });
    }, request.timeoutMs);
    const onAbort = () => {
      req?.destroy();
      settle({ ok: false, error: 'no answer before the deadline' });
    };
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const url = new URL(request.url);
      const secure = url.protocol === 'https:';
      const options: https.RequestOptions = {
        method: 'GET',
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: `${url.pathname}${url.search}`,
        headers: { 'user-agent': `ecsform-smoke/${VERSION}`, accept: '*/*', ...(request.host ? { host: request.host } : {}) },
        ...(secure && request.host ? { servername: request.host } : {}),
        agent: false,
      };
      const onResponse = (response: http.IncomingMessage) => {
        response.resume();
        const contentType = response.headers['content-type'];
        settle({ ok: true, status: response.statusCode ?? 0, ...(contentType ? { contentType } : {}) });
      };
      req = secure ? https.request(options, onResponse) : http.request(options, onResponse);
      req.on('error', (error) => settle({ ok: false, error: describeNetworkError(error) }));
      req.end();
    } catch (error) {
      // A URL or header Node refuses: an answer like any network error, not an exception.
      settle({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
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
