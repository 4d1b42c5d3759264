/**
 * One security group per model group, each rule a separate `aws_vpc_security_group_*_rule`
 * resource with a description. Openings to the internet carry the model's reason as a
 * suppression comment.
 */
import type { Expr } from '../../hcl/ast.js';
import type { BodyInput } from '../../hcl/build.js';
import { attr, binary, block, call, cond, num, ref, str } from '../../hcl/build.js';
import type { EgressRule, IngressRule, SecurityGroup } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import type { NetworkRefs } from './network.js';
import { SG_EGRESS_OPEN } from '../../security/index.js';

export function securityGroupId(group: string): string {
  return `aws_security_group.${group}.id`;
}

/** A group of this stack, or the ALB group you brought (its ID is then a variable). */
export function securityGroupRef(ctx: PlanContext, group: string): Expr {
  return group === 'alb' && ctx.model.loadBalancer?.existing ? ref('var.alb_security_group_id') : ref(securityGroupId(group));
}

export function planSecurityGroups(ctx: PlanContext, network: NetworkRefs): void {
  for (const group of ctx.model.securityGroups) {
    ctx.add(
      'security_groups',
      [
        block('resource', ['aws_security_group', group.id], [
          attr('name', ctx.name(group.id.replace(/_/g, '-'))),
          attr('description', str(group.description)),
          attr('vpc_id', network.vpcId),
          ctx.tags(group.id.replace(/_/g, '-')),
        ]),
        ...group.ingress.flatMap((rule) => ingressRule(ctx, group, rule, network)),
        ...group.egress.map((rule) => egressRule(ctx, group, rule)),
        ...(group.egressAll ? [egressAll(ctx, group)] : []),
      ],
      `Security group: ${group.id}`,
    );
  }
}

function ingressRule(ctx: PlanContext, group: SecurityGroup, rule: IngressRule, network: NetworkRefs) {
  const ports = portAttrs(rule.protocol, rule.fromPort, rule.toPort);
  const common = [attr('security_group_id', ref(securityGroupId(group.id))), attr('description', str(rule.description)), ...ports, ctx.tags()];
  const comment = rule.exception ? rule.exception.rules.map((r) => `ecsform:ignore ${r} ${rule.exception!.reason}`) : undefined;
  const name = `${group.id}_${portToken(rule.protocol, rule.fromPort)}_from_${sourceToken(rule)}`;
  const source = rule.source;
  switch (source.kind) {
    case 'group':
      return [block('resource', ['aws_vpc_security_group_ingress_rule', name], [...common, attr('referenced_security_group_id', securityGroupRef(ctx, source.group))], comment)];
    case 'self':
      return [block('resource', ['aws_vpc_security_group_ingress_rule', name], [...common, attr('referenced_security_group_id', ref(securityGroupId(group.id)))], comment)];
    case 'cidr':
      if (source.variable) return agentRules(ctx, group, rule, network);
      return [block('resource', ['aws_vpc_security_group_ingress_rule', name], [...common, attr('cidr_ipv4', source.cidr)], comment)];
    case 'vpc':
      return agentRules(ctx, group, rule, network);
  }
}

/**
 * The agent port (a control plane outside the tasks, e.g. a frontend) is opened to configurable
 * CIDR blocks (default: the VPC) and/or security groups.
 */
function agentRules(ctx: PlanContext, group: SecurityGroup, rule: IngressRule, network: NetworkRefs) {
  const port = ctx.variable('agent_port', { description: 'TCP port tasks accept agent connections on.', type: types.number, default: rule.fromPort, validations: [{ condition: binary('&&', binary('>=', ref('var.agent_port'), 1), binary('<=', ref('var.agent_port'), 65535)), message: 'agent_port must be a TCP port (1-65535).' }] });
  const defaultCidr = rule.source.kind === 'cidr' ? [rule.source.cidr] : [];
  const cidrs = ctx.variable('agent_cidr_blocks', {
    description: 'CIDR blocks allowed to reach agent_port; empty means the VPC CIDR.',
    type: types.listOf(types.string),
    default: defaultCidr,
    nullable: false,
  });
  const groups = ctx.variable('agent_security_group_ids', { description: 'Security groups allowed to reach agent_port (for a frontend in the same VPC).', type: types.listOf(types.string), default: [], nullable: false });
  const effectiveCidrs = ctx.local('agent_cidr_blocks', cond(binary('>', call('length', cidrs), num(0)), cidrs, [network.vpcCidr]));
  const common: BodyInput[] = [attr('security_group_id', ref(securityGroupId(group.id))), attr('description', str(rule.description)), attr('ip_protocol', 'tcp'), attr('from_port', port), attr('to_port', port), ctx.tags()];
  return [
    block('resource', ['aws_vpc_security_group_ingress_rule', `${group.id}_agent_from_cidr`], [attr('for_each', call('toset', effectiveCidrs)), ...common, attr('cidr_ipv4', ref('each.value'))]),
    block('resource', ['aws_vpc_security_group_ingress_rule', `${group.id}_agent_from_security_group`], [attr('for_each', call('toset', groups)), ...common, attr('referenced_security_group_id', ref('each.value'))]),
  ];
}

function egressRule(ctx: PlanContext, group: SecurityGroup, rule: EgressRule) {
  return block('resource', ['aws_vpc_security_group_egress_rule', `${group.id}_to_${rule.destinationGroup}_${portToken(rule.protocol, rule.fromPort)}`], [
    attr('security_group_id', ref(securityGroupId(group.id))),
    attr('description', str(rule.description)),
    ...portAttrs(rule.protocol, rule.fromPort, rule.toPort),
    attr('referenced_security_group_id', ref(securityGroupId(rule.destinationGroup))),
    ctx.tags(),
  ]);
}

function egressAll(ctx: PlanContext, group: SecurityGroup) {
  return block(
    'resource',
    ['aws_vpc_security_group_egress_rule', `${group.id}_all_to_internet`],
    [attr('security_group_id', ref(securityGroupId(group.id))), attr('description', str('All outbound traffic')), attr('ip_protocol', '-1'), attr('cidr_ipv4', '0.0.0.0/0'), ctx.tags()],
    group.egressReason ? [`ecsform:ignore ${SG_EGRESS_OPEN} ${group.egressReason}`] : undefined,
  );
}

function portAttrs(protocol: 'tcp' | 'udp' | 'all', from: number, to: number) {
  if (protocol === 'all') return [attr('ip_protocol', '-1')];
  return [attr('ip_protocol', protocol), attr('from_port', num(from)), attr('to_port', num(to))];
}

function portToken(protocol: 'tcp' | 'udp' | 'all', port: number): string {
  return protocol === 'all' ? 'all' : `${port}${protocol === 'udp' ? '_udp' : ''}`;
}

function sourceToken(rule: IngressRule): string {
  const source = rule.source;
  switch (source.kind) {
    case 'group':
      return source.group;
    case 'self':
      return 'self';
    case 'cidr':
      return source.cidr === '0.0.0.0/0' ? 'internet' : source.cidr.replace(/[./]/g, '_');
    case 'vpc':
      return 'vpc';
  }
}
