/**
 * Variables and references several families share, declared in one place so that the first
 * family to need one declares it the same way as every other.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, call, ref, tmpl } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { LOG_RETENTION_DAYS } from '../../aws/log-retention.js';

/** Retention values CloudWatch Logs accepts. */

export function logRetention(ctx: PlanContext): Expr {
  return ctx.variable('log_retention_days', {
    description: 'Days CloudWatch Logs keeps log events.',
    type: types.number,
    default: ctx.model.logs.retentionDays,
    validations: [{ condition: call('contains', [...LOG_RETENTION_DAYS], ref('var.log_retention_days')), message: `log_retention_days must be one of the values CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}.` }],
  });
}

/** `kms_key_id` for resources encrypted with the customer key, when there is one. */
export function kmsKeyAttr(ctx: PlanContext, name = 'kms_key_id') {
  return ctx.model.encryption.customerKey ? [attr(name, ref('aws_kms_key.main.arn'))] : [];
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` built from data sources. */
export function arnOf(ctx: PlanContext, service: string, resource: Expr | string): Expr {
  const partition = ctx.data('aws_partition', 'current');
  const account = ctx.data('aws_caller_identity', 'current');
  return tmpl`arn:${ref(`${partition}.partition`)}:${service}:${regionName()}:${ref(`${account}.account_id`)}:${resource}`;
}

/**
 * The region of the stack: `var.aws_region`, which configures the provider of a root module and
 * is checked against the caller's provider in a reusable one. (`data.aws_region` names its region
 * differently in provider 5.x and 6.x.)
 */
export function regionName(): Expr {
  return ref('var.aws_region');
}
