/**
 * Generates a stack for the CI tests: the IoT example from disk, or a Compose text in memory.
 * Until `planCi` is wired into `planTerraform`, the harness runs it on the plan's context itself
 * and writes what it added into `ci.tf`, so the tests check the same Terraform either way.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Block } from '../../src/hcl/ast.js';
import { writeHcl } from '../../src/hcl/index.js';
import { generate } from '../../src/generate.js';
import { loadCompose } from '../../src/load/compose/index.js';
import type { AppModel } from '../../src/model/types.js';
import { PlanContext } from '../../src/plan/context.js';
import type { CiInputs } from '../../src/plan/families/ci.js';
import { planCluster } from '../../src/plan/families/cluster.js';
import { serviceKnobs, type ServiceKnobs } from '../../src/plan/families/knobs.js';
import { planLogs } from '../../src/plan/families/logs.js';
import { planRegistry } from '../../src/plan/families/registry.js';
import { planStaticSites } from '../../src/plan/families/static-site.js';
import { fromRoot } from '../helpers/paths.js';

export interface GeneratedStack {
  readonly model: AppModel;
  readonly terraformDir: string;
  /** Every Terraform file, paths relative to the output root. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
  /** Text of ci.tf. */
  readonly ciTf: string;
  /** The plan's context and the references planCi takes, to inspect the role policies as data. */
  readonly context: PlanContext;
  readonly ciInputs: CiInputs;
}

export const IOT_COMPOSE = 'examples/iot-platform/compose.yaml';

/** Generating is pure, so each input is generated once per test process. */
const generated = new Map<string, GeneratedStack>();

export function iotStack(): GeneratedStack {
  return memo(IOT_COMPOSE, freshIotStack);
}

/** Generated anew, for determinism checks. */
export function freshIotStack(): GeneratedStack {
  return stackFrom({ [IOT_COMPOSE]: readFileSync(fromRoot(IOT_COMPOSE), 'utf8') }, IOT_COMPOSE);
}

/** A stack from an in-memory Compose file. */
export function composeStack(text: string): GeneratedStack {
  return memo(text, () => stackFrom({ '/proj/compose.yaml': text }, '/proj/compose.yaml'));
}

function memo(key: string, make: () => GeneratedStack): GeneratedStack {
  let stack = generated.get(key);
  if (!stack) generated.set(key, (stack = make()));
  return stack;
}

function stackFrom(files: Readonly<Record<string, string>>, main: string): GeneratedStack {
  const { project } = loadCompose({ files: [{ path: main, text: files[main]! }], readFile: (p) => files[p], env: {}, projectDir: dirname(main) });
  const result = generate(project);
  const terraform = result.files.map((f) => ({ path: f.path, text: f.content }));
  const context = result.plan.context;
  const ciInputs = refsFor(result.model);
  return { model: result.model, terraformDir: result.terraformDir, context, ciInputs, files: terraform, ciTf: ciTerraform(context) };
}

/** What the pipeline family added to the plan (its blocks, variables and output), as one file. */
function ciTerraform(ctx: PlanContext): string {
  const blocks = ctx.blocks().filter((p) => p.family === 'ci').map((p) => p.block);
  if (blocks.length === 0) return '';
  const added: Block[] = [
    ...blocks,
    ...ctx.variableBlocks().filter((b) => b.labels[0]!.startsWith('github_')),
    ...ctx.outputBlocks().filter((b) => b.labels[0] === 'github_actions_variables'),
  ];
  return writeHcl({ path: 'ci.tf', body: { items: added } });
}

/** The references planCi takes, built on a scratch context (they are pure functions of the model). */
function refsFor(model: AppModel): CiInputs {
  const scratch = new PlanContext(model);
  const knobs = new Map<string, ServiceKnobs>(model.services.map((s) => [s.name, serviceKnobs(scratch, s)]));
  return { registry: planRegistry(scratch), staticSites: planStaticSites(scratch), cluster: planCluster(scratch, planLogs(scratch, knobs), knobs) };
}
