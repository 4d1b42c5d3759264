/**
 * Runs the `terraform` binary: found on the PATH (or named by the caller), with an environment that
 * keeps the user's Terraform settings but no AWS credentials, profile or region, and sends every
 * AWS API call to the local endpoint.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The `terraform` executable: `explicit` when given (a path or a name), else the first on PATH. */
export function findTerraform(env: Env, explicit?: string): string | undefined {
  const name = explicit ?? 'terraform';
  if (isAbsolute(name) || name.includes('/')) return isExecutable(name) ? name : undefined;
  const extensions = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const candidate = join(dir, `${name}${extension}`);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Variables that would let a run reach a real account, change Terraform's arguments, or route through a proxy. */
const DROPPED = /^(AWS_|TF_CLI_ARGS|TF_LOG|TF_WORKSPACE$|TF_VAR_|TF_DATA_DIR$)/;

/** The environment Terraform runs in: the user's, minus AWS settings, plus the local endpoint. */
export function offlineEnv(env: Env, endpoint: string, cliConfigFile?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && !DROPPED.test(key)) out[key] = value;
  out['AWS_ENDPOINT_URL'] = endpoint;
  out['AWS_EC2_METADATA_DISABLED'] = 'true';
  out['NO_PROXY'] = [env['NO_PROXY'], '127.0.0.1', 'localhost'].filter(Boolean).join(',');
  out['no_proxy'] = out['NO_PROXY'];
  out['CHECKPOINT_DISABLE'] = '1';
  out['TF_IN_AUTOMATION'] = '1';
  out['TF_INPUT'] = '0';
  if (cliConfigFile !== undefined) out['TF_CLI_CONFIG_FILE'] = cliConfigFile;
  return out;
}

export function runProcess(command: string, args: readonly string[], options: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\nstopped after ${Math.round((options.timeoutMs ?? 0) / 1000)} s`;
      child.kill('SIGTERM');
    }, options.timeoutMs ?? 15 * 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
