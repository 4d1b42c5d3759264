/**
 * The task execution role (used by ECS to pull images, write logs and read secrets) and the task
 * role (used by the application), each with a policy scoped to this stack's own ARNs. Actions
 * AWS does not let us scope carry the reason in a suppression comment.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, binary, block, call, cond, dynamic, num, ref, str, tmpl, tuple, type BodyInput } from '../../hcl/build.js';
import { onlyWorksOnAnyResource } from '../../aws/iam-actions.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { IAM_MANAGED_POLICY, IAM_WILDCARD_RESOURCE } from '../../security/index.js';
import { regionName } from './shared.js';

export interface IamInputs {
  /** Repository ARNs: each one, or one list expression when the repositories are optional. */
  readonly repositoryArns: readonly Expr[] | Expr;
  readonly logGroupArns: readonly Expr[];
  readonly secretArns: readonly Expr[];
  readonly execLogGroupArn?: Expr;
  readonly efsFileSystemArn?: Expr;
  readonly efsAccessPointArns: readonly Expr[];
  /** Platform mode: tasks register themselves in this Cloud Map namespace. */
  readonly discoveryNamespaceArn?: Expr;
  readonly anyExec: boolean;
}

export interface IamRefs {
  readonly executionRoleArn: Expr;
  readonly taskRoleArn: Expr;
}

