import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_PLATFORM_VERSION } from '../rule-ids.js';

export const ecsPlatformVersion = defineRule({
  id: ECS_PLATFORM_VERSION,
  title: 'Fargate service pinned to an old platform version',
  severity: 'medium',
  families: ['ecs', 'hardening'],
  equivalents: { checkov: ['CKV_AWS_332'], securityHub: ['ECS.10'] },
  rationale: 'A pinned Fargate platform version stops receiving the kernel and runtime security fixes that LATEST gets.',
  fix: 'Remove `platform_version` or set it to "LATEST".',
  appliesTo: ['aws_ecs_service'],
  check(context) {
    if (str(context.resource.attr('launch_type')) !== 'FARGATE') return;
    const version = context.resource.attr('platform_version');
    const value = str(version);
    if (version && typeof value === 'string' && value !== 'LATEST') context.report(version.site, `${context.resource.name} pins Fargate platform version "${value}" instead of LATEST.`);
  },
});
