/**
 * Target-tracking autoscaling on CPU, memory and ALB requests per task; and CloudWatch alarms on
 * CPU, memory, running tasks and 5xx responses, notifying an SNS topic.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, binary, block, cond, num, ref, str, tmpl, type BodyInput } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import type { ClusterRefs } from './cluster.js';
import { countFor, counted, isOn, type ServiceKnobs } from './knobs.js';
import type { LoadBalancerRefs } from './load-balancer.js';

export function planScaling(ctx: PlanContext, cluster: ClusterRefs, lb: LoadBalancerRefs, knobs: ReadonlyMap<string, ServiceKnobs>): void {
  for (const service of ctx.model.services) {
    const k = knobs.get(service.name)!;
    if (!isOn(k.autoscaling)) continue;
    const count = countFor(k.autoscaling);
    const target = `aws_appautoscaling_target.${service.id}`;
    const policy = (suffix: string, metric: string, value: Expr, label?: Expr) =>
      block('resource', ['aws_appautoscaling_policy', `${service.id}_${suffix}`], [
        count ? attr('count', count) : undefined,
        attr('name', ctx.name(`${service.awsName}-${suffix}`)),
        attr('policy_type', 'TargetTrackingScaling'),
        attr('resource_id', counted(target, k.autoscaling, 'resource_id')),
        attr('scalable_dimension', counted(target, k.autoscaling, 'scalable_dimension')),
        attr('service_namespace', counted(target, k.autoscaling, 'service_namespace')),
        block('target_tracking_scaling_policy_configuration', [], [
          block('predefined_metric_specification', [], [attr('predefined_metric_type', metric), label ? attr('resource_label', label) : undefined]),
          attr('target_value', value),
          attr('scale_in_cooldown', service.autoscaling?.scaleInCooldownSeconds ?? 300),
          attr('scale_out_cooldown', service.autoscaling?.scaleOutCooldownSeconds ?? 60),
        ]),
      ]);
    const blocks = [
      block('resource', ['aws_appautoscaling_target', service.id], [
        count ? attr('count', count) : undefined,
        attr('service_namespace', 'ecs'),
        attr('scalable_dimension', 'ecs:service:DesiredCount'),
        attr('resource_id', tmpl`service/${cluster.clusterName}/${ref(`aws_ecs_service.${service.id}.name`)}`),
        attr('min_capacity', k.minCapacity),
        attr('max_capacity', k.maxCapacity),
        ctx.tags(),
      ]),
      k.cpuTarget ? policy('cpu', 'ECSServiceAverageCPUUtilization', k.cpuTarget) : undefined,
      k.memoryTarget ? policy('memory', 'ECSServiceAverageMemoryUtilization', k.memoryTarget) : undefined,
      k.requestsTarget && lb.albArnSuffix && lb.targetGroupArnSuffixOf(service)
        ? policy('requests', 'ALBRequestCountPerTarget', k.requestsTarget, tmpl`${lb.albArnSuffix}/${lb.targetGroupArnSuffixOf(service)!}`)
        : undefined,
    ].filter((b): b is NonNullable<typeof b> => b !== undefined);
    ctx.add('scaling', blocks, `Autoscaling: ${service.name}`);
  }
}

export function planAlarms(ctx: PlanContext, cluster: ClusterRefs, lb: LoadBalancerRefs, knobs: ReadonlyMap<string, ServiceKnobs>): Expr | undefined {
  const alarmed = ctx.model.services.filter((s) => isOn(knobs.get(s.name)!.alarms));
  if (alarmed.length === 0) return undefined;
  const settings = ctx.model.alarms;
  const topic = ctx.isModule ? moduleTopic(ctx) : settings.topicArn ? ctx.variable('alarm_topic_arn', { description: 'SNS topic the alarms notify.', type: types.string, default: settings.topicArn }) : planTopic(ctx);
  const cpu = ctx.variable('alarm_cpu_threshold', { description: 'Average CPU utilisation (%) that raises an alarm.', type: types.number, default: settings.cpuThreshold });
  const memory = ctx.variable('alarm_memory_threshold', { description: 'Average memory utilisation (%) that raises an alarm.', type: types.number, default: settings.memoryThreshold });
  for (const service of alarmed) {
    const k = knobs.get(service.name)!;
    const count = countFor(k.alarms);
    const dimensions = { ClusterName: cluster.clusterName, ServiceName: ref(`aws_ecs_service.${service.id}.name`) };
    const alarm = (suffix: string, body: BodyInput[], description: string) =>
      block('resource', ['aws_cloudwatch_metric_alarm', `${service.id}_${suffix}`], [
        count ? attr('count', count) : undefined,
        attr('alarm_name', ctx.name(`${service.awsName}-${suffix}`)),
        attr('alarm_description', str(description)),
        ...body,
        attr('alarm_actions', [topic]),
        attr('ok_actions', [topic]),
        ctx.tags(),
      ]);
    const tgSuffix = lb.targetGroupArnSuffixOf(service);
    ctx.add(
      'alarms',
      [
        alarm('cpu-high', metric('AWS/ECS', 'CPUUtilization', 'Average', 'GreaterThanThreshold', cpu, dimensions), `${service.name}: average CPU above the threshold for 10 minutes.`),
        alarm('memory-high', metric('AWS/ECS', 'MemoryUtilization', 'Average', 'GreaterThanThreshold', memory, dimensions), `${service.name}: average memory above the threshold for 10 minutes.`),
        alarm('tasks-below-desired', metric('ECS/ContainerInsights', 'RunningTaskCount', 'Minimum', 'LessThanThreshold', k.runningFloor, dimensions, 'breaching'), `${service.name}: fewer tasks running than it needs.`),
        ...(tgSuffix && lb.albArnSuffix
          ? [alarm('target-5xx', metric('AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', 'Sum', 'GreaterThanThreshold', 5, { TargetGroup: tgSuffix, LoadBalancer: lb.albArnSuffix }), `${service.name}: more than 5 responses with a 5xx status in 5 minutes.`)]
          : []),
      ],
      `Alarms: ${service.name}`,
    );
  }
  return topic;
}

function metric(namespace: string, name: string, statistic: string, comparison: string, threshold: Expr | number, dimensions: Record<string, Expr>, missing = 'notBreaching'): BodyInput[] {
  return [
    attr('namespace', namespace),
    attr('metric_name', name),
    attr('statistic', statistic),
    attr('period', 300),
    attr('evaluation_periods', 2),
    attr('comparison_operator', comparison),
    attr('threshold', threshold),
    attr('treat_missing_data', missing),
    attr('dimensions', dimensions),
  ];
}

/** In a module: notify the caller's topic if given, else a topic of the module's own. */
function moduleTopic(ctx: PlanContext): Expr {
  const given = ctx.variable('alarm_sns_topic_arn', { description: 'SNS topic the alarms notify; empty creates one.', type: types.string, default: ctx.model.alarms.topicArn ?? '' });
  ctx.add(
    'alarms',
    block('resource', ['aws_sns_topic', 'alarms'], [
      attr('count', cond(binary('==', given, str('')), num(1), num(0))),
      attr('name', ctx.name('alarms')),
      topicEncryption(ctx),
      ctx.tags(),
    ], topicComments(ctx)),
    'Alarm notifications',
  );
  return ctx.local('alarm_topic_arn', cond(binary('==', given, str('')), ref('aws_sns_topic.alarms[0].arn'), given));
}

function planTopic(ctx: PlanContext): Expr {
  ctx.add(
    'alarms',
    block('resource', ['aws_sns_topic', 'alarms'], [attr('name', ctx.name('alarms')), topicEncryption(ctx), ctx.tags()], topicComments(ctx)),
    'Alarm notifications',
  );
  return ref('aws_sns_topic.alarms.arn');
}



/**
 * CloudWatch alarms can only publish to a topic encrypted with a key whose policy lets them, and
 * the policy of the AWS-managed key aws/sns cannot be changed: without the customer-managed key
 * the topic is left unencrypted (its messages are alarm states, not data).
 */
function topicEncryption(ctx: PlanContext) {
  return ctx.model.encryption.customerKey ? attr('kms_master_key_id', ref('aws_kms_key.main.arn')) : undefined;
}

function topicComments(ctx: PlanContext): string[] {
  return [
    'Subscribe people or a chat integration to this topic.',
    ...(ctx.model.encryption.customerKey
      ? []
      : ['Not encrypted: CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed key aws/sns; set x-ecsform.kms: true to encrypt it with a customer-managed key.']),
  ];
}