export function planIam(ctx: PlanContext, inputs: IamInputs): IamRefs {
  if (ctx.model.iam.existingRoles) {
    const arnCheck = (name: string) => [{ condition: call('can', call('regex', str('^arn:aws[a-z-]*:iam::[0-9]{12}:role/'), ref(`var.${name}`))), message: `${name} must be an IAM role ARN.` }];
    return {
      executionRoleArn: ctx.variable('ecs_execution_role_arn', { description: 'ARN of the existing ECS task execution role (pulls images, writes logs, reads the secrets).', type: types.string, validations: arnCheck('ecs_execution_role_arn') }),
      taskRoleArn: ctx.variable('ecs_task_role_arn', { description: 'ARN of the existing role the application runs as.', type: types.string, validations: arnCheck('ecs_task_role_arn') }),
    };
  }
  const account = ctx.data('aws_caller_identity', 'current');
  const assume = ctx.data('aws_iam_policy_document', 'ecs_tasks_assume', [
    block('statement', [], [
      attr('sid', 'EcsTasksAssumeRole'),
      attr('actions', ['sts:AssumeRole']),
      block('principals', [], [attr('type', 'Service'), attr('identifiers', ['ecs-tasks.amazonaws.com'])]),
      block('condition', [], [attr('test', 'StringEquals'), attr('variable', 'aws:SourceAccount'), attr('values', [ref(`${account}.account_id`)])]),
    ]),
  ], 'iam');

  const executionStatements: BodyInput[] = [
    statement('EcrAuthorizationToken', ['ecr:GetAuthorizationToken'], ['*']),
    pullImages(inputs.repositoryArns),
    inputs.logGroupArns.length > 0 ? statement('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], inputs.logGroupArns.map((arn) => tmpl`${arn}:*`)) : undefined,
    inputs.secretArns.length > 0 ? statement('ReadSecrets', ['secretsmanager:GetSecretValue'], inputs.secretArns) : undefined,
    ctx.model.encryption.customerKey ? statement('DecryptWithStackKey', ['kms:Decrypt'], [ref('aws_kms_key.main.arn')]) : undefined,
  ];
  const executionPolicy = ctx.data('aws_iam_policy_document', 'ecs_execution', executionStatements, 'iam');
  ctx.add(
    'iam',
    [
      block('resource', ['aws_iam_role', 'ecs_execution'], [attr('name', ctx.name('ecs-execution')), attr('assume_role_policy', ref(`${assume}.json`)), ctx.tags()]),
      block('resource', ['aws_iam_role_policy', 'ecs_execution'], [attr('name', 'task-execution'), attr('role', ref('aws_iam_role.ecs_execution.id')), attr('policy', ref(`${executionPolicy}.json`))], 'Scoped to this stack\'s repositories, log groups and secrets; ecr:GetAuthorizationToken has no resource-level permissions, so it is granted on "*".'),
      ctx.model.iam.managedExecutionPolicy
        ? block('resource', ['aws_iam_role_policy_attachment', 'ecs_execution_managed'], [attr('role', ref('aws_iam_role.ecs_execution.name')), attr('policy_arn', tmpl`arn:${ref(`${ctx.data('aws_partition', 'current')}.partition`)}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`)], [
            `ecsform:ignore ${IAM_MANAGED_POLICY} x-ecsform.iam.managed_execution_policy asks for the AWS-managed policy as well; its actions are the ones the scoped policy above grants.`,
          ])
        : undefined,
    ].filter((b): b is NonNullable<typeof b> => b !== undefined),
    'Task execution role: used by ECS to start tasks',
  );

  const taskStatements: BodyInput[] = [];
  const wildcards: string[] = [];
  if (inputs.anyExec) {
    // The ssmmessages actions only exist on "*"; the security rules know that and stay silent.
    taskStatements.push(statement('EcsExecSessions', ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'], ['*']));
    // The cluster encrypts ECS Exec sessions with the customer-managed key; the task's agent decrypts.
    if (ctx.model.encryption.customerKey) taskStatements.push(statement('EcsExecDecryptSessions', ['kms:Decrypt'], [ref('aws_kms_key.main.arn')]));
    if (inputs.execLogGroupArn) {
      taskStatements.push(statement('EcsExecFindLogGroup', ['logs:DescribeLogGroups'], ['*']));
      if (!onlyWorksOnAnyResource('logs:DescribeLogGroups')) wildcards.push('logs:DescribeLogGroups lists every group: ECS Exec looks its session log group up by name');
      taskStatements.push(statement('EcsExecWriteSessionLogs', ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], [tmpl`${inputs.execLogGroupArn}:*`]));
    }
  }
  if (inputs.efsFileSystemArn) {
    taskStatements.push(
      block('statement', [], [
        attr('sid', 'MountEfsAccessPoints'),
        attr('actions', ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']),
        attr('resources', [inputs.efsFileSystemArn]),
        inputs.efsAccessPointArns.length > 0 ? block('condition', [], [attr('test', 'StringEquals'), attr('variable', 'elasticfilesystem:AccessPointArn'), attr('values', tuple(inputs.efsAccessPointArns))]) : undefined,
      ]),
    );
    if (ctx.model.project.mode === 'platform') taskStatements.push(statement('DescribeEfsMountTargets', ['elasticfilesystem:DescribeMountTargets'], [inputs.efsFileSystemArn]));
  }
  if (ctx.model.project.mode === 'platform' && inputs.logGroupArns.length > 0) {
    taskStatements.push(statement('WriteContainerLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], inputs.logGroupArns.map((arn) => tmpl`${arn}:*`)));
  }
  if (inputs.discoveryNamespaceArn) {
    taskStatements.push(
      block('statement', [], [
        attr('sid', 'RegisterInCloudMap'),
        attr('actions', ['servicediscovery:DeregisterInstance', 'servicediscovery:RegisterInstance']),
        attr('resources', [tmpl`arn:${ref(`${ctx.data('aws_partition', 'current')}.partition`)}:servicediscovery:${regionName()}:${ref(`${account}.account_id`)}:service/*`]),
        block('condition', [], [attr('test', 'StringEquals'), attr('variable', 'servicediscovery:NamespaceArn'), attr('values', [inputs.discoveryNamespaceArn])]),
      ]),
    );
  }
  ctx.add('iam', block('resource', ['aws_iam_role', 'ecs_task'], [attr('name', ctx.name('ecs-task')), attr('assume_role_policy', ref(`${assume}.json`)), ctx.tags()]), 'Task role: what the application may do');
  if (taskStatements.length > 0) {
    const taskPolicy = ctx.data('aws_iam_policy_document', 'ecs_task', taskStatements, 'iam');
    ctx.add(
      'iam',
      block('resource', ['aws_iam_role_policy', 'ecs_task'], [attr('name', 'task-permissions'), attr('role', ref('aws_iam_role.ecs_task.id')), attr('policy', ref(`${taskPolicy}.json`))], wildcards.length > 0 ? [`ecsform:ignore ${IAM_WILDCARD_RESOURCE} ${wildcards.join('; ')}.`] : undefined),
    );
  }
  return { executionRoleArn: ref('aws_iam_role.ecs_execution.arn'), taskRoleArn: ref('aws_iam_role.ecs_task.arn') };
}

function pullImages(arns: readonly Expr[] | Expr) {
  const actions = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
  if (Array.isArray(arns)) return arns.length > 0 ? statement('PullImages', actions, arns as readonly Expr[]) : undefined;
  // An empty statement would be rejected: include it only when some repository exists.
  return dynamic('statement', cond(binary('>', call('length', arns as Expr), num(0)), [num(1)], []), [attr('sid', 'PullImages'), attr('actions', actions), attr('resources', arns as Expr)]);
}

function statement(sid: string, actions: readonly string[], resources: readonly (Expr | string)[]) {
  return block('statement', [], [attr('sid', sid), attr('actions', [...actions]), attr('resources', tuple(resources, resources.length > 2))]);
}
