import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_NETWORK_MODE_HOST } from '../rule-ids.js';

export const ecsNetworkModeHost = defineRule({
  id: ECS_NETWORK_MODE_HOST,
  title: 'Task uses the host network',
  severity: 'medium',
  families: ['ecs', 'hardening'],
  equivalents: { securityHub: ['ECS.1'] },
  rationale: "In host mode the containers share the instance's network stack: no security group of their own, and access to every port of the host.",
  fix: 'Use `network_mode = "awsvpc"` (the only mode Fargate supports): each task gets its own interface and security groups.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    const mode = context.resource.attr('network_mode');
    if (mode && str(mode) === 'host') context.report(mode.site, `${context.resource.name} uses the host's network stack: network_mode is "host".`);
  },
});
