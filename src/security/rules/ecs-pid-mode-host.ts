import { knownContainers } from '../containers.js';
import { member, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_PID_MODE_HOST } from '../rule-ids.js';

export const ecsPidModeHost = defineRule({
  id: ECS_PID_MODE_HOST,
  title: "Task shares the host's process namespace",
  severity: 'high',
  families: ['ecs', 'hardening'],
  equivalents: { checkov: ['CKV_AWS_335'], securityHub: ['ECS.3'] },
  rationale: 'With `pidMode: host` the containers see and can signal every process on the host, including other tasks.',
  fix: 'Remove `pid_mode = "host"` (use `task` to share processes between the containers of one task).',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    const pidMode = context.resource.attr('pid_mode');
    if (pidMode && str(pidMode) === 'host') context.report(pidMode.site, `${context.resource.name} shares the host's process namespace: pid_mode is "host".`);
    // pidMode belongs to the task, but some definitions write it per container.
    for (const container of knownContainers(context.resource)) {
      const node = member(container.node, 'pidMode');
      if (node && str(node) === 'host') context.report(node.site, `${context.resource.name}: ${container.label} sets pidMode "host".`);
    }
  },
});
