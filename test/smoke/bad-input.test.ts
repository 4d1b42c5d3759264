/**
 * Every bad-input path of `ecsform smoke` exits 2 with a message that says what is wrong and a
 * hint, never a stack trace, and touches no AWS.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { smokeCommand, type SmokeCommandOptions } from '../../src/cli/commands/smoke.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import type { Finding } from '../../src/diagnostics/finding.js';
import { fromRoot } from '../helpers/paths.js';
import { FakeClock, fakeHttp, mockedAws, OUTPUTS_FILE, outputsText, recordingIo } from './harness.js';

const FLAGS: SmokeCommandOptions = { outputs: OUTPUTS_FILE, timeout: '10m', interval: '10s', maxInterval: '1m', logsSince: '30m', httpTimeout: '10s', format: 'text' };

/** Runs the CLI as a user would; returns the exit code and what it printed. */
async function cli(args: readonly string[], stdin = ''): Promise<{ code: number; stderr: string; stdout: string }> {
  const io = recordingIo(fromRoot('.'), {}, stdin);
  const code = await main(['smoke', ...args], io);
  return { code, stderr: io.stderr.join(''), stdout: io.stdout.join('') };
}

/** The findings of the InputError the command must throw (main turns it into exit 2). */
async function inputErrors(options: Partial<SmokeCommandOptions>, credentials?: () => Promise<unknown>): Promise<readonly Finding[]> {
  try {
    await smokeCommand(recordingIo(), { ...FLAGS, ...options }, { aws: () => mockedAws(credentials), http: fakeHttp({}), clock: new FakeClock(), random: () => 0.5 });
  } catch (error) {
    if (isInputError(error)) return error.findings;
    throw error;
  }
  assert.fail('expected an InputError');
}

describe('ecsform smoke: bad input exits 2 with a message', () => {
  test('no --outputs', async () => {
    const run = await cli([]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /SMOKE_NO_OUTPUTS  No Terraform outputs to read: pass --outputs FILE, or --outputs - to read standard input\./);
    assert.match(run.stderr, /hint: terraform output -json > outputs\.json/);
  });

  test('an outputs file that does not exist', async () => {
    const run = await cli(['--outputs', 'no/such/outputs.json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /SMOKE_NO_OUTPUTS  Cannot read .*no\/such\/outputs\.json: no such file\./);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
  });

  test('outputs that are not JSON', async () => {
    const run = await cli(['--outputs', 'test/fixtures/smoke/truncated.json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /SMOKE_OUTPUTS_NOT_JSON  .*truncated\.json is not JSON: /);
  });

  test('not JSON on standard input', async () => {
    const run = await cli(['--outputs', '-'], 'Error: No outputs found');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /standard input is not JSON/);
  });

  test('outputs without smoke_test name the outputs they have', async () => {
    const run = await cli(['--outputs', '-'], JSON.stringify({ vpc_id: { sensitive: false, type: 'string', value: 'vpc-1' } }));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /SMOKE_NO_TARGETS  standard input has no smoke_test output \(outputs: vpc_id\)\./);
  });

  test('no outputs at all: the stack was never applied', async () => {
    const run = await cli(['--outputs', '-'], '{}');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no smoke_test output \(no outputs at all: has the stack been applied\?\)/);
  });

  test('a smoke_test of the wrong shape says which field', async () => {
    const run = await cli(['--outputs', '-'], JSON.stringify({ smoke_test: { value: { cluster: 'c', urls: [{ name: 'api', url: 'ftp://x' }] } } }));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /SMOKE_OUTPUTS_INVALID  The smoke_test output in standard input is not what ecsform generates \(urls\.0\.url: must be an http:\/\/ or https:\/\/ URL\)/);
  });

  test('bad durations and --expect flags are all reported at once', async () => {
    const run = await cli(['--outputs', OUTPUTS_FILE, '--timeout', 'soon', '--interval', '-5s']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--timeout soon is not a positive duration/);
    assert.match(run.stderr, /--interval -5s is not a positive duration/);
    const findings = await inputErrors({ expect: ['apu=200', 'ui=maybe'] });
    assert.deepEqual(findings.map((f) => f.message), ['--expect names apu, which is not a URL of this stack.', '--expect ui=maybe is not NAME=EXPECTATION.']);
    assert.equal(findings[0]!.hint, 'Did you mean api?');
  });

  test('no region anywhere', async () => {
    const noRegion = JSON.parse(outputsText()) as { smoke_test: { value: Record<string, unknown> } };
    delete noRegion.smoke_test.value['region'];
    const run = await cli(['--outputs', '-'], JSON.stringify(noRegion));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /SMOKE_NO_REGION  No AWS region: the outputs do not name one and none is set\.\n    hint: Pass --region, or set AWS_REGION\./);
  });

  test('no AWS credentials', async () => {
    const findings = await inputErrors({}, async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.code, 'SMOKE_NO_CREDENTIALS');
    assert.equal(findings[0]!.message, 'No AWS credentials: Could not load credentials from any providers');
    assert.match(findings[0]!.hint ?? '', /configure-aws-credentials with role-to-assume/);
  });
});
