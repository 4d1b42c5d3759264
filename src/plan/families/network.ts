/**
 * VPC, public and private subnets over N availability zones, internet gateway, NAT gateways,
 * route tables, flow logs and a locked-down default security group — or, when the user brings
 * their own network, the variables that stand in for them.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, binary, block, call, dynamic, forTuple, index, num, ref, str, tmpl, cond, NULL } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { kmsKeyAttr, logRetention } from './shared.js';
import { LOGS_CMK, SUBNET_PUBLIC_IP } from '../../security/index.js';

export interface NetworkRefs {
  readonly vpcId: Expr;
  readonly vpcCidr: Expr;
  readonly privateSubnetIds: Expr;
  readonly publicSubnetIds: Expr;
  /** How many private subnets there are, known at plan time (for `count`). */
  readonly privateSubnetCount: Expr;
  /** The ID of the private subnet at an index. */
  readonly privateSubnetIdAt: (position: Expr) => Expr;
}

const CIDR_LIST_VALID = (name: string) => call('alltrue', forTuple('cidr', ref(`var.${name}`), call('can', call('cidrhost', ref('cidr'), num(0)))));

export function planNetwork(ctx: PlanContext): NetworkRefs {
  const network = ctx.model.network;
  if (network.existing) return existingNetwork(ctx);

  const vpcCidr = ctx.variable('vpc_cidr', {
    description: 'CIDR block of the VPC.',
    type: types.string,
    default: network.vpcCidr,
    validations: [{ condition: call('can', call('cidrhost', ref('var.vpc_cidr'), num(0))), message: 'vpc_cidr must be a valid IPv4 CIDR block, such as 10.0.0.0/16.' }],
  });
  const azCount = ctx.variable('availability_zone_count', {
    description: 'Number of availability zones to spread subnets over.',
    type: types.number,
    default: network.availabilityZones,
    validations: [{ condition: binary('&&', binary('>=', ref('var.availability_zone_count'), 2), binary('<=', ref('var.availability_zone_count'), 6)), message: 'availability_zone_count must be between 2 and 6.' }],
  });
  const natCount = ctx.variable('nat_gateway_count', {
    description: 'NAT gateways: 1 saves cost, one per availability zone survives an AZ outage, 0 leaves private subnets without internet access.',
    type: types.number,
    default: network.natGateways,
    validations: [{ condition: binary('>=', ref('var.nat_gateway_count'), 0), message: 'nat_gateway_count cannot be negative.' }],
  });
  ctx.variable('public_subnet_cidrs', {
    description: 'CIDR blocks of the public subnets, one per availability zone; empty derives /24s from vpc_cidr.',
    type: types.listOf(types.string),
    default: [],
    nullable: false,
    validations: [{ condition: CIDR_LIST_VALID('public_subnet_cidrs'), message: 'Every public subnet CIDR must be a valid IPv4 CIDR block.' }],
  });
  ctx.variable('private_subnet_cidrs', {
    description: 'CIDR blocks of the private subnets, one per availability zone; empty derives /20s from vpc_cidr.',
    type: types.listOf(types.string),
    default: [],
    nullable: false,
    validations: [{ condition: CIDR_LIST_VALID('private_subnet_cidrs'), message: 'Every private subnet CIDR must be a valid IPv4 CIDR block.' }],
  });

  const zones = ctx.data('aws_availability_zones', 'available', [attr('state', 'available')], 'network');
  const azs = ctx.local('azs', call('slice', ref(`${zones}.names`), num(0), azCount));
  const derived = (newbits: number, offset: number) => forTuple('i', call('range', azCount), call('cidrsubnet', vpcCidr, num(newbits), offset === 0 ? ref('i') : binary('+', ref('i'), num(offset))));
  const publicCidrs = ctx.local('public_subnet_cidrs', cond(binary('>', call('length', ref('var.public_subnet_cidrs')), num(0)), ref('var.public_subnet_cidrs'), derived(8, 240)));
  const privateCidrs = ctx.local('private_subnet_cidrs', cond(binary('>', call('length', ref('var.private_subnet_cidrs')), num(0)), ref('var.private_subnet_cidrs'), derived(4, 0)));
  const azAt = index(azs, ref('count.index'));

  ctx.add(
    'network',
    block('resource', ['aws_vpc', 'main'], [attr('cidr_block', vpcCidr), attr('enable_dns_hostnames', true), attr('enable_dns_support', true), ctx.tags('vpc')]),
    'VPC',
  );
  ctx.add('network', [
    block('resource', ['aws_subnet', 'public'], [
      attr('count', azCount),
      attr('vpc_id', ref('aws_vpc.main.id')),
      attr('cidr_block', index(publicCidrs, ref('count.index'))),
      attr('availability_zone', azAt),
      attr('map_public_ip_on_launch', network.publicSubnetsMapPublicIp),
      ctx.tags(undefined, { Name: tmpl`${ref('local.name_prefix')}-public-${azAt}`, tier: str('public') }),
    ], network.publicSubnetsMapPublicIp ? [`ecsform:ignore ${SUBNET_PUBLIC_IP} Instances in public subnets get a public IP automatically because x-ecsform.network.public_subnets_map_public_ip asks for it.`] : undefined),
    block('resource', ['aws_subnet', 'private'], [
      attr('count', azCount),
      attr('vpc_id', ref('aws_vpc.main.id')),
      attr('cidr_block', index(privateCidrs, ref('count.index'))),
      attr('availability_zone', azAt),
      ctx.tags(undefined, { Name: tmpl`${ref('local.name_prefix')}-private-${azAt}`, tier: str('private') }),
    ]),
    block('resource', ['aws_internet_gateway', 'main'], [attr('vpc_id', ref('aws_vpc.main.id')), ctx.tags('igw')]),
    block('resource', ['aws_eip', 'nat'], [attr('count', natCount), attr('domain', 'vpc'), ctx.tags(undefined, { Name: tmpl`${ref('local.name_prefix')}-nat-${ref('count.index')}` })]),
    block('resource', ['aws_nat_gateway', 'main'], [
      attr('count', natCount),
      attr('allocation_id', index('aws_eip.nat', ref('count.index'), 'id')),
      attr('subnet_id', index('aws_subnet.public', ref('count.index'), 'id')),
      ctx.tags(undefined, { Name: tmpl`${ref('local.name_prefix')}-nat-${ref('count.index')}` }),
      attr('depends_on', [ref('aws_internet_gateway.main')]),
      block('lifecycle', [], [
        block('precondition', [], [attr('condition', binary('<=', natCount, azCount)), attr('error_message', str('nat_gateway_count cannot exceed availability_zone_count: each NAT gateway sits in its own public subnet.'))]),
      ]),
    ]),
    block('resource', ['aws_route_table', 'public'], [
      attr('vpc_id', ref('aws_vpc.main.id')),
      block('route', [], [attr('cidr_block', '0.0.0.0/0'), attr('gateway_id', ref('aws_internet_gateway.main.id'))]),
      ctx.tags('public'),
    ]),
    block('resource', ['aws_route_table_association', 'public'], [attr('count', azCount), attr('subnet_id', index('aws_subnet.public', ref('count.index'), 'id')), attr('route_table_id', ref('aws_route_table.public.id'))]),
    block('resource', ['aws_route_table', 'private'], [
      attr('count', azCount),
      attr('vpc_id', ref('aws_vpc.main.id')),
      dynamic('route', cond(binary('>', natCount, num(0)), [num(1)], []), [
        attr('cidr_block', '0.0.0.0/0'),
        attr('nat_gateway_id', index('aws_nat_gateway.main', binary('%', ref('count.index'), natCount), 'id')),
      ]),
      ctx.tags(undefined, { Name: tmpl`${ref('local.name_prefix')}-private-${azAt}` }),
    ], 'Each private subnet routes through a NAT gateway, spread evenly when there are fewer gateways than zones.'),
    block('resource', ['aws_route_table_association', 'private'], [attr('count', azCount), attr('subnet_id', index('aws_subnet.private', ref('count.index'), 'id')), attr('route_table_id', index('aws_route_table.private', ref('count.index'), 'id'))]),
    block('resource', ['aws_default_security_group', 'main'], [attr('vpc_id', ref('aws_vpc.main.id')), ctx.tags('default-deny')], 'The default security group of the VPC allows nothing: every resource uses its own group.'),
  ]);
  if (network.flowLogs) planFlowLogs(ctx);
  return {
    vpcId: ref('aws_vpc.main.id'),
    vpcCidr: ref('aws_vpc.main.cidr_block'),
    privateSubnetIds: ref('aws_subnet.private[*].id'),
    publicSubnetIds: ref('aws_subnet.public[*].id'),
    privateSubnetCount: azCount,
    privateSubnetIdAt: (position) => index('aws_subnet.private', position, 'id'),
  };
}

