/**
 * The price book: one dated file per region (`data/prices-us-east-1.json`), every price with its
 * unit, source and how sure we are of it (copied from the reference). Validated with zod at the
 * JSON boundary, so a missing or misspelt item fails loudly instead of pricing something at $0.
 */
import { z } from 'zod';

export const PRICE_STATUSES = ['confirmed', 'confirmed-secondary', 'probable', 'third-party', 'unconfirmed'] as const;
export type PriceStatus = (typeof PRICE_STATUSES)[number];

/** The items every estimator may ask for; the file must define each one. */
export const PRICE_IDS = [
  'fargate.linux.x86.vcpu_hour',
  'fargate.linux.x86.gb_hour',
  'fargate.linux.arm.vcpu_hour',
  'fargate.linux.arm.gb_hour',
  'fargate.ephemeral_storage.gb_hour',
  'nat_gateway.hour',
  'nat_gateway.data_gb',
  'alb.hour',
  'alb.lcu_hour',
  'nlb.hour',
  'nlb.nlcu_hour',
  'rds.gp3.gb_month',
  'secrets_manager.secret_month',
  'secrets_manager.api_10k',
  'cloudwatch_logs.ingested_gb',
  'cloudwatch_logs.stored_gb_month',
  'cloudwatch.alarm_metric_month',
  'cloudwatch.high_resolution_alarm_metric_month',
  'efs.standard.gb_month',
  'efs.one_zone.gb_month',
  'ecr.storage_gb_month',
  'cloudfront.data_out_gb',
  'cloudfront.https_10k',
  'public_ipv4.hour',
  'cloud_map.instance_month',
  'route53.hosted_zone_month',
  'kms.key_month',
  'kms.requests_10k',
  's3.standard.gb_month',
  'waf.web_acl_month',
  'waf.rule_month',
  'waf.requests_million',
] as const;
export type PriceId = (typeof PRICE_IDS)[number];

const priceSchema = z.strictObject({
  price: z.number().nonnegative(),
  unit: z.string().min(1),
  /** What the unit covers, when the unit alone does not say. */
  note: z.string().optional(),
  status: z.enum(PRICE_STATUSES),
  source: z.string().min(1),
});

export type Price = z.output<typeof priceSchema>;

const itemsSchema = z.strictObject(Object.fromEntries(PRICE_IDS.map((id) => [id, priceSchema])) as Record<PriceId, typeof priceSchema>);

export const priceBookSchema = z.strictObject({
  format: z.literal(1),
  region: z.string().min(1),
  currency: z.literal('USD'),
  /** The day the prices were last checked against their sources. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hoursPerMonth: z.number().positive(),
  reference: z.string(),
  items: itemsSchema,
  /** `engine/instance class`, e.g. `postgres/db.t4g.micro`: Single-AZ hourly price. */
  rdsInstanceHours: z.record(z.string().regex(/^[a-z-]+\/db\.[a-z0-9]+\.[a-z0-9]+$/), priceSchema),
});

export type PriceBook = z.output<typeof priceBookSchema>;

/**
 * The data file, relative to this module once compiled (dist/src/cost/ → package root). Not a
 * string literal in the import, so tsc neither type-checks the JSON nor copies it into dist/.
 */
const US_EAST_1 = new URL('../../../data/prices-us-east-1.json', import.meta.url);

let loading: Promise<PriceBook> | undefined;

/** The us-east-1 price book, read once. */
export function loadPriceBook(): Promise<PriceBook> {
  loading ??= import(US_EAST_1.href, { with: { type: 'json' } }).then((module: { default: unknown }) => priceBookSchema.parse(module.default));
  return loading;
}
