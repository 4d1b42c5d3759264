import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_CONTAINER_INSIGHTS } from '../rule-ids.js';

export const ecsContainerInsights = defineRule({
  id: ECS_CONTAINER_INSIGHTS,
  title: 'Container Insights off',
  severity: 'medium',
  families: ['ecs', 'logging'],
  equivalents: { checkov: ['CKV_AWS_65'], trivy: ['AWS-0034'], securityHub: ['ECS.12'], cdkNag: ['AwsSolutions-ECS4'] },
  rationale: 'Without Container Insights there are no per-task CPU, memory and restart metrics to alarm on or investigate with.',
  fix: 'Add `setting { name = "containerInsights", value = "enabled" }` (or "enhanced") to the cluster.',
  appliesTo: ['aws_ecs_cluster'],
  check(context) {
    if (context.resource.hasDynamic('setting')) return;
    const setting = context.resource.blocks('setting').find((block) => str(block.attr('name')) === 'containerInsights');
    const node = setting?.attr('value');
    const value = str(node);
    if (isUnknown(value) || value === 'enabled' || value === 'enhanced') return;
    const state = value === undefined ? 'no containerInsights setting' : `containerInsights "${value}"`;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} collects no Container Insights metrics: ${state}.`);
  },
});
