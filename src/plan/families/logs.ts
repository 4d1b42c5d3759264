/**
 * CloudWatch log groups: one per service (`/ecs/<prefix>/<service>`), or one shared group when
 * x-ecsform.logs.group_name asks for it, plus one for ECS Exec sessions.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, block, call, index, ref, str, tmpl, tuple } from '../../hcl/build.js';
import type { Service } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { isOn, type ServiceKnobs } from './knobs.js';
import { kmsKeyAttr, logRetention } from './shared.js';
import { LOGS_CMK } from '../../security/index.js';

export interface LogRefs {
  /** Log group name for a service's containers. */
  readonly groupOf: (service: Service) => Expr;
  /** ARNs of every log group tasks write to, for the execution role. */
  readonly arns: readonly Expr[];
  /** Name of the ECS Exec session log group, when any service allows ECS Exec. */
  readonly execGroup?: Expr;
  readonly execGroupArn?: Expr;
}

export function planLogs(ctx: PlanContext, knobs: ReadonlyMap<string, ServiceKnobs>): LogRefs {
  const { services, logs } = ctx.model;
  const retention = logRetention(ctx);
  const cmkComment = ctx.model.encryption.customerKey ? undefined : [`ecsform:ignore ${LOGS_CMK} Log events are encrypted with a CloudWatch Logs-managed key; set x-ecsform.kms: true for a customer-managed key.`];
  const arns: Expr[] = [];
  let groupOf: (service: Service) => Expr;

  if (logs.sharedGroupName !== undefined || ctx.model.project.mode === 'platform') {
    const name = ctx.variable('log_group_name', {
      description: 'Name of the CloudWatch log group every container writes to.',
      type: types.string,
      default: logs.sharedGroupName ?? tmpl`/ecs/${ctx.model.project.name}`,
      validations: [{ condition: call('can', call('regex', str('^[\\.\\-_/#A-Za-z0-9]{1,512}$'), ref('var.log_group_name'))), message: 'log_group_name may only contain letters, digits and . - _ / #.' }],
    });
    ctx.add('logs', block('resource', ['aws_cloudwatch_log_group', 'containers'], [attr('name', name), attr('retention_in_days', retention), ...kmsKeyAttr(ctx), ctx.tags()], cmkComment), 'Container logs');
    groupOf = () => ref('aws_cloudwatch_log_group.containers.name');
    arns.push(ref('aws_cloudwatch_log_group.containers.arn'));
  } else if (services.length > 0) {
    const names = services.map((s) => str(s.awsName));
    ctx.add(
      'logs',
      block('resource', ['aws_cloudwatch_log_group', 'services'], [
        attr('for_each', call('toset', tuple(names, names.length > 3))),
        attr('name', tmpl`/ecs/${ref('local.name_prefix')}/${ref('each.key')}`),
        attr('retention_in_days', retention),
        ...kmsKeyAttr(ctx),
        ctx.tags(),
      ], cmkComment),
      'Container logs, one group per service',
    );
    groupOf = (service) => index('aws_cloudwatch_log_group.services', str(service.awsName), 'name');
    arns.push(...services.map((s) => index('aws_cloudwatch_log_group.services', str(s.awsName), 'arn')));
  } else {
    groupOf = () => str('');
  }

  const anyExec = services.some((s) => isOn(knobs.get(s.name)!.exec));
  if (!anyExec) return { groupOf, arns };
  ctx.add('logs', block('resource', ['aws_cloudwatch_log_group', 'exec'], [attr('name', tmpl`/ecs/${ref('local.name_prefix')}/exec`), attr('retention_in_days', retention), ...kmsKeyAttr(ctx), ctx.tags()], cmkComment), 'ECS Exec session logs');
  return { groupOf, arns, execGroup: ref('aws_cloudwatch_log_group.exec.name'), execGroupArn: ref('aws_cloudwatch_log_group.exec.arn') };
}
