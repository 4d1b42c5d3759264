/**
 * `--timeout` bounds the whole run: a server that never answers, one that trickles its answer, an
 * AWS call that hangs and credentials that never come all end at the deadline. URLs Node cannot
 * request are bad input (exit 2), and a password in a URL is never printed.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { smokeCommand, type SmokeCommandOptions } from '../../src/cli/commands/smoke.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import { systemClock } from '../../src/smoke/clock.js';
import { HEALTHY_SERVICES, logEvents, mockedAws, RECENT_EVENT, recordingIo, targets } from './harness.js';

const ecs = mockClient(ECSClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const logs = mockClient(CloudWatchLogsClient);

let server: Server;
let base: string;
const sockets = new Set<Socket>();
const trickling = new Set<ServerResponse>();

before(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith('/silent')) return; // accepts, never answers
    if (request.url === '/trickle') {
      // Keeps the connection busy with a byte now and then, never finishing the headers.
      trickling.add(response);
      response.socket?.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(() => response.socket?.write('X-Slow: a\r\n'), 100);
      response.socket?.on('close', () => clearInterval(timer));
      return;
    }
    response.writeHead(200).end('ok');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  ecs.on(DescribeServicesCommand).resolves(HEALTHY_SERVICES());
  elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.10', 'healthy']));
  logs.on(FilterLogEventsCommand).resolves(logEvents(RECENT_EVENT));
});

afterEach(() => {
  ecs.reset();
  elb.reset();
  logs.reset();
});

function outputs(urls: ReadonlyArray<{ name: string; url: string; host?: string }>): string {
  return JSON.stringify({ smoke_test: { value: { region: 'eu-west-1', cluster: 'shop-prod-cluster', services: [], urls } } });
}

const FLAGS: SmokeCommandOptions = { outputs: '-', timeout: '1s', interval: '10s', maxInterval: '1m', logsSince: '30m', httpTimeout: '10m', format: 'text' };

/** With the real clock: what is measured here is that the run ends at all. */
async function smoke(stdin: string, options: Partial<SmokeCommandOptions> = {}, credentials?: () => Promise<unknown>) {
  const io = recordingIo(undefined, {}, stdin);
  try {
    const code = await smokeCommand(io, { ...FLAGS, ...options }, { aws: () => mockedAws(credentials), clock: systemClock, random: () => 0.5 });
    return { code, out: io.stdout.join(''), err: io.stderr.join('') };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { code: 2, out: io.stdout.join(''), err: error.findings.map((f) => f.message).join('\n') };
  }
}

// A generous limit per test: before the deadline covered requests, these runs never ended.
const LIMIT = { timeout: 60_000 };

describe('one deadline bounds the whole run', () => {
  test('a server that accepts and never answers: the run ends at the deadline', LIMIT, async () => {
    const run = await smoke(outputs([{ name: 'api', url: `${base}/silent` }]));
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /api +http +FAIL +not ready after 1s: GET .*\/silent: no answer before the deadline/);
    assert.match(run.out, /\(timed out\)/);
  });

  test('a server trickling its answer cannot keep a request alive past --http-timeout', LIMIT, async () => {
    const run = await smoke(outputs([{ name: 'api', url: `${base}/trickle` }]), { timeout: '3s', httpTimeout: '500ms' });
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /api +http +FAIL +not ready after 3s: GET .*\/trickle: no answer within 500 ms|no answer before the deadline/);
  });

  test('an AWS call that never returns ends at the deadline', LIMIT, async () => {
    ecs.reset();
    ecs.on(DescribeServicesCommand).callsFake(() => new Promise(() => undefined));
    const text = JSON.stringify({ smoke_test: { value: { region: 'eu-west-1', cluster: 'shop-prod-cluster', services: ['shop-prod-api'] } } });
    const run = await smoke(text);
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /shop-prod-api +service +FAIL +not ready after 1s: DescribeServices: no answer before the deadline/);
  });

  test('credentials that never come end at the deadline, as bad input', LIMIT, async () => {
    const run = await smoke(outputs([{ name: 'api', url: `${base}/ok` }]), {}, () => new Promise(() => undefined));
    assert.equal(run.code, 2);
    assert.match(run.err, /No AWS credentials before the deadline/);
  });
});

describe('URLs Node cannot request are bad input', () => {
  for (const url of ['http://[::1', 'http://example.com:99999/', 'ftp://example.com/', 'https://exa mple.com/']) {
    test(JSON.stringify(url), async () => {
      const run = await smoke(outputs([{ name: 'api', url }]));
      assert.equal(run.code, 2, run.out);
      assert.match(run.err, /urls\.0\.url: must be an http:\/\/ or https:\/\/ URL/);
    });
  }

  test('a Host override that is not a host name', async () => {
    const run = await smoke(outputs([{ name: 'api', url: `${base}/ok`, host: 'shop.example.com\r\nX-Evil: 1' }]));
    assert.equal(run.code, 2);
    assert.match(run.err, /urls\.0\.host: must be a host name/);
  });
});

describe('credentials in URLs are masked in everything printed', () => {
  test('report, JSON report and progress', LIMIT, async () => {
    const url = `${base}/silent?token=abc123&page=2`.replace('http://', 'http://admin:s3cr3t@');
    for (const format of ['text', 'json'] as const) {
      const run = await smoke(outputs([{ name: 'api', url }]), { format, timeout: '2s', interval: '500ms' });
      assert.equal(run.code, 1);
      const printed = `${run.out}${run.err}`;
      assert.doesNotMatch(printed, /s3cr3t|abc123/);
      assert.match(printed, /admin:\*\*\*\*@127\.0\.0\.1:\d+\/silent\?token=\*\*\*\*&page=2/);
    }
  });

  test('outputs that are not JSON do not quote a password', async () => {
    const run = await smoke('{"url": "https://admin:s3cr3t@example.com/" oops}');
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.err, /s3cr3t/);
  });
});
