/** What a cost estimate is made of: priced components per resource, and what was not estimated. */
import type { PriceStatus } from './prices.js';

/** The AWS service a charge belongs to, for the "what drives the cost" breakdown. */
export type CostService =
  | 'Fargate'
  | 'NAT Gateway'
  | 'Load balancing'
  | 'RDS'
  | 'Secrets Manager'
  | 'CloudWatch'
  | 'EFS'
  | 'ECR'
  | 'CloudFront'
  | 'S3'
  | 'Public IPv4'
  | 'Cloud Map'
  | 'Route 53'
  | 'KMS'
  | 'WAF';

/** `assumption` marks a rate we derived from an assumption (Fargate Spot), not a published price. */
export type ComponentStatus = PriceStatus | 'assumption';

/** One charge: quantity × unit price, per month. */
export interface CostComponent {
  readonly service: CostService;
  /** What is charged, e.g. `vCPU (x86, on-demand)`. */
  readonly name: string;
  /** Per month, summed over the resource's instances. */
  readonly quantity: number;
  readonly unit: string;
  readonly unitPrice: number;
  /** The price-file item, e.g. `fargate.linux.x86.vcpu_hour`. */
  readonly priceId: string;
  readonly status: ComponentStatus;
  readonly monthlyUsd: number;
  /** Usage-file keys the quantity depends on, e.g. `logs.ingested_gb_per_group`. */
  readonly assumptions: readonly string[];
  /** Why the unit price differs from the price file (Spot discount, Multi-AZ). */
  readonly adjustment?: string;
}

export interface ResourceCost {
  /** Without an instance key: `aws_cloudwatch_log_group.services`, `module.app.aws_lb.main`. */
  readonly address: string;
  readonly type: string;
  /** The root module (directory) the resource is planned from. */
  readonly root: string;
  readonly file: string;
  readonly line: number;
  readonly instances: number;
  /** Short facts the price rests on, e.g. `1 task of 0.25 vCPU, 0.5 GB (X86_64, on-demand)`. */
  readonly details: readonly string[];
  readonly components: readonly CostComponent[];
  readonly monthlyUsd: number;
}

export interface NotEstimated {
  readonly address: string;
  readonly type: string;
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface ServiceTotal {
  readonly service: CostService;
  readonly monthlyUsd: number;
}

export interface CostEstimate {
  readonly region: string;
  readonly currency: 'USD';
  /** The date of the price file. */
  readonly pricesAsOf: string;
  readonly hoursPerMonth: number;
  readonly totalMonthlyUsd: number;
  /** Most expensive first, then by address. */
  readonly resources: readonly ResourceCost[];
  /** Most expensive first. */
  readonly byService: readonly ServiceTotal[];
  /** Sorted by address. */
  readonly notEstimated: readonly NotEstimated[];
  readonly assumptions: ReadonlyArray<{ readonly key: string; readonly value: number; readonly defaultValue: number; readonly description: string }>;
  /** Caveats about the whole estimate (another region, files that did not parse...). */
  readonly warnings: readonly string[];
}
