/**
 * Usage assumptions: what a Terraform file cannot say (how many GB of logs a service writes, how
 * much traffic crosses a NAT gateway...). Every one has a documented default and can be set in a
 * usage file (see `usage-file.ts` and docs/cost.md). Keys are snake_case like x-ecsform.
 */
import { z } from 'zod';

const amount = (fallback: number, description: string) => z.number().nonnegative().default(fallback).describe(description);

export const usageSchema = z.strictObject({
  hours_per_month: z.number().positive().max(744).default(730).describe('Hours in a month: 730 is the average (8,760 / 12).'),
  fargate: z
    .strictObject({
      spot_discount: z
        .number()
        .min(0)
        .max(1)
        .default(0.7)
        .describe('Fargate Spot discount off the on-demand rate, 0 to 1. AWS says "up to 70%" and the actual rate changes over time: an assumption.'),
    })
    .prefault({}),
  logs: z
    .strictObject({
      ingested_gb_per_group: amount(1, 'GB written to each CloudWatch log group per month.'),
      stored_months_without_retention: amount(12, 'Months of logs kept by a group that never expires them (no retention_in_days).'),
    })
    .prefault({}),
  nat_gateway: z.strictObject({ data_processed_gb_per_gateway: amount(20, 'GB processed by each NAT gateway per month (image pulls, outbound API calls).') }).prefault({}),
  load_balancer: z
    .strictObject({
      alb_lcus: amount(1, 'Average load balancer capacity units (LCU) each ALB uses.'),
      nlb_nlcus: amount(1, 'Average network load balancer capacity units (NLCU) each NLB uses.'),
    })
    .prefault({}),
  cloudfront: z
    .strictObject({
      data_out_gb_per_distribution: amount(10, 'GB each CloudFront distribution serves per month.'),
      requests_per_distribution: amount(1_000_000, 'Requests each CloudFront distribution serves per month.'),
    })
    .prefault({}),
  efs: z.strictObject({ storage_gb_per_file_system: amount(5, 'GB stored in each EFS file system.') }).prefault({}),
  ecr: z.strictObject({ storage_gb_per_repository: amount(1, 'GB of images stored in each ECR repository.') }).prefault({}),
  s3: z.strictObject({ storage_gb_per_bucket: amount(1, 'GB stored in each S3 bucket (Standard class).') }).prefault({}),
  secrets_manager: z.strictObject({ api_calls_per_secret: amount(10_000, 'API calls per secret per month (ECS reads secrets at each task start).') }).prefault({}),
  kms: z.strictObject({ requests_per_key: amount(10_000, 'Requests per customer-managed KMS key per month.') }).prefault({}),
  waf: z.strictObject({ requests_per_web_acl: amount(1_000_000, 'Requests each WAF web ACL inspects per month.') }).prefault({}),
});

export type Usage = z.output<typeof usageSchema>;
/** What a usage file may contain: every key optional. */
export type UsageInput = z.input<typeof usageSchema>;

export const DEFAULT_USAGE: Usage = usageSchema.parse({});

export interface UsageAssumption {
  /** Dotted usage-file key, e.g. `logs.ingested_gb_per_group`. */
  readonly key: string;
  readonly value: number;
  readonly defaultValue: number;
  readonly description: string;
}

/** Every assumption with its value and default, in schema order, for reports and docs. */
export function describeUsage(usage: Usage): UsageAssumption[] {
  const out: UsageAssumption[] = [];
  const walk = (shape: Record<string, z.ZodType>, value: Record<string, unknown>, fallback: Record<string, unknown>, prefix: string): void => {
    for (const [name, schema] of Object.entries(shape)) {
      const inner = innerObjectShape(schema);
      if (inner) {
        walk(inner, value[name] as Record<string, unknown>, fallback[name] as Record<string, unknown>, `${prefix}${name}.`);
      } else {
        out.push({ key: `${prefix}${name}`, value: value[name] as number, defaultValue: fallback[name] as number, description: schema.description ?? '' });
      }
    }
  };
  walk(usageSchema.shape, usage as unknown as Record<string, unknown>, DEFAULT_USAGE as unknown as Record<string, unknown>, '');
  return out;
}

/** The shape of an object schema, looking through `.prefault()`/`.default()`; undefined for leaves. */
export function innerObjectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: z.ZodType = schema;
  for (;;) {
    const def = current._zod.def as unknown as { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
    if (def.type === 'object') return def.shape;
    if ((def.type === 'prefault' || def.type === 'default' || def.type === 'optional') && def.innerType) current = def.innerType;
    else return undefined;
  }
}
