/**
 * `ecsform smoke`: checks a deployed stack against the `smoke_test` output of its Terraform.
 * Exit 0 when every check passes, 1 when one fails (or is still not ready at the deadline),
 * 2 on bad input: no outputs, not JSON, no smoke_test, bad flags, no region or credentials.
 */
import { resolve } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';
import { createAwsAccess, type AwsAccess } from '../../smoke/aws-clients.js';
import { systemClock, type Clock } from '../../smoke/clock.js';
import { beforeDeadline, DeadlinePassed } from '../../smoke/deadline.js';
import { nodeHttpProbe, type HttpProbe } from '../../smoke/http-probe.js';
import { renderProgress, renderReportJson, renderReportText } from '../../smoke/render.js';
import { runSmoke } from '../../smoke/runner.js';
import { resolveRegion, smokeOptionsFrom, withExpectations, type SmokeFlags } from '../../smoke/settings.js';
import { parseSmokeTargets } from '../../smoke/targets.js';
import { INPUT_LIMITS } from '../files/limits.js';
import { readTextFileIfPresent } from '../files/read-text.js';
import type { Io } from '../io.js';

export interface SmokeCommandOptions extends SmokeFlags {
  /** A file written by `terraform output -json`, or `-` for standard input. */
  readonly outputs?: string;
  readonly region?: string;
  readonly format: 'text' | 'json';
}

/** What tests replace: AWS, the network, time. */
export interface SmokeCommandDeps {
  readonly aws?: (region: string) => AwsAccess;
  readonly http?: HttpProbe;
  readonly clock?: Clock;
  readonly random?: () => number;
}

export async function smokeCommand(io: Io, options: SmokeCommandOptions, deps: SmokeCommandDeps = {}): Promise<number> {
  const settings = smokeOptionsFrom(options);
  const { text, source } = await readOutputs(io, options.outputs);
  const targets = withExpectations(parseSmokeTargets(text, source), options.expect ?? []);
  const region = resolveRegion(options.region, targets, io.env);
  // One deadline for everything from here on, finding credentials included.
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const aws = (deps.aws ?? createAwsAccess)(region);
  await requireCredentials(aws, signal);

  const report = await runSmoke(
    targets,
    {
      ...aws,
      http: deps.http ?? nodeHttpProbe,
      clock: deps.clock ?? systemClock,
      random: deps.random ?? Math.random,
      signal,
      ...(options.format === 'text' ? { onRound: (round, results, waitMs) => io.err(renderProgress(round, results, waitMs)) } : {}),
    },
    settings,
  );
  io.out(options.format === 'json' ? renderReportJson(report) : renderReportText(report));
  return report.passed ? 0 : 1;
}

async function readOutputs(io: Io, outputs: string | undefined): Promise<{ text: string; source: string }> {
  if (outputs === undefined) {
    throw new InputError([
      {
        code: 'SMOKE_NO_OUTPUTS',
        severity: 'error',
        message: 'No Terraform outputs to read: pass --outputs FILE, or --outputs - to read standard input.',
        hint: 'terraform output -json > outputs.json && ecsform smoke --outputs outputs.json (or: terraform output -json | ecsform smoke --outputs -)',
      },
    ]);
  }
  if (outputs === '-') return { text: await io.readStdin(INPUT_LIMITS.jsonFileBytes), source: 'standard input' };
  const path = resolve(io.cwd, outputs);
  const text = readTextFileIfPresent(path, { shown: io.display(path), maxBytes: INPUT_LIMITS.jsonFileBytes, what: 'the Terraform outputs' });
  if (text !== undefined) return { text, source: io.display(path) };
  throw new InputError([
    {
      code: 'SMOKE_NO_OUTPUTS',
      severity: 'error',
      message: `Cannot read ${io.display(path)}: no such file.`,
      file: io.display(path),
      hint: 'Write it with `terraform output -json > outputs.json` in the Terraform directory.',
    },
  ]);
}

async function requireCredentials(aws: AwsAccess, signal: AbortSignal): Promise<void> {
  try {
    await beforeDeadline(aws.resolveCredentials(), signal);
  } catch (error) {
    throw new InputError([
      {
        code: 'SMOKE_NO_CREDENTIALS',
        severity: 'error',
        message: error instanceof DeadlinePassed ? 'No AWS credentials before the deadline (--timeout): the credential providers did not answer.' : `No AWS credentials: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'In GitHub Actions use aws-actions/configure-aws-credentials with role-to-assume; locally set AWS_PROFILE (aws sso login) or the AWS_* environment variables.',
      },
    ]);
  }
}
