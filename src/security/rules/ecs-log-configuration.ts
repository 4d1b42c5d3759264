import { knownContainers } from '../containers.js';
import { member } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_LOG_CONFIGURATION } from '../rule-ids.js';

export const ecsLogConfiguration = defineRule({
  id: ECS_LOG_CONFIGURATION,
  title: 'Container without log configuration',
  severity: 'high',
  families: ['ecs', 'logging'],
  equivalents: { securityHub: ['ECS.9'], cdkNag: ['AwsSolutions-ECS7'] },
  rationale: "Without a log driver a Fargate container's output is lost: no trail of what it did, nothing to debug with.",
  fix: 'Give every container a `logConfiguration` (the `awslogs` driver to a CloudWatch log group at minimum).',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    for (const container of knownContainers(context.resource)) {
      const logs = member(container.node, 'logConfiguration');
      if (logs === undefined || (logs.kind === 'scalar' && logs.value === null)) {
        context.report(container.node.site, `${context.resource.name}: ${container.label} has no logConfiguration, so its output is not kept.`);
      }
    }
  },
});
