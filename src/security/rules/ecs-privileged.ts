import { knownContainers } from '../containers.js';
import { bool, member } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_PRIVILEGED } from '../rule-ids.js';

export const ecsPrivileged = defineRule({
  id: ECS_PRIVILEGED,
  title: 'Privileged container',
  severity: 'high',
  families: ['ecs', 'hardening'],
  // CKV_AWS_334 reads a misspelled `privilege` key and never sees `privileged` (see the reference).
  equivalents: { checkov: ['CKV_AWS_334'], securityHub: ['ECS.4'] },
  rationale: 'A privileged container has root access to its host; Fargate refuses it, and on EC2 it breaks isolation between tasks.',
  fix: 'Remove `privileged = true`; grant the specific Linux capabilities the container needs instead.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    for (const container of knownContainers(context.resource)) {
      const privileged = member(container.node, 'privileged');
      if (privileged && bool(privileged) === true) context.report(privileged.site, `${context.resource.name}: ${container.label} runs privileged.`);
    }
  },
});
