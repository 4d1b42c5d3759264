/**
 * The `.tftest.hcl` file that runs the offline plan: provider configurations with example
 * credentials that never leave the machine (every endpoint is the local one), stand-in values for
 * data sources, placeholder values for required variables, and one `run` block per plan.
 */
import { attr, block, objItem, objItems, ref, toExpr, writeHcl, type Block, type BodyInput, type ExprLike } from '../hcl/index.js';
import type { Value } from '../terraform/index.js';
import { FAKE_ACCESS_KEY, FAKE_SECRET_KEY } from './fake-values.js';
import type { DataOverride } from './overrides.js';

export interface TestProvider {
  /** Undefined for the default `aws` configuration. */
  readonly alias?: string;
  readonly region: string;
}

export interface TestRun {
  /** Letters, digits, `_` and `-`. */
  readonly name: string;
  /** Another module to plan instead of the one the test directory belongs to (`./variants/x`). */
  readonly moduleSource?: string;
  readonly variables: Readonly<Record<string, Value>>;
  readonly overrides: readonly DataOverride[];
  /**
   * The module's provider configurations (`aws`, `aws.us_east_1`) → the alias of a provider of the
   * test file, for a run whose module needs other regions than the default one.
   */
  readonly providers?: Readonly<Record<string, string>>;
}

export interface TestFile {
  readonly providers: readonly TestProvider[];
  /** The local endpoint every AWS API call of the plan goes to. */
  readonly endpoint: string;
  readonly runs: readonly TestRun[];
}

/** Services whose calls a plan can make (ephemeral resources, account lookups), pinned to the local endpoint. */
const PINNED_ENDPOINTS = ['secretsmanager', 'ssm', 'kms', 'sts', 'iam'] as const;

export function renderTestFile(file: TestFile): string {
  const body: BodyInput[] = [...file.providers.map((p) => providerBlock(p, file.endpoint)), ...file.runs.map(runBlock)];
  return writeHcl({ path: '', body: { items: body.filter((b): b is Block => b !== undefined && b !== null && b !== false) as Block[] } });
}

function providerBlock(provider: TestProvider, endpoint: string): Block {
  return block('provider', ['aws'], [
    provider.alias !== undefined ? attr('alias', provider.alias) : undefined,
    attr('region', provider.region),
    attr('access_key', FAKE_ACCESS_KEY),
    attr('secret_key', FAKE_SECRET_KEY),
    attr('skip_credentials_validation', true),
    attr('skip_requesting_account_id', true),
    attr('skip_metadata_api_check', true),
    attr('max_retries', 1),
    block('endpoints', [], PINNED_ENDPOINTS.map((service) => attr(service, endpoint))),
  ]);
}

function runBlock(run: TestRun): Block {
  const variables = Object.entries(run.variables);
  return block('run', [run.name], [
    attr('command', ref('plan')),
    run.moduleSource !== undefined ? block('module', [], [attr('source', run.moduleSource)]) : undefined,
    run.providers !== undefined ? attr('providers', objItems(Object.entries(run.providers).map(([key, alias]) => objItem(ref(key), ref(`aws.${alias}`))), false)) : undefined,
    variables.length > 0 ? block('variables', [], variables.map(([name, value]) => attr(name, value as ExprLike))) : undefined,
    ...run.overrides.map((o) => block('override_data', [], [attr('target', ref(o.target)), attr('values', toExpr(o.values as ExprLike))])),
  ]);
}
