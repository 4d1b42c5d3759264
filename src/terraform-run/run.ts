/**
 * `terraform init`, `validate` and the offline plan for every root module of a checked directory,
 * in a scratch copy, with the user's own `terraform`. The plan runs through `terraform test`
 * (`command = plan`), the one mode in which Terraform plans with data sources stood in for: the
 * real provider validates every resource, and any AWS API call it makes reaches only the local
 * endpoint. Results come back as findings on the user's files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Finding } from '../diagnostics/finding.js';
import { parseHcl } from '../hcl/index.js';
import { indexModule, type ModuleIndex, type ParsedFile } from '../terraform/index.js';
import { TERRAFORM_RUN_CODES } from './codes.js';
import { diagnosticFinding, parseTestOutput, parseValidateOutput, type TerraformDiagnostic } from './diagnostics.js';
import { startLocalEndpoint, type EndpointCall } from './local-endpoint.js';
import { moduleTree, rootModules } from './module-tree.js';
import { dataOverrides } from './overrides.js';
import { placeholdersFor, type Placeholder } from './placeholders.js';
import { offlineEnv, runProcess, type Env } from './process.js';
import { testProviders } from './providers.js';
import { renderTestFile } from './test-file.js';
import { scratchCopy, userPath, type Workspace } from './workspace.js';

export interface OfflinePlanRequest {
  /** The `terraform` executable. */
  readonly terraform: string;
  /** The checked directory (absolute). */
  readonly root: string;
  /** Its modules, as `verify()` indexed them (directories relative to `root`). */
  readonly modules: readonly ModuleIndex[];
  readonly env: Env;
  /** A Terraform CLI configuration to use instead of the user's (a provider mirror, a plugin cache). */
  readonly cliConfigFile?: string;
  readonly onProgress?: (message: string) => void;
}

export type RootStage = 'init' | 'validate' | 'plan';

export interface RootOutcome {
  /** Relative to the checked directory. */
  readonly dir: string;
  /** The last stage that ran; `passed` says whether it succeeded. */
  readonly stage: RootStage;
  readonly passed: boolean;
  readonly placeholders: readonly Placeholder[];
  /** The AWS API calls the plan made, all to the local endpoint. */
  readonly calls: readonly EndpointCall[];
}

export interface OfflinePlanResult {
  /** Paths are absolute (the user's files). */
  readonly findings: readonly Finding[];
  readonly roots: readonly RootOutcome[];
}

const TEST_DIRECTORY = 'ecsform-offline-plan';
const RUN_NAME = 'offline_plan';

export async function runOfflinePlan(request: OfflinePlanRequest): Promise<OfflinePlanResult> {
  const roots = rootModules(request.modules);
  const workspace = scratchCopy(request.root, request.modules);
  const endpoint = await startLocalEndpoint();
  const env = offlineEnv(request.env, endpoint.url, request.cliConfigFile);
  const findings: Finding[] = [];
  const outcomes: RootOutcome[] = [];
  try {
    for (const root of roots) {
      const before = endpoint.calls.length;
      const outcome = await planRoot(request, workspace, root, env, endpoint.url, findings);
      outcomes.push({ ...outcome, calls: endpoint.calls.slice(before) });
    }
  } finally {
    await endpoint.close();
    workspace.remove();
  }
  return { findings, roots: outcomes };
}

