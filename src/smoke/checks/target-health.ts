/**
 * Every target the load balancer routes to is healthy. Draining targets (the previous tasks on
 * their way out) are left out; a group with no healthy target is not passing yet.
 */
import { DescribeTargetHealthCommand, type ElasticLoadBalancingV2Client, type TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import { callAws, type AwsCallPolicy } from '../aws-call.js';
import { fail, pass, pending, type CheckResult } from '../check-result.js';
import type { TargetGroupTarget } from '../targets.js';

export async function checkTargetGroups(elb: ElasticLoadBalancingV2Client, groups: readonly TargetGroupTarget[], policy: AwsCallPolicy): Promise<CheckResult[]> {
  return Promise.all(groups.map((group) => checkTargetGroup(elb, group, policy)));
}

async function checkTargetGroup(elb: ElasticLoadBalancingV2Client, group: TargetGroupTarget, policy: AwsCallPolicy): Promise<CheckResult> {
  const subject = group.service ?? targetGroupName(group.arn);
  const outcome = await callAws((abortSignal) => elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.arn }), { abortSignal }), policy);
  if (!outcome.ok) {
    const detail = `DescribeTargetHealth ${targetGroupName(group.arn)}: ${outcome.message}`;
    return outcome.kind === 'denied' || outcome.kind === 'not-found' ? fail(subject, 'targets', detail) : pending(subject, 'targets', detail);
  }
  const targets = (outcome.value.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State !== 'draining');
  const healthy = targets.filter((t) => t.TargetHealth?.State === 'healthy');
  const others = targets.filter((t) => t.TargetHealth?.State !== 'healthy');
  const name = targetGroupName(group.arn);
  if (targets.length === 0) return pending(subject, 'targets', `${name}: no registered targets yet`);
  if (others.length > 0) return pending(subject, 'targets', `${name}: ${healthy.length}/${targets.length} healthy; ${others.map(describeTarget).join('; ')}`);
  return pass(subject, 'targets', `${name}: ${healthy.length}/${targets.length} healthy`);
}

/** `10.0.3.7:8080 unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [502])` */
function describeTarget(target: TargetHealthDescription): string {
  const where = `${target.Target?.Id ?? '?'}${target.Target?.Port ? `:${target.Target.Port}` : ''}`;
  const health = target.TargetHealth;
  const why = [health?.Reason, health?.Description].filter((p): p is string => Boolean(p)).join(': ');
  return `${where} ${health?.State ?? 'unknown'}${why ? ` (${why})` : ''}`;
}

/** `arn:...:targetgroup/iot-dev-api/0123456789abcdef` → `iot-dev-api`. */
function targetGroupName(arn: string): string {
  return /targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn;
}
