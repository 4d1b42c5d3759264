/**
 * Plans many Terraform configurations with real Terraform in few processes. A plan through
 * `terraform test` starts the provider (and reads its large schema) for each provider configuration
 * of each run, twice (validate, then plan), and a run that errors makes the test skip every later
 * run; so each shard (one per core, at most four) is one root module that calls each configuration's
 * root as a child module, planned by one run. Terraform validates and plans every child, reports
 * every error, and each error names its file, so it belongs to the configuration whose directory
 * holds it. The children's own `provider` and `backend` blocks are blanked out (line numbers stay):
 * the test file's providers, with example credentials and the local endpoint, stand in for them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { attr, block, obj, objItem, objItems, parseHcl, ref, str, writeHcl, type Block, type ExprLike } from '../../src/hcl/index.js';
import {
  dataOverrides,
  moduleTree,
  offlineEnv,
  parseTestOutput,
  placeholdersFor,
  renderTestFile,
  rootModules,
  runProcess,
  startLocalEndpoint,
  testProviders,
  type DataOverride,
  type TerraformDiagnostic,
} from '../../src/terraform-run/index.js';
import { readTerraform, type Value } from '../../src/terraform/index.js';
import type { TerraformSetup } from '../helpers/terraform.js';

export interface Configuration {
  /** Letters, digits and dashes, starting with a letter: the module name and the directory. */
  readonly name: string;
  /** Path (relative to the configuration) → content. */
  readonly files: ReadonlyMap<string, string>;
}

export interface PlanResults {
  /** Configuration name → the diagnostics of its files and module calls. */
  readonly byConfiguration: ReadonlyMap<string, readonly TerraformDiagnostic[]>;
  /** Configuration name → why it was not planned (the harness cannot call its root). */
  readonly notPlanned: ReadonlyMap<string, string>;
  /** Problems no configuration owns: a shard that did not initialise or run. */
  readonly unowned: readonly string[];
}

interface ChildCall {
  readonly configuration: string;
  /** Module name in the shard's root. */
  readonly name: string;
  readonly source: string;
  readonly region: string;
  readonly variables: Readonly<Record<string, Value>>;
  readonly overrides: readonly DataOverride[];
}

/** Warnings that exist only because a root module is called as a child here. */
const HARNESS_WARNINGS = [/^Backend configuration ignored$/, /^Redundant empty provider block$/];

export async function planAll(setup: TerraformSetup, configurations: readonly Configuration[]): Promise<PlanResults> {
  const workdir = mkdtempSync(join(tmpdir(), 'ecsform-tf-suite-'));
  const endpoint = await startLocalEndpoint();
  const env = offlineEnv(process.env, endpoint.url, setup.cliConfigFile);
  const byConfiguration = new Map<string, TerraformDiagnostic[]>();
  const notPlanned = new Map<string, string>();
  const unowned: string[] = [];
  try {
    const shards = distribute(configurations, Math.max(1, Math.min(availableParallelism(), 4)));
    await Promise.all(
      shards.map(async (shard, i) => {
        const dir = join(workdir, `shard-${i}`);
        const calls: ChildCall[] = [];
        for (const configuration of shard) {
          byConfiguration.set(configuration.name, []);
          const prepared = await prepare(dir, configuration);
          if (typeof prepared === 'string') notPlanned.set(configuration.name, prepared);
          else calls.push(...prepared);
        }
        const result = await runShard(setup, dir, calls, endpoint.url, env);
        unowned.push(...result.unowned);
        for (const d of result.diagnostics) {
          const owner = calls.find((c) => d.filename?.startsWith(`${c.configuration}/`) || d.address?.startsWith(`module.${c.name}.`) || d.address === `module.${c.name}`);
          if (owner) byConfiguration.get(owner.configuration)!.push(d);
          else unowned.push(`${d.severity}: ${d.summary} ${d.filename ?? ''}:${d.line ?? ''} ${d.address ?? ''}\n${d.detail}`);
        }
      }),
    );
    return { byConfiguration, notPlanned, unowned };
  } finally {
    await endpoint.close();
    if (process.env['ECSFORM_KEEP_SUITE'] === '1') console.log(`# suite kept in ${workdir}`);
    else rmSync(workdir, { recursive: true, force: true });
  }
}

/** Greedy: the largest configurations first, each to the lightest shard. */
function distribute(configurations: readonly Configuration[], count: number): Configuration[][] {
  const weight = (c: Configuration) => {
    const text = [...c.files.values()].join('');
    return text.length + (text.includes('"aws_wafv2_web_acl"') ? 150_000 : 0);
  };
  const shards = Array.from({ length: Math.min(count, configurations.length) }, () => ({ weight: 0, items: [] as Configuration[] }));
  for (const configuration of [...configurations].sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name))) {
    const lightest = shards.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.items.push(configuration);
    lightest.weight += weight(configuration);
  }
  return shards.map((s) => s.items);
}

