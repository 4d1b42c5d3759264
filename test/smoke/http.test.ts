/**
 * URL checks over real HTTP, against a server on 127.0.0.1: status classes, per-URL overrides,
 * the Host header sent to a load balancer, a refused connection, the SPA index.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { checkUrls } from '../../src/smoke/checks/http-endpoints.js';
import { parseExpectation } from '../../src/smoke/expectations.js';
import { nodeHttpProbe } from '../../src/smoke/http-probe.js';
import { withExpectations } from '../../src/smoke/settings.js';
import type { SmokeTargets, UrlTarget } from '../../src/smoke/targets.js';

let server: Server;
let base: string;
const hostsSeen: string[] = [];

before(async () => {
  server = createServer((request, response) => {
    hostsSeen.push(request.headers.host ?? '');
    const route = request.url ?? '/';
    if (route === '/ok') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (route === '/broken') return void response.writeHead(503).end('upstream down');
    if (route === '/moved') return void response.writeHead(301, { location: '/ok' }).end();
    if (route === '/index.html' || route === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html>');
    if (route === '/json-index') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (route === '/by-host') {
      const known = request.headers.host === 'shop.example.com';
      return void response.writeHead(known ? 200 : 404).end();
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function url(name: string, path: string, expect = 'not-5xx', extra: Partial<UrlTarget> = {}): UrlTarget {
  return { name, url: `${base}${path}`, expect: parseExpectation(expect)!, spa: false, ...extra };
}

async function check(target: UrlTarget) {
  const [result] = await checkUrls([target], nodeHttpProbe, 2000);
  return result!;
}

describe('URL checks over HTTP', () => {
  test('a 2xx answer passes', async () => {
    const result = await check(url('api', '/ok'));
    assert.equal(result.status, 'pass');
    assert.match(result.detail, /GET http:\/\/127\.0\.0\.1:\d+\/ok: HTTP 200$/);
  });

  test('a 5xx answer is not passing, and says what came back', async () => {
    const result = await check(url('api', '/broken'));
    assert.equal(result.status, 'pending');
    assert.match(result.detail, /HTTP 503, expected not-5xx$/);
  });

  test('redirects are answers, not followed: not-5xx passes a 301, 2xx does not', async () => {
    assert.equal((await check(url('api', '/moved'))).status, 'pass');
    const strict = await check(url('api', '/moved', '2xx'));
    assert.equal(strict.status, 'pending');
    assert.match(strict.detail, /HTTP 301, expected 2xx/);
  });

  test('a refused connection is not passing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [result] = await checkUrls([{ name: 'api', url: `http://127.0.0.1:${port}/`, expect: parseExpectation('not-5xx')!, spa: false }], nodeHttpProbe, 2000);
    assert.equal(result!.status, 'pending');
    assert.match(result!.detail, /connection refused \(ECONNREFUSED\)$/);
  });

  test('--expect overrides what a URL must answer', async () => {
    const targets: SmokeTargets = { cluster: 'c', services: [], targetGroups: [], logGroups: [], urls: [url('api', '/json-index', '2xx'), url('legacy', '/gone', '2xx')] };
    const overridden = withExpectations(targets, ['legacy=404', 'api=200,204']);
    const results = await checkUrls(overridden.urls, nodeHttpProbe, 2000);
    assert.deepEqual(results.map((r) => r.status), ['pass', 'pass']);
    assert.deepEqual(overridden.urls.map((u) => u.expect.text), ['200,204', '404']);
  });

  test('the real domain is sent as Host when the URL points at the load balancer', async () => {
    hostsSeen.length = 0;
    const result = await check(url('api', '/by-host', '2xx', { host: 'shop.example.com' }));
    assert.equal(result.status, 'pass');
    assert.deepEqual(hostsSeen, ['shop.example.com']);
    assert.match(result.detail, /\(Host: shop\.example\.com\): HTTP 200$/);
    assert.equal((await check(url('api', '/by-host', '2xx'))).status, 'pending', 'without the Host header the listener does not route it');
  });

  test('a single-page app index must be HTML', async () => {
    assert.equal((await check(url('ui', '/', '2xx', { spa: true }))).status, 'pass');
    const notHtml = await check(url('ui', '/json-index', '2xx', { spa: true }));
    assert.equal(notHtml.status, 'pending');
    assert.match(notHtml.detail, /HTTP 200 but application\/json, not the app's HTML index/);
  });
});