async function planRoot(
  request: OfflinePlanRequest,
  workspace: Workspace,
  root: ModuleIndex,
  env: Record<string, string>,
  endpointUrl: string,
  findings: Finding[],
): Promise<Omit<RootOutcome, 'calls'>> {
  const cwd = join(workspace.root, root.dir);
  const mapFile = (filename: string) => userPath(workspace, cwd, filename);
  const terraform = (args: string[]) => runProcess(request.terraform, args, { cwd, env });
  const base = { dir: root.dir, placeholders: [] as Placeholder[] };

  request.onProgress?.(`terraform init ${root.dir}`);
  const init = await terraform(['init', '-backend=false', '-input=false', '-no-color']);
  if (init.code !== 0) {
    findings.push(initFinding(init.stderr, request.root, root));
    return { ...base, stage: 'init', passed: false };
  }

  request.onProgress?.(`terraform validate ${root.dir}`);
  const validate = await terraform(['validate', '-json', '-no-color']);
  const validation = parseValidateOutput(validate.stdout);
  findings.push(...validation.map((d) => diagnosticFinding(d, { stage: 'validate', mapFile })));
  if (validate.code !== 0 || validation.some((d) => d.severity === 'error')) {
    if (validation.length === 0) findings.push(processFinding('validate', validate.stderr, request.root, root));
    findings.push(notRunFinding(request.root, root));
    return { ...base, stage: 'validate', passed: false };
  }

  const providers = testProviders(root);
  const region = providers[0]?.region ?? 'us-east-1';
  const placeholders = placeholdersFor(root, region);
  const byDir = new Map(request.modules.map((m) => [m.dir, m]));
  const installed = installedModules(cwd);
  const tree = moduleTree(root, byDir, (path) => installed.get(path.join('.')));
  const testFile = renderTestFile({
    providers,
    endpoint: endpointUrl,
    runs: [{ name: RUN_NAME, variables: Object.fromEntries(placeholders.map((p) => [p.name, p.value])), overrides: dataOverrides(tree, region) }],
  });
  mkdirSync(join(cwd, TEST_DIRECTORY), { recursive: true });
  writeFileSync(join(cwd, TEST_DIRECTORY, 'offline.tftest.hcl'), testFile);

  request.onProgress?.(`terraform plan (offline) ${root.dir}`);
  const test = await terraform(['test', '-json', '-no-color', `-test-directory=${TEST_DIRECTORY}`]);
  const output = parseTestOutput(test.stdout);
  const context = { stage: 'plan' as const, mapFile, placeholders: new Set(placeholders.map((p) => p.name)) };
  // Warnings already reported by validate are not repeated.
  const seen = new Set(validation.map(key));
  findings.push(...output.diagnostics.filter((d) => !seen.has(key(d))).map((d) => diagnosticFinding(d, context)));
  const passed = output.runs.get(RUN_NAME) === 'pass';
  if (!passed && output.diagnostics.length === 0) findings.push(processFinding('test', `${test.stderr}${test.stdout}`, request.root, root));
  return { ...base, placeholders, stage: 'plan', passed };
}

function key(d: TerraformDiagnostic): string {
  return `${d.severity}|${d.summary}|${d.filename ?? ''}|${d.line ?? 0}`;
}

/** Modules `terraform init` installed (registry, git...), by call path (`vpc`, `ecs.service`). */
function installedModules(cwd: string): Map<string, ModuleIndex> {
  const out = new Map<string, ModuleIndex>();
  const manifest = join(cwd, '.terraform', 'modules', 'modules.json');
  if (!existsSync(manifest)) return out;
  let entries: Array<{ Key?: string; Dir?: string }> = [];
  try {
    entries = (JSON.parse(readFileSync(manifest, 'utf8')) as { Modules?: typeof entries }).Modules ?? [];
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!entry.Key || !entry.Dir) continue;
    const dir = join(cwd, entry.Dir);
    if (!existsSync(dir)) continue;
    const files: ParsedFile[] = readdirSync(dir)
      .filter((f) => f.endsWith('.tf'))
      .sort()
      .flatMap((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        const parsed = parseHcl(f, text);
        return parsed.errors.length === 0 ? [{ path: posix.join(entry.Dir!, f), text, ast: parsed.file }] : [];
      });
    out.set(entry.Key, indexModule(entry.Dir, files, true));
  }
  return out;
}

/** The first `Error:` paragraph of Terraform's human output. */
export function firstError(stderr: string): { summary: string; detail: string } {
  const text = stderr;
  const match = /Error: ([^\n]+)\n([\s\S]*?)(?:\n\s*\n\s*(?:Error:|╵|$)|$)/.exec(text);
  if (!match) return { summary: text.trim().split('\n').pop() ?? 'failed', detail: '' };
  return { summary: match[1]!.trim(), detail: match[2]!.replace(/[│╷╵]/g, '').replace(/\s+/g, ' ').trim() };
}

function rootFile(base: string, root: ModuleIndex): string {
  const file = root.terraformBlocks[0]?.file ?? root.files[0]?.path ?? '';
  return join(base, file);
}

function initFinding(stderr: string, base: string, root: ModuleIndex): Finding {
  const { summary, detail } = firstError(stderr);
  return {
    code: 'TERRAFORM_INIT',
    severity: TERRAFORM_RUN_CODES.TERRAFORM_INIT.severity,
    message: `terraform init in ${root.dir}: ${summary}`,
    file: rootFile(base, root),
    ...(detail ? { hint: detail } : {}),
  };
}

function processFinding(command: string, output: string, base: string, root: ModuleIndex): Finding {
  const { summary, detail } = firstError(output);
  return { code: 'TERRAFORM_ERROR', severity: 'error', message: `terraform ${command} in ${root.dir} failed: ${summary}`, file: rootFile(base, root), ...(detail ? { hint: detail } : {}) };
}

function notRunFinding(base: string, root: ModuleIndex): Finding {
  return {
    code: 'TERRAFORM_NOT_RUN',
    severity: TERRAFORM_RUN_CODES.TERRAFORM_NOT_RUN.severity,
    message: `The offline plan of ${root.dir} was not run: terraform validate failed.`,
    file: rootFile(base, root),
  };
}
