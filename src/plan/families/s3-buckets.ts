/**
 * Private S3 buckets with the controls every bucket gets: public access blocked, owner-enforced
 * object ownership, encryption, TLS-only access, and a lifecycle. Used for ALB access logs and
 * for the static site.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, block, call, cond, dynamic, ref, tmpl, tuple } from '../../hcl/build.js';
import { ELB_ACCOUNT_REGIONS, ELB_LOG_DELIVERY_PRINCIPAL } from '../../aws/elb-log-delivery.js';
import type { BodyInput } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { S3_ACCESS_LOGGING, S3_CMK, S3_VERSIONING } from '../../security/index.js';

interface BucketOptions {
  /** Terraform name of the bucket resources. */
  readonly id: string;
  /** Bucket name suffix after `<prefix>-`; the account id is appended for global uniqueness. */
  readonly suffix: string;
  /** SSE-KMS with the stack key when true; SSE-S3 otherwise (ALB logs accept only SSE-S3). */
  readonly kms: boolean;
  readonly versioning: boolean;
  /** Days after which objects expire (logs), or undefined to keep them. */
  readonly expireDays?: number;
  /** Extra statements for the bucket policy (besides denying plain HTTP). */
  readonly policyStatements: readonly BodyInput[];
  /** Suppression comments on the bucket. */
  readonly exceptions: readonly string[];
  readonly family: 'load_balancer' | 'static_site';
}

/** S3 bucket names are at most 63 characters. */
const BUCKET_NAME_LIMIT = 63;

/** Creates the bucket and its controls; returns the bucket name expression. */
export function planPrivateBucket(ctx: PlanContext, options: BucketOptions): Expr {
  const bucket = `aws_s3_bucket.${options.id}`;
  const policy = ctx.data('aws_iam_policy_document', options.id, [
    block('statement', [], [
      attr('sid', 'DenyInsecureTransport'),
      attr('effect', 'Deny'),
      attr('actions', ['s3:*']),
      attr('resources', [ref(`${bucket}.arn`), tmpl`${ref(`${bucket}.arn`)}/*`]),
      block('principals', [], [attr('type', '*'), attr('identifiers', ['*'])]),
      block('condition', [], [attr('test', 'Bool'), attr('variable', 'aws:SecureTransport'), attr('values', ['false'])]),
    ]),
    ...options.policyStatements,
  ], options.family);
  ctx.add(
    options.family,
    [
      block('resource', ['aws_s3_bucket', options.id], [attr('bucket', ctx.limitedName(`bucket_${options.id}`, options.suffix, BUCKET_NAME_LIMIT, { accountSuffix: true })), ctx.tags()], options.exceptions.length > 0 ? [...options.exceptions] : undefined),
      block('resource', ['aws_s3_bucket_public_access_block', options.id], [
        attr('bucket', ref(`${bucket}.id`)),
        attr('block_public_acls', true),
        attr('block_public_policy', true),
        attr('ignore_public_acls', true),
        attr('restrict_public_buckets', true),
      ]),
      block('resource', ['aws_s3_bucket_ownership_controls', options.id], [attr('bucket', ref(`${bucket}.id`)), block('rule', [], [attr('object_ownership', 'BucketOwnerEnforced')])]),
      block('resource', ['aws_s3_bucket_server_side_encryption_configuration', options.id], [
        attr('bucket', ref(`${bucket}.id`)),
        block('rule', [], [
          block('apply_server_side_encryption_by_default', [], options.kms ? [attr('sse_algorithm', 'aws:kms'), attr('kms_master_key_id', ref('aws_kms_key.main.arn'))] : [attr('sse_algorithm', 'AES256')]),
          options.kms ? attr('bucket_key_enabled', true) : undefined,
        ]),
      ]),
      options.versioning ? block('resource', ['aws_s3_bucket_versioning', options.id], [attr('bucket', ref(`${bucket}.id`)), block('versioning_configuration', [], [attr('status', 'Enabled')])]) : undefined,
      block('resource', ['aws_s3_bucket_lifecycle_configuration', options.id], [
        attr('bucket', ref(`${bucket}.id`)),
        block('rule', [], [
          attr('id', options.expireDays !== undefined ? 'expire-logs' : 'clean-up'),
          attr('status', 'Enabled'),
          block('filter', [], []),
          block('abort_incomplete_multipart_upload', [], [attr('days_after_initiation', 7)]),
          options.expireDays !== undefined ? block('expiration', [], [attr('days', options.expireDays)]) : undefined,
          options.versioning ? block('noncurrent_version_expiration', [], [attr('noncurrent_days', 30)]) : undefined,
        ]),
      ]),
      block('resource', ['aws_s3_bucket_policy', options.id], [attr('bucket', ref(`${bucket}.id`)), attr('policy', ref(`${policy}.json`)), attr('depends_on', [ref(`aws_s3_bucket_public_access_block.${options.id}`)])]),
    ].filter((b) => b !== undefined),
  );
  return ref(`${bucket}.id`);
}

/** The bucket ALB access logs go to (ELB only writes with SSE-S3). */
export function planAccessLogBucket(ctx: PlanContext): Expr {
  const elb = ctx.data('aws_elb_service_account', 'main', [attr('count', cond(call('contains', tuple([...ELB_ACCOUNT_REGIONS], true), ref('var.aws_region')), 1, 0), [
    'Regions opened before August 2022 deliver access logs from an Elastic Load Balancing account;',
    'the others from the log delivery service (both are allowed below). The data source fails elsewhere.',
  ])], 'load_balancer');
  const logs = tmpl`${ref('aws_s3_bucket.alb_logs.arn')}/alb/*`;
  return planPrivateBucket(ctx, {
    id: 'alb_logs',
    suffix: 'alb-logs',
    kms: false,
    versioning: false,
    expireDays: 90,
    family: 'load_balancer',
    exceptions: [
      `ecsform:ignore ${S3_ACCESS_LOGGING} This bucket receives access logs; logging it into itself would loop.`,
      `ecsform:ignore ${S3_VERSIONING} Access logs are written once and expire; versions would only add cost.`,
      `ecsform:ignore ${S3_CMK} Elastic Load Balancing writes access logs only to buckets encrypted with SSE-S3.`,
    ],
    policyStatements: [
      dynamic('statement', ref(elb), [
        attr('sid', 'ElbAccountWritesAccessLogs'),
        attr('actions', ['s3:PutObject']),
        attr('resources', [logs]),
        block('principals', [], [attr('type', 'AWS'), attr('identifiers', [ref('statement.value.arn')])]),
      ]),
      block('statement', [], [
        attr('sid', 'LogDeliveryWritesAccessLogs'),
        attr('actions', ['s3:PutObject']),
        attr('resources', [logs]),
        block('principals', [], [attr('type', 'Service'), attr('identifiers', [ELB_LOG_DELIVERY_PRINCIPAL])]),
      ]),
    ],
  });
}
