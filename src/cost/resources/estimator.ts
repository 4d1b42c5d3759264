/** The contract every per-resource-type estimator follows, and the helper that prices a quantity. */
import type { InstanceContext, Unknown } from '../../terraform/index.js';
import type { Price, PriceBook, PriceId } from '../prices.js';
import type { CostComponent, CostService } from '../types.js';
import type { Usage } from '../usage.js';

export interface PricingContext extends InstanceContext {
  readonly prices: PriceBook;
  readonly usage: Usage;
}

/** The estimate of one resource instance. */
export interface InstanceEstimate {
  readonly components: readonly CostComponent[];
  readonly details?: readonly string[];
  /** Parts of the cost that could not be estimated, each with why (the rest still counts). */
  readonly notEstimated?: readonly string[];
}

/** Prices one instance, or says why it cannot. */
export type ResourceEstimator = (ctx: PricingContext) => InstanceEstimate | Unknown;

export interface ChargeSpec {
  readonly service: CostService;
  readonly name: string;
  readonly quantity: number;
  readonly assumptions?: readonly string[];
  /** Multiplies the listed price (e.g. 0.3 for a 70% Spot discount, 2 for Multi-AZ). */
  readonly factor?: { readonly value: number; readonly why: string; readonly isAssumption: boolean };
}

export function charge(prices: PriceBook, id: PriceId, spec: ChargeSpec): CostComponent {
  return chargeAt(prices.items[id], id, spec);
}

/** A charge at an explicit price (RDS instance classes live outside `items`). */
export function chargeAt(price: Price, priceId: string, spec: ChargeSpec): CostComponent {
  const unitPrice = price.price * (spec.factor?.value ?? 1);
  return {
    service: spec.service,
    name: spec.name,
    quantity: spec.quantity,
    unit: price.unit,
    unitPrice,
    priceId,
    status: spec.factor?.isAssumption ? 'assumption' : price.status,
    monthlyUsd: spec.quantity * unitPrice,
    assumptions: spec.assumptions ?? [],
    ...(spec.factor ? { adjustment: spec.factor.why } : {}),
  };
}

export function hours(ctx: PricingContext): number {
  return ctx.usage.hours_per_month;
}
