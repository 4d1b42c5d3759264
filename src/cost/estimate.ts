/**
 * `estimateCost(modules, usage)`: the monthly cost of any Terraform configuration the verifier
 * parsed, resource by resource, from the price file and the usage assumptions. Anything whose
 * quantity or price is unknown is listed as not estimated, with the reason.
 */
import { buildStack, evaluate, findAttribute, isUnknown, type ModuleIndex, type Stack, type StackResource } from '../terraform/index.js';
import { loadPriceBook, type PriceBook } from './prices.js';
import { ESTIMATORS, isFreeType, UNPRICED_REASONS } from './resources/index.js';
import type { CostComponent, CostEstimate, CostService, NotEstimated, ResourceCost } from './types.js';
import { DEFAULT_USAGE, describeUsage, type Usage } from './usage.js';

export async function estimateCost(modules: readonly ModuleIndex[], usage: Usage = DEFAULT_USAGE): Promise<CostEstimate> {
  return estimateWithPrices(modules, usage, await loadPriceBook());
}

export function estimateWithPrices(modules: readonly ModuleIndex[], usage: Usage, prices: PriceBook): CostEstimate {
  const stack = buildStack(modules);
  const resources: ResourceCost[] = [];
  const notEstimated: NotEstimated[] = [];
  for (const resource of stack.resources) {
    if (resource.decl.mode !== 'managed') continue;
    const priced = priceResource(stack, resource, usage, prices);
    if (priced.cost) resources.push(priced.cost);
    notEstimated.push(...priced.notEstimated);
  }
  for (const call of stack.opaqueCalls) {
    notEstimated.push({ address: call.address, type: 'module', file: call.site.file, line: call.site.line, reason: `Its resources are not estimated: ${call.reason}.` });
  }
  resources.sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.address.localeCompare(b.address));
  notEstimated.sort((a, b) => a.address.localeCompare(b.address) || a.reason.localeCompare(b.reason));
  return {
    region: prices.region,
    currency: prices.currency,
    pricesAsOf: prices.asOf,
    hoursPerMonth: usage.hours_per_month,
    totalMonthlyUsd: resources.reduce((sum, r) => sum + r.monthlyUsd, 0),
    resources,
    byService: totalsByService(resources),
    notEstimated,
    assumptions: describeUsage(usage),
    warnings: warningsFor(stack, prices),
  };
}

function priceResource(stack: Stack, resource: StackResource, usage: Usage, prices: PriceBook): { cost?: ResourceCost; notEstimated: NotEstimated[] } {
  const { decl, site } = resource;
  const skipped = (address: string, reason: string): NotEstimated => ({ address, type: decl.type, file: site.file, line: site.line, reason: sentence(reason) });
  const estimator = ESTIMATORS.get(decl.type);
  if (!estimator) {
    if (isFreeType(decl.type)) return { notEstimated: [] };
    return { notEstimated: [skipped(resource.address, UNPRICED_REASONS.get(decl.type) ?? `no price for ${decl.type} in the price file`)] };
  }
  const instances = resource.instances;
  if (isUnknown(instances)) return { notEstimated: [skipped(resource.address, instances.why)] };

  const components = new Map<string, CostComponent>();
  const details = new Set<string>();
  const unestimated = new Map<string, Set<string>>();
  let priced = 0;
  for (const instance of instances) {
    const result = estimator({ stack, resource, instance, prices, usage });
    if (isUnknown(result)) {
      addTo(unestimated, result.why, instance.address);
      continue;
    }
    priced++;
    for (const component of result.components) mergeComponent(components, component);
    for (const detail of result.details ?? []) details.add(detail);
    for (const part of result.notEstimated ?? []) addTo(unestimated, part, resource.address);
  }
  const notEstimated = [...unestimated].map(([reason, addresses]) =>
    skipped(addresses.size === instances.length || addresses.has(resource.address) ? resource.address : [...addresses].join(', '), reason),
  );
  if (components.size === 0) return { notEstimated };
  const list = [...components.values()];
  return {
    cost: {
      address: resource.address,
      type: decl.type,
      root: resource.owner.root,
      file: site.file,
      line: site.line,
      instances: priced,
      details: [...details],
      components: list,
      monthlyUsd: list.reduce((sum, c) => sum + c.monthlyUsd, 0),
    },
    notEstimated,
  };
}

/** Instances with the same charge add up into one component. */
function mergeComponent(into: Map<string, CostComponent>, component: CostComponent): void {
  const key = [component.service, component.name, component.priceId, component.unitPrice].join('|');
  const existing = into.get(key);
  into.set(key, existing ? { ...existing, quantity: existing.quantity + component.quantity, monthlyUsd: existing.monthlyUsd + component.monthlyUsd } : component);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function totalsByService(resources: readonly ResourceCost[]): { service: CostService; monthlyUsd: number }[] {
  const totals = new Map<CostService, number>();
  for (const resource of resources) for (const c of resource.components) totals.set(c.service, (totals.get(c.service) ?? 0) + c.monthlyUsd);
  return [...totals].map(([service, monthlyUsd]) => ({ service, monthlyUsd })).sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.service.localeCompare(b.service));
}

function warningsFor(stack: Stack, prices: PriceBook): string[] {
  const warnings: string[] = [];
  for (const dir of stack.incompleteModules) warnings.push(`Some .tf files in ${dir} did not parse: resources declared there are missing from the estimate.`);
  for (const module of stack.modules) {
    if (module.prefix !== '') continue;
    for (const provider of module.module.providerConfigs) {
      const region = provider.name === 'aws' ? findAttribute(provider.block.body, 'region') : undefined;
      const value = region ? evaluate(region.expr, module.scope) : undefined;
      if (typeof value === 'string' && value !== prices.region) {
        warnings.push(`${provider.address} in ${module.module.dir} deploys to ${value}, but the prices are for ${prices.region}: expect differences.`);
      }
    }
  }
  return warnings;
}

/** A reason as a sentence: capitalised unless it starts with an identifier (`launch_type`, `var.x`). */
function sentence(text: string): string {
  const trimmed = text.trim();
  const firstWord = trimmed.split(/\s/)[0] ?? '';
  const capital = /^[a-z]+$/.test(firstWord) ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
