import { defineRule } from '../rule.js';
import { forbidTrue } from './support/flags.js';
import { ECS_PUBLIC_IP } from '../rule-ids.js';

export const ecsPublicIp = defineRule({
  id: ECS_PUBLIC_IP,
  title: 'Service tasks get public IP addresses',
  severity: 'high',
  families: ['ecs', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_333'], securityHub: ['ECS.2'] },
  rationale: 'A task with a public IP is reachable from the internet wherever its security group allows, bypassing the load balancer.',
  fix: 'Set `assign_public_ip = false`, run tasks in private subnets and reach the internet through a NAT gateway or VPC endpoints.',
  appliesTo: ['aws_ecs_service'],
  check(context) {
    for (const network of context.resource.blocks('network_configuration')) forbidTrue(context, 'assign_public_ip', 'gives its tasks public IP addresses', network);
  },
});
