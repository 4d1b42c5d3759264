/**
 * What to check, read from `terraform output -json` (all outputs, or `terraform output -json
 * smoke_test`): the `smoke_test` output the generated Terraform declares. Bad input is an
 * `InputError` naming the problem, never a stack trace.
 */
import { z } from 'zod';
import { InputError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import { DEFAULT_EXPECTATION, parseExpectation, type StatusExpectation } from './expectations.js';
import { maskCredentialsIn } from './mask-url.js';

export interface ServiceTarget {
  readonly name: string;
  /** The task definition Terraform registered; another one in the PRIMARY deployment means a rollback. */
  readonly taskDefinition?: string;
}

export interface TargetGroupTarget {
  readonly arn: string;
  /** Compose service behind it, for the report. */
  readonly service?: string;
}

export interface UrlTarget {
  readonly name: string;
  readonly url: string;
  readonly expect: StatusExpectation;
  /** Sent as Host header and TLS SNI while connecting to `url`'s host (the ALB). */
  readonly host?: string;
  /** A single-page app: the index must be HTML. */
  readonly spa: boolean;
}

export interface SmokeTargets {
  readonly region?: string;
  readonly cluster: string;
  readonly services: readonly ServiceTarget[];
  readonly targetGroups: readonly TargetGroupTarget[];
  readonly logGroups: readonly string[];
  readonly urls: readonly UrlTarget[];
}

/** An http(s) URL Node can request; the message never repeats the URL, which may hold a password. */
const httpUrl = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !/\s/.test(text);
  } catch {
    return false;
  }
}, 'must be an http:// or https:// URL');

/** A Host header value: a DNS name or address, with an optional port. */
const hostHeader = z.string().regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/, 'must be a host name, optionally with a port');

const schema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1').optional(),
  cluster: z.string().min(1),
  services: z.array(z.union([z.string().min(1), z.object({ name: z.string().min(1), task_definition: z.string().min(1).optional() })])).default([]),
  target_groups: z.array(z.union([z.string().min(1), z.object({ arn: z.string().min(1), service: z.string().optional() })])).default([]),
  log_groups: z.array(z.string().min(1)).default([]),
  urls: z
    .array(z.object({ name: z.string().min(1), url: httpUrl, expect: z.string().optional(), host: hostHeader.optional(), spa: z.boolean().optional() }))
    .default([]),
});

/** Parses the outputs text; `source` names it in messages (a path, or `standard input`). */
export function parseSmokeTargets(text: string, source: string): SmokeTargets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The parser quotes the text around the problem, which may hold a password.
    throw badInput('SMOKE_OUTPUTS_NOT_JSON', `${source} is not JSON: ${maskCredentialsIn((error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' '))}.`, 'Pass what `terraform output -json` prints.');
  }
  const value = smokeTestValue(json, source);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'smoke_test'}: ${i.message}`);
    throw badInput('SMOKE_OUTPUTS_INVALID', `The smoke_test output in ${source} is not what ecsform generates (${problems.join('; ')}).`, 'Regenerate the Terraform with this version of ecsform and apply it.');
  }
  const data = parsed.data;
  const findings: Finding[] = [];
  const urls = data.urls.map((u) => {
    const expect = parseExpectation(u.expect ?? DEFAULT_EXPECTATION);
    if (!expect) findings.push(finding('SMOKE_OUTPUTS_INVALID', `URL ${u.name} in ${source} expects "${u.expect}", which is not a status expectation.`, 'Use not-5xx, 2xx, 200, or a comma-separated list such as 200,301.'));
    return { name: u.name, url: u.url, expect: expect ?? parseExpectation(DEFAULT_EXPECTATION)!, spa: u.spa ?? false, ...(u.host ? { host: u.host } : {}) };
  });
  if (findings.length > 0) throw new InputError(findings);
  return {
    ...(data.region ? { region: data.region } : {}),
    cluster: data.cluster,
    services: data.services.map((s) => (typeof s === 'string' ? { name: s } : { name: s.name, ...(s.task_definition ? { taskDefinition: s.task_definition } : {}) })),
    targetGroups: data.target_groups.map((t) => (typeof t === 'string' ? { arn: t } : { arn: t.arn, ...(t.service ? { service: t.service } : {}) })),
    logGroups: data.log_groups,
    urls,
  };
}

/** The smoke_test value: inside all outputs (`{ smoke_test: { value } }`), or given alone. */
function smokeTestValue(json: unknown, source: string): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw badInput('SMOKE_OUTPUTS_INVALID', `${source} is not a JSON object of Terraform outputs.`, 'Pass what `terraform output -json` prints.');
  }
  const record = json as Record<string, unknown>;
  if ('smoke_test' in record) {
    const output = record['smoke_test'];
    return typeof output === 'object' && output !== null && 'value' in output ? (output as { value: unknown }).value : output;
  }
  if ('cluster' in record) return record;
  const names = Object.keys(record);
  throw badInput(
    'SMOKE_NO_TARGETS',
    `${source} has no smoke_test output${names.length > 0 ? ` (outputs: ${names.sort().join(', ')})` : ' (no outputs at all: has the stack been applied?)'}.`,
    'Generate the Terraform with ecsform (a stack with services declares smoke_test), apply it, then run `terraform output -json`.',
  );
}

function finding(code: string, message: string, hint: string): Finding {
  return { code, severity: 'error', message, hint };
}

function badInput(code: string, message: string, hint: string): InputError {
  return new InputError([finding(code, message, hint)]);
}
