/**
 * The AWS provider configurations the offline plan needs for a root module: the default one and
 * every alias, each in the region the configuration itself names (evaluated), else the region of
 * the default configuration, else us-east-1.
 */
import type { Attribute } from '../hcl/index.js';
import { evaluate, type ModuleIndex } from '../terraform/index.js';
import type { TestProvider } from './test-file.js';

export const FALLBACK_REGION = 'us-east-1';

export function testProviders(root: ModuleIndex): TestProvider[] {
  const configs = root.providerConfigs.filter((p) => p.name === 'aws');
  const regionOf = (alias: string | undefined): string | undefined => {
    const config = configs.find((c) => c.alias === alias);
    const attribute = config?.block.body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === 'region');
    if (!attribute) return undefined;
    const value = evaluate(attribute.expr, { module: root });
    return typeof value === 'string' ? value : undefined;
  };
  const defaultRegion = regionOf(undefined) ?? variableRegion(root) ?? FALLBACK_REGION;
  const aliases = [...new Set(configs.flatMap((c) => (c.alias !== undefined ? [c.alias] : [])))].sort();
  return [{ region: defaultRegion }, ...aliases.map((alias) => ({ alias, region: regionOf(alias) ?? defaultRegion }))];
}

/** A module without a provider block names its region in a variable (`aws_region`, `region`). */
function variableRegion(root: ModuleIndex): string | undefined {
  for (const name of ['aws_region', 'region']) {
    const variable = root.variables.get(name);
    if (!variable?.default) continue;
    const value = evaluate(variable.default, { module: root });
    if (typeof value === 'string') return value;
  }
  return undefined;
}
