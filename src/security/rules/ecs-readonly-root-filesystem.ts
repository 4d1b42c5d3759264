import { knownContainers } from '../containers.js';
import { bool, isUnknown, member } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_READONLY_ROOT_FILESYSTEM } from '../rule-ids.js';

export const ecsReadonlyRootFilesystem = defineRule({
  id: ECS_READONLY_ROOT_FILESYSTEM,
  title: 'Writable root filesystem',
  severity: 'high',
  families: ['ecs', 'hardening'],
  equivalents: { checkov: ['CKV_AWS_336'], securityHub: ['ECS.5'] },
  rationale: 'An attacker who gets code execution in a container with a writable root filesystem can change its binaries and persist there.',
  fix: 'Set `readonlyRootFilesystem = true` on every container and mount volumes (or tmpfs on EC2) for the paths it writes.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    for (const container of knownContainers(context.resource)) {
      const node = member(container.node, 'readonlyRootFilesystem');
      const value = bool(node);
      if (value === true || isUnknown(value)) continue;
      const state = value === undefined ? 'does not set readonlyRootFilesystem' : 'sets readonlyRootFilesystem = false';
      context.report(node?.site ?? container.node.site, `${context.resource.name}: ${container.label} ${state}, so its root filesystem is writable.`);
    }
  },
});
