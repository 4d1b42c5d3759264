/**
 * Each ECS service is ACTIVE, its PRIMARY deployment runs the task definition this apply
 * registered and has COMPLETED its rollout, and as many tasks run as are wanted. A FAILED
 * rollout, or a PRIMARY deployment on another task definition (the circuit breaker rolled back),
 * fails at once: waiting cannot fix either.
 */
import { DescribeServicesCommand, type Deployment, type DescribeServicesCommandOutput, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { callAws, type AwsCallPolicy } from '../aws-call.js';
import { fail, pass, pending, type CheckResult } from '../check-result.js';
import type { ServiceTarget } from '../targets.js';

/** DescribeServices takes at most 10 services per call. */
const SERVICES_PER_CALL = 10;

export async function checkServices(ecs: ECSClient, cluster: string, services: readonly ServiceTarget[], policy: AwsCallPolicy): Promise<CheckResult[]> {
  const chunks: ServiceTarget[][] = [];
  for (let i = 0; i < services.length; i += SERVICES_PER_CALL) chunks.push(services.slice(i, i + SERVICES_PER_CALL));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const outcome = await callAws((abortSignal) => ecs.send(new DescribeServicesCommand({ cluster, services: chunk.map((s) => s.name) }), { abortSignal }), policy);
      if (!outcome.ok) {
        const detail = `DescribeServices: ${outcome.message}`;
        return chunk.map((s) => (outcome.kind === 'denied' || outcome.kind === 'not-found' ? fail(s.name, 'service', detail) : pending(s.name, 'service', detail)));
      }
      return chunk.map((s) => judge(s, cluster, outcome.value));
    }),
  );
  return results.flat();
}

function judge(target: ServiceTarget, cluster: string, response: DescribeServicesCommandOutput): CheckResult {
  const name = target.name;
  const service = response.services?.find((s) => s.serviceName === name || s.serviceArn === name);
  if (!service) {
    const reason = response.failures?.find((f) => f.arn?.endsWith(`/${name}`) || f.arn === name)?.reason;
    return fail(name, 'service', `not found in cluster ${cluster}${reason ? ` (${reason})` : ''}`);
  }
  if (service.status !== 'ACTIVE') return fail(name, 'service', `service is ${service.status ?? 'in an unknown state'}, not ACTIVE`);
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  if (!primary) return pending(name, 'service', 'no PRIMARY deployment yet');
  if (target.taskDefinition && primary.taskDefinition && primary.taskDefinition !== target.taskDefinition) {
    return fail(name, 'service', `ECS rolled back: the PRIMARY deployment runs ${shortArn(primary.taskDefinition)}, not ${shortArn(target.taskDefinition)}${latestEvent(service)}`);
  }
  if (primary.rolloutState === 'FAILED') return fail(name, 'service', `deployment FAILED: ${primary.rolloutStateReason ?? 'no reason given'}${latestEvent(service)}`);
  const counts = `${primary.runningCount ?? 0}/${primary.desiredCount ?? 0} tasks running`;
  if (primary.rolloutState !== undefined && primary.rolloutState !== 'COMPLETED') return pending(name, 'service', `deployment ${primary.rolloutState}, ${counts}${pendingTasks(primary)}`);
  const others = (service.deployments ?? []).filter((d) => d !== primary).length;
  if (others > 0) return pending(name, 'service', `${others} older deployment(s) still draining, ${counts}`);
  if ((service.runningCount ?? 0) !== (service.desiredCount ?? 0)) return pending(name, 'service', `${service.runningCount ?? 0}/${service.desiredCount ?? 0} tasks running`);
  return pass(name, 'service', `COMPLETED, ${service.runningCount ?? 0}/${service.desiredCount ?? 0} tasks running ${shortArn(primary.taskDefinition ?? '')}`.trimEnd());
}

function pendingTasks(deployment: Deployment): string {
  return deployment.pendingCount ? `, ${deployment.pendingCount} pending` : '';
}

function latestEvent(service: Service): string {
  const message = service.events?.[0]?.message;
  return message ? ` (latest event: ${message})` : '';
}

/** `arn:aws:ecs:...:task-definition/iot-dev-api:42` → `iot-dev-api:42`. */
function shortArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