function existingNetwork(ctx: PlanContext): NetworkRefs {
  const vpcId = ctx.variable('vpc_id', {
    description: 'ID of the existing VPC to deploy into.',
    type: types.string,
    validations: [{ condition: call('can', call('regex', str('^vpc-[0-9a-f]+$'), ref('var.vpc_id'))), message: 'vpc_id must look like vpc-0123456789abcdef0.' }],
  });
  const privateSubnets = ctx.variable('private_subnet_ids', {
    description: 'IDs of private subnets of that VPC, in at least two availability zones; tasks run here.',
    type: types.listOf(types.string),
    validations: [{ condition: binary('>=', call('length', ref('var.private_subnet_ids')), 2), message: 'Give at least two private subnets, in different availability zones.' }],
  });
  const publicSubnets = ctx.model.network.needsPublicSubnets
    ? ctx.variable('public_subnet_ids', {
        description: 'IDs of public subnets of that VPC, in at least two availability zones; load balancers run here.',
        type: types.listOf(types.string),
        validations: [{ condition: binary('>=', call('length', ref('var.public_subnet_ids')), 2), message: 'Give at least two public subnets, in different availability zones.' }],
      })
    : NULL;
  const vpc = ctx.data('aws_vpc', 'selected', [attr('id', vpcId)], 'network');
  // Subnets must belong to the VPC: a data lookup of each makes `plan` fail early otherwise.
  ctx.data('aws_subnet', 'private', [attr('for_each', call('toset', privateSubnets)), attr('id', ref('each.value')), attr('vpc_id', vpcId)], 'network');
  return {
    vpcId,
    vpcCidr: ref(`${vpc}.cidr_block`),
    privateSubnetIds: privateSubnets,
    publicSubnetIds: publicSubnets,
    privateSubnetCount: call('length', privateSubnets),
    privateSubnetIdAt: (position) => index(privateSubnets, position),
  };
}

