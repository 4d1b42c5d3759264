import { knownContainers } from '../containers.js';
import { isUnknown, items, member, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { secretReason } from '../secret-values.js';
import { ECS_ENV_SECRET } from '../rule-ids.js';

export const ecsEnvSecret = defineRule({
  id: ECS_ENV_SECRET,
  title: 'Secret in a container environment',
  severity: 'critical',
  families: ['ecs', 'secrets'],
  equivalents: { trivy: ['AWS-0036'], securityHub: ['ECS.8'], cdkNag: ['AwsSolutions-ECS2'] },
  rationale: 'Environment values are stored in the task definition in plain text: whoever can describe it, or read the Terraform state, reads the secret.',
  fix: 'Move the variable to the container\'s `secrets` list, `valueFrom` a Secrets Manager secret or SSM SecureString ARN.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    for (const container of knownContainers(context.resource)) {
      const environment = items(member(container.node, 'environment'));
      if (isUnknown(environment) || environment === undefined) continue;
      for (const entry of environment) {
        const name = str(member(entry, 'name'));
        if (typeof name !== 'string') continue;
        const reason = secretReason(name, member(entry, 'value'), context.resource.module);
        if (reason !== undefined) context.report(entry.site, `${context.resource.name}: ${container.label} has ${name} in its plain-text environment, and it is a secret (${reason}).`);
      }
    }
  },
});
