/**
 * Smoke-test scenarios without AWS or waiting: SDK clients whose calls aws-sdk-client-mock
 * answers, a clock whose sleep returns at once (and records how long it was asked to wait), a
 * recording Io, and builders for the AWS answers the checks read.
 */
import { readFileSync } from 'node:fs';
import { CloudWatchLogsClient, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient, type Deployment, type DescribeServicesCommandOutput, type Service } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client, type DescribeTargetHealthCommandOutput, type TargetHealthStateEnum } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Io } from '../../src/cli/io.js';
import type { AwsAccess } from '../../src/smoke/aws-clients.js';
import type { Clock } from '../../src/smoke/clock.js';
import type { HttpAnswer, HttpProbe, HttpRequest } from '../../src/smoke/http-probe.js';
import { fromRoot } from '../helpers/paths.js';

export const OUTPUTS_FILE = fromRoot('test/fixtures/smoke/outputs.json');
export const API_TASK_DEFINITION = 'arn:aws:ecs:eu-west-1:111122223333:task-definition/shop-prod-api:7';
export const WORKER_TASK_DEFINITION = 'arn:aws:ecs:eu-west-1:111122223333:task-definition/shop-prod-worker:7';

export function outputsText(): string {
  return readFileSync(OUTPUTS_FILE, 'utf8');
}

export class FakeClock implements Clock {
  time = Date.UTC(2026, 0, 15, 12, 0, 0);
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

/** Clients for the mocks to intercept (mockClient patches the class, every instance). */
export function mockedAws(credentials: () => Promise<unknown> = async () => ({ accessKeyId: 'test', secretAccessKey: 'test' })): AwsAccess {
  const config = { region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  return { ecs: new ECSClient(config), elb: new ElasticLoadBalancingV2Client(config), logs: new CloudWatchLogsClient(config), resolveCredentials: credentials };
}

/** An HTTP probe answering from a table, and recording what it was asked. */
export function fakeHttp(answers: Readonly<Record<string, HttpAnswer>>): HttpProbe & { readonly requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const probe = async (request: HttpRequest): Promise<HttpAnswer> => {
    requests.push(request);
    return answers[request.url] ?? { ok: false, error: 'connection refused (ECONNREFUSED)' };
  };
  return Object.assign(probe, { requests });
}

export const HEALTHY_HTTP: Readonly<Record<string, HttpAnswer>> = {
  'https://shop-prod-alb-123456789.eu-west-1.elb.amazonaws.com/health': { ok: true, status: 200, contentType: 'application/json' },
  'https://d111111abcdef8.cloudfront.net/': { ok: true, status: 200, contentType: 'text/html; charset=utf-8' },
};

export interface RecordingIo extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function recordingIo(cwd: string = fromRoot('.'), env: Record<string, string | undefined> = {}, stdin = ''): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    cwd,
    env,
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    display: (path) => path,
    readStdin: async () => stdin,
  };
}

// ---------------------------------------------------------------------------------------------
// AWS answers
// ---------------------------------------------------------------------------------------------

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return { id: 'ecs-svc/1', status: 'PRIMARY', rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2, pendingCount: 0, taskDefinition: API_TASK_DEFINITION, ...overrides };
}

export function service(name: string, taskDefinition: string, overrides: Partial<Service> = {}, deployments?: Deployment[]): Service {
  return {
    serviceName: name,
    serviceArn: `arn:aws:ecs:eu-west-1:111122223333:service/shop-prod-cluster/${name}`,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    deployments: deployments ?? [deployment({ taskDefinition })],
    events: [{ id: 'e1', message: `(service ${name}) has reached a steady state.` }],
    ...overrides,
  };
}

export function services(...items: Service[]): DescribeServicesCommandOutput {
  return { services: items, failures: [], $metadata: {} };
}

export const HEALTHY_SERVICES = (): DescribeServicesCommandOutput => services(service('shop-prod-api', API_TASK_DEFINITION), service('shop-prod-worker', WORKER_TASK_DEFINITION));

export function targets(...states: [id: string, state: TargetHealthStateEnum, reason?: string, description?: string][]): DescribeTargetHealthCommandOutput {
  return {
    TargetHealthDescriptions: states.map(([id, state, reason, description]) => ({
      Target: { Id: id, Port: 8080 },
      TargetHealth: { State: state, ...(reason ? { Reason: reason as never } : {}), ...(description ? { Description: description } : {}) },
    })),
    $metadata: {},
  };
}

export function logEvents(...events: FilteredLogEvent[]) {
  return { events, $metadata: {} };
}

export const RECENT_EVENT: FilteredLogEvent = { logStreamName: 'ecs/api/0a1b2c', timestamp: Date.UTC(2026, 0, 15, 11, 58), message: 'listening on :8080' };

/** An SDK-style error: what the service would send back. */
export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}