function planFlowLogs(ctx: PlanContext): void {
  const retention = logRetention(ctx);
  const assume = ctx.data('aws_iam_policy_document', 'flow_logs_assume', [
    block('statement', [], [
      attr('sid', 'VpcFlowLogsAssumeRole'),
      attr('actions', ['sts:AssumeRole']),
      block('principals', [], [attr('type', 'Service'), attr('identifiers', ['vpc-flow-logs.amazonaws.com'])]),
    ]),
  ], 'network');
  const write = ctx.data('aws_iam_policy_document', 'flow_logs_write', [
    block('statement', [], [
      attr('sid', 'WriteFlowLogs'),
      attr('actions', ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams']),
      attr('resources', [tmpl`${ref('aws_cloudwatch_log_group.flow_logs.arn')}:*`]),
    ]),
  ], 'network');
  ctx.add(
    'network',
    [
      block(
        'resource',
        ['aws_cloudwatch_log_group', 'flow_logs'],
        [attr('name', tmpl`/vpc/${ref('local.name_prefix')}/flow-logs`), attr('retention_in_days', retention), ...kmsKeyAttr(ctx), ctx.tags()],
        ctx.model.encryption.customerKey ? undefined : [`ecsform:ignore ${LOGS_CMK} Log events are encrypted with a CloudWatch Logs-managed key; set x-ecsform.kms: true for a customer-managed key.`],
      ),
      block('resource', ['aws_iam_role', 'flow_logs'], [attr('name', ctx.name('vpc-flow-logs')), attr('assume_role_policy', ref(`${assume}.json`)), ctx.tags()]),
      block('resource', ['aws_iam_role_policy', 'flow_logs'], [attr('name', 'write-flow-logs'), attr('role', ref('aws_iam_role.flow_logs.id')), attr('policy', ref(`${write}.json`))]),
      block('resource', ['aws_flow_log', 'main'], [
        attr('vpc_id', ref('aws_vpc.main.id')),
        attr('traffic_type', 'ALL'),
        attr('log_destination_type', 'cloud-watch-logs'),
        attr('log_destination', ref('aws_cloudwatch_log_group.flow_logs.arn')),
        attr('iam_role_arn', ref('aws_iam_role.flow_logs.arn')),
        ctx.tags('flow-logs'),
      ]),
    ],
    'Flow logs',
  );
}