/** Writes the configuration into the shard and describes the call of each of its root modules. */
async function prepare(dir: string, configuration: Configuration): Promise<ChildCall[] | string> {
  const tfFiles = [...configuration.files].filter(([path]) => path.endsWith('.tf')).map(([path, text]) => ({ path, text }));
  const modules = readTerraform(tfFiles);
  const roots = rootModules(modules);
  for (const [path, content] of configuration.files) {
    const target = join(dir, configuration.name, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, path.endsWith('.tf') && roots.some((r) => dirname(path) === r.dir || (r.dir === '.' && !path.includes('/'))) ? withoutRootSettings(path, content) : content);
  }
  const byDir = new Map(modules.map((m) => [m.dir, m]));
  const calls: ChildCall[] = [];
  for (const [i, root] of roots.entries()) {
    const providers = testProviders(root);
    if (providers.length > 1) return `its root module ${root.dir} configures aliased providers, which the shared plan cannot pass`;
    const region = providers[0]!.region;
    calls.push({
      configuration: configuration.name,
      name: roots.length > 1 ? `${configuration.name}--${i + 1}` : configuration.name,
      source: `./${configuration.name}${root.dir === '.' ? '' : `/${root.dir}`}`,
      region,
      variables: Object.fromEntries(placeholdersFor(root, region).map((p) => [p.name, p.value])),
      overrides: dataOverrides(moduleTree(root, byDir, () => undefined), region),
    });
  }
  return calls;
}

/** The file with its `provider` blocks and `backend` block replaced by blank lines. */
function withoutRootSettings(path: string, text: string): string {
  const parsed = parseHcl(path, text);
  const cuts: Array<{ start: number; end: number }> = [];
  for (const item of parsed.file.body.items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'provider' && item.range) cuts.push({ start: item.range.start.offset, end: item.range.end.offset });
    if (item.type === 'terraform') {
      for (const inner of item.body.items) if (inner.kind === 'block' && (inner as Block).type === 'backend' && inner.range) cuts.push({ start: inner.range.start.offset, end: inner.range.end.offset });
    }
  }
  let out = text;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, cut.start) + out.slice(cut.start, cut.end).replace(/[^\n]/g, '') + out.slice(cut.end);
  return out;
}

async function runShard(setup: TerraformSetup, dir: string, calls: readonly ChildCall[], endpointUrl: string, env: Record<string, string>) {
  const unowned: string[] = [];
  if (calls.length === 0) return { diagnostics: [] as TerraformDiagnostic[], unowned };
  const regions = [...new Set(calls.map((c) => c.region))].sort();
  const alias = (region: string) => `region_${region.replace(/-/g, '_')}`;
  const root = shardRoot(regions, calls, alias);
  writeFileSync(join(dir, 'main.tf'), root);
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(
    join(dir, 'tests', 'plan.tftest.hcl'),
    renderTestFile({
      providers: regions.map((region) => ({ alias: alias(region), region })),
      endpoint: endpointUrl,
      runs: [{ name: 'plan', variables: {}, overrides: calls.flatMap((c) => c.overrides.map((o) => ({ ...o, target: `module.${c.name}.${o.target}` }))) }],
    }),
  );
  const init = await runProcess(setup.terraform, ['init', '-backend=false', '-input=false', '-no-color'], { cwd: dir, env });
  if (init.code !== 0) {
    unowned.push(`terraform init failed in ${dir}:\n${init.stderr}${init.stdout}`);
    return { diagnostics: [] as TerraformDiagnostic[], unowned };
  }
  const test = await runProcess(setup.terraform, ['test', '-json', '-no-color'], { cwd: dir, env });
  writeFileSync(join(dir, 'terraform-test.jsonl'), `${test.stdout}\n${test.stderr}`);
  const output = parseTestOutput(test.stdout);
  if (output.runs.size === 0) unowned.push(`terraform test ran nothing in ${dir}:\n${test.stderr}${test.stdout.slice(-4000)}`);
  const diagnostics = output.diagnostics.filter((d) => !HARNESS_WARNINGS.some((w) => w.test(d.summary)));
  if (output.runs.get('plan') !== 'pass' && diagnostics.length === 0) unowned.push(`the plan of ${dir} did not pass and said nothing:\n${test.stderr}`);
  return { diagnostics, unowned };
}

/** The shard's root: one provider configuration per region, one module call per configuration root. */
function shardRoot(regions: readonly string[], calls: readonly ChildCall[], alias: (region: string) => string): string {
  const blocks: Block[] = [
    block('terraform', [], [block('required_providers', [], [attr('aws', obj({ source: str('hashicorp/aws') }, true))])]),
    ...regions.map((region) => block('provider', ['aws'], [attr('alias', alias(region)), attr('region', region)])),
    ...calls.map((c) =>
      block('module', [c.name], [
        attr('source', c.source),
        attr('providers', objItems([objItem(ref('aws'), ref(`aws.${alias(c.region)}`))], false)),
        ...Object.entries(c.variables).map(([name, v]) => attr(name, v as ExprLike)),
      ]),
    ),
  ];
  return writeHcl({ path: '', body: { items: blocks } });
}
