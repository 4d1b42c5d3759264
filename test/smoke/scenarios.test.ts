/**
 * `ecsform smoke` end to end against mocked AWS: each scenario asserts the exit code and the
 * detail of the check that decides it.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { smokeCommand, type SmokeCommandOptions } from '../../src/cli/commands/smoke.js';
import {
  API_TASK_DEFINITION,
  awsError,
  deployment,
  FakeClock,
  fakeHttp,
  HEALTHY_HTTP,
  HEALTHY_SERVICES,
  logEvents,
  mockedAws,
  OUTPUTS_FILE,
  RECENT_EVENT,
  recordingIo,
  service,
  services,
  targets,
  WORKER_TASK_DEFINITION,
} from './harness.js';

const ecs = mockClient(ECSClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const logs = mockClient(CloudWatchLogsClient);

const FLAGS: SmokeCommandOptions = { outputs: OUTPUTS_FILE, timeout: '10m', interval: '10s', maxInterval: '1m', logsSince: '30m', httpTimeout: '10s', format: 'text' };

interface Run {
  readonly code: number;
  readonly text: string;
  readonly progress: string;
  readonly clock: FakeClock;
}

async function smoke(options: Partial<SmokeCommandOptions> = {}, http = fakeHttp(HEALTHY_HTTP)): Promise<Run> {
  const io = recordingIo();
  const clock = new FakeClock();
  const code = await smokeCommand(io, { ...FLAGS, ...options }, { aws: () => mockedAws(), http, clock, random: () => 0.5 });
  return { code, text: io.stdout.join(''), progress: io.stderr.join(''), clock };
}

/** The table row of one subject and check. */
function row(text: string, subject: string, check: string): string {
  const found = text.split('\n').find((line) => line.startsWith(`${subject} `) && line.includes(` ${check} `));
  assert.ok(found, `no row for ${subject} ${check} in:\n${text}`);
  return found;
}

function healthyTargets() {
  elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.10', 'healthy'], ['10.0.2.11', 'healthy']));
}

beforeEach(() => {
  ecs.reset();
  elb.reset();
  logs.reset();
  logs.on(FilterLogEventsCommand).resolves(logEvents(RECENT_EVENT));
});

afterEach(() => {
  ecs.reset();
  elb.reset();
  logs.reset();
});

