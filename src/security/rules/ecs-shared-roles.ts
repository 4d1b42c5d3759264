import { writeExpr } from '../../hcl/index.js';
import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_SHARED_ROLES } from '../rule-ids.js';

export const ecsSharedRoles = defineRule({
  id: ECS_SHARED_ROLES,
  title: 'Task role is the execution role',
  severity: 'medium',
  families: ['ecs', 'least-privilege'],
  equivalents: { checkov: ['CKV_AWS_249'] },
  rationale: 'The execution role pulls images and reads every secret of the task; as the task role, the application code gets all of that too.',
  fix: 'Give the task its own `task_role_arn` with only what the application calls; keep image pulls, logs and secrets on the execution role.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    const execution = context.resource.attribute('execution_role_arn');
    const task = context.resource.attribute('task_role_arn');
    if (!execution || !task) return;
    const executionArn = str(context.resource.attr('execution_role_arn'));
    const taskArn = str(context.resource.attr('task_role_arn'));
    const same = typeof executionArn === 'string' ? executionArn === taskArn : writeExpr(execution.expr) === writeExpr(task.expr);
    if (same) context.report({ file: context.resource.file, range: task.range }, `${context.resource.name} runs the application with its execution role: task_role_arn is execution_role_arn.`);
  },
});