describe('ecsform smoke against mocked AWS', () => {
  test('a healthy stack passes in one round and exits 0', async () => {
    ecs.on(DescribeServicesCommand).resolves(HEALTHY_SERVICES());
    healthyTargets();
    const run = await smoke();
    assert.equal(run.code, 0, run.text);
    assert.match(row(run.text, 'shop-prod-api', 'service'), /PASS\s+COMPLETED, 2\/2 tasks running shop-prod-api:7/);
    assert.match(row(run.text, 'api', 'targets'), /PASS\s+shop-prod-api: 2\/2 healthy/);
    assert.match(row(run.text, 'api', 'http'), /PASS\s+GET https:\/\/shop-prod-alb.*\/health \(Host: shop\.example\.com\): HTTP 200/);
    assert.match(row(run.text, 'ui', 'http'), /PASS/);
    assert.match(row(run.text, '/ecs/shop-prod/worker', 'logs'), /PASS\s+events in the last 30m/);
    assert.match(run.text, /all 7 checks passed \(1 round, 0s\)/);
    assert.deepEqual(run.clock.sleeps, []);
  });

  test('a deployment still rolling out is polled with growing waits until it completes', async () => {
    const rolling = services(
      service('shop-prod-api', API_TASK_DEFINITION, { runningCount: 1 }, [
        deployment({ rolloutState: 'IN_PROGRESS', runningCount: 1, pendingCount: 1 }),
        deployment({ status: 'ACTIVE', taskDefinition: `${API_TASK_DEFINITION.slice(0, -1)}6` }),
      ]),
      service('shop-prod-worker', WORKER_TASK_DEFINITION),
    );
    ecs.on(DescribeServicesCommand).resolvesOnce(rolling).resolvesOnce(rolling).resolves(HEALTHY_SERVICES());
    elb.on(DescribeTargetHealthCommand).resolvesOnce(targets(['10.0.1.10', 'healthy'], ['10.0.3.12', 'initial', 'Elb.RegistrationInProgress'])).resolves(targets(['10.0.1.10', 'healthy'], ['10.0.3.12', 'healthy']));
    const run = await smoke();
    assert.equal(run.code, 0, run.text);
    assert.equal(ecs.commandCalls(DescribeServicesCommand).length, 3);
    // Equal jitter with random = 0.5: three quarters of 10s, then of 20s.
    assert.deepEqual(run.clock.sleeps, [7500, 15000]);
    assert.match(run.progress, /round 1: 2 of 7 checks not ready \(shop-prod-api service: deployment IN_PROGRESS, 1\/2 tasks running, 1 pending\), next in 8s/);
    assert.match(run.text, /all 7 checks passed \(3 rounds, 23s\)/);
  });

  test('an unhealthy target fails at the deadline and the detail names it', async () => {
    ecs.on(DescribeServicesCommand).resolves(HEALTHY_SERVICES());
    elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.10', 'healthy'], ['10.0.2.11', 'unhealthy', 'Target.ResponseCodeMismatch', 'Health checks failed with these codes: [502]']));
    const run = await smoke({ timeout: '2m' });
    assert.equal(run.code, 1);
    assert.match(
      row(run.text, 'api', 'targets'),
      /FAIL\s+not ready after 2m: shop-prod-api: 1\/2 healthy; 10\.0\.2\.11:8080 unhealthy \(Target\.ResponseCodeMismatch: Health checks failed with these codes: \[502\]\)/,
    );
    assert.match(run.text, /1 of 7 checks failed \(timed out\)/);
    assert.equal(run.clock.time - new FakeClock().time, 120_000, 'the last round runs at the deadline, not past it');
  });

  test('a FAILED rollout fails at once, without waiting for the deadline', async () => {
    const failed = services(
      service('shop-prod-api', API_TASK_DEFINITION, { runningCount: 0 }, [
        deployment({ rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.', runningCount: 0 }),
      ]),
      service('shop-prod-worker', WORKER_TASK_DEFINITION),
    );
    ecs.on(DescribeServicesCommand).resolves(failed);
    healthyTargets();
    const run = await smoke();
    assert.equal(run.code, 1);
    assert.match(row(run.text, 'shop-prod-api', 'service'), /FAIL\s+deployment FAILED: ECS deployment circuit breaker: tasks failed to start\./);
    assert.deepEqual(run.clock.sleeps, []);
    assert.equal(ecs.commandCalls(DescribeServicesCommand).length, 1);
  });

  test('a rollback by the circuit breaker fails: the PRIMARY deployment runs an older task definition', async () => {
    const older = `${WORKER_TASK_DEFINITION.slice(0, -1)}6`;
    ecs.on(DescribeServicesCommand).resolves(services(service('shop-prod-api', API_TASK_DEFINITION), service('shop-prod-worker', WORKER_TASK_DEFINITION, {}, [deployment({ taskDefinition: older })])));
    healthyTargets();
    const run = await smoke();
    assert.equal(run.code, 1);
    assert.match(row(run.text, 'shop-prod-worker', 'service'), /FAIL\s+ECS rolled back: the PRIMARY deployment runs shop-prod-worker:6, not shop-prod-worker:7/);
  });

  test('throttled calls are retried with backoff, then the run passes', async () => {
    const throttled = awsError('ThrottlingException', 'Rate exceeded');
    ecs.on(DescribeServicesCommand).rejectsOnce(throttled).rejectsOnce(throttled).resolves(HEALTHY_SERVICES());
    elb.on(DescribeTargetHealthCommand).rejectsOnce(awsError('Throttling', 'Rate exceeded')).resolves(targets(['10.0.1.10', 'healthy']));
    const run = await smoke();
    assert.equal(run.code, 0, run.text);
    assert.equal(ecs.commandCalls(DescribeServicesCommand).length, 3);
    assert.equal(elb.commandCalls(DescribeTargetHealthCommand).length, 2);
    assert.deepEqual([...run.clock.sleeps].sort((a, b) => a - b), [375, 375, 750], 'retry waits, no round wait');
  });

  test('access denied fails at once and says which call', async () => {
    ecs.on(DescribeServicesCommand).resolves(HEALTHY_SERVICES());
    elb.on(DescribeTargetHealthCommand).rejects(awsError('AccessDenied', 'User is not authorized to perform: elasticloadbalancing:DescribeTargetHealth'));
    const run = await smoke();
    assert.equal(run.code, 1);
    assert.match(row(run.text, 'api', 'targets'), /FAIL\s+DescribeTargetHealth shop-prod-api: AccessDenied: User is not authorized/);
    assert.deepEqual(run.clock.sleeps, []);
  });

  test('a log group without recent events keeps the run waiting', async () => {
    ecs.on(DescribeServicesCommand).resolves(HEALTHY_SERVICES());
    healthyTargets();
    logs.on(FilterLogEventsCommand, { logGroupName: '/ecs/shop-prod/worker' }).resolves(logEvents());
    const run = await smoke({ timeout: '1m' });
    assert.equal(run.code, 1);
    assert.match(row(run.text, '/ecs/shop-prod/worker', 'logs'), /FAIL\s+not ready after 1m: no events in the last 30m/);
    const call = logs.commandCalls(FilterLogEventsCommand)[0]!.args[0].input;
    assert.equal(call.startTime, Date.UTC(2026, 0, 15, 11, 30), 'the window ends now and starts --logs-since earlier');
  });

  test('JSON output carries every check', async () => {
    ecs.on(DescribeServicesCommand).resolves(HEALTHY_SERVICES());
    healthyTargets();
    const run = await smoke({ format: 'json' });
    assert.equal(run.code, 0);
    const report = JSON.parse(run.text) as { passed: boolean; checks: { subject: string; check: string; status: string }[] };
    assert.equal(report.passed, true);
    assert.deepEqual(report.checks.map((c) => `${c.check}:${c.subject}:${c.status}`), [
      'service:shop-prod-api:pass',
      'service:shop-prod-worker:pass',
      'targets:api:pass',
      'http:api:pass',
      'http:ui:pass',
      'logs:/ecs/shop-prod/api:pass',
      'logs:/ecs/shop-prod/worker:pass',
    ]);
  });
});
