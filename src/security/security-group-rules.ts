/**
 * Security group rules in one shape, however they are written: `ingress`/`egress` blocks inside
 * `aws_security_group` (or the same as attributes), `aws_security_group_rule`, and
 * `aws_vpc_security_group_ingress_rule`/`_egress_rule`.
 */
import { type BlockView, isUnknown, items, type Located, member, num, type Read, type ResourceInstance, type Site, str, Unknown } from '../terraform/index.js';

export type Direction = 'ingress' | 'egress';

export interface SecurityGroupRule {
  readonly direction: Direction;
  /** Each CIDR block the rule opens to, IPv4 and IPv6. */
  readonly cidrs: readonly Located[] | Unknown;
  /** `443/tcp`, `8000-8002/tcp`, `all traffic`; empty when not known. */
  readonly ports: string;
  readonly description: Located | undefined;
  readonly site: Site;
}

export const SECURITY_GROUP_RULE_TYPES: readonly string[] = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];

/** The rules the resource declares; `Unknown` when a `dynamic` block or an unknown list hides some. */
export function securityGroupRules(resource: ResourceInstance): Read<readonly SecurityGroupRule[]> {
  switch (resource.type) {
    case 'aws_security_group':
      return inlineRules(resource);
    case 'aws_security_group_rule': {
      const type = str(resource.attr('type'));
      if (type !== 'ingress' && type !== 'egress') return new Unknown(`type is ${isUnknown(type) ? type.why : JSON.stringify(type)}, not ingress or egress`);
      return [fromFields(resource, type, { v4: 'cidr_blocks', v6: 'ipv6_cidr_blocks', protocol: 'protocol' })];
    }
    case 'aws_vpc_security_group_ingress_rule':
      return [fromFields(resource, 'ingress', { v4: 'cidr_ipv4', v6: 'cidr_ipv6', protocol: 'ip_protocol' })];
    case 'aws_vpc_security_group_egress_rule':
      return [fromFields(resource, 'egress', { v4: 'cidr_ipv4', v6: 'cidr_ipv6', protocol: 'ip_protocol' })];
    default:
      return [];
  }
}

function inlineRules(group: ResourceInstance): Read<readonly SecurityGroupRule[]> {
  const out: SecurityGroupRule[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    if (group.hasDynamic(direction)) return new Unknown(`a dynamic "${direction}" block`);
    for (const block of group.blocks(direction)) out.push(fromFields(block, direction, { v4: 'cidr_blocks', v6: 'ipv6_cidr_blocks', protocol: 'protocol' }));
    // The same rules written as an attribute: `ingress = [{ ... }]`.
    const list = items(group.attr(direction));
    if (isUnknown(list)) return list;
    for (const node of list ?? []) out.push(fromObject(node, direction));
  }
  return out;
}

interface FieldNames {
  readonly v4: string;
  readonly v6: string;
  readonly protocol: string;
}

function fromFields(block: BlockView, direction: Direction, names: FieldNames): SecurityGroupRule {
  return {
    direction,
    cidrs: cidrList([block.attr(names.v4), block.attr(names.v6)]),
    ports: describePorts(str(block.attr(names.protocol)), num(block.attr('from_port')), num(block.attr('to_port'))),
    description: block.attr('description'),
    site: block.site,
  };
}

function fromObject(node: Located, direction: Direction): SecurityGroupRule {
  return {
    direction,
    cidrs: cidrList([member(node, 'cidr_blocks'), member(node, 'ipv6_cidr_blocks')]),
    ports: describePorts(str(member(node, 'protocol')), num(member(node, 'from_port')), num(member(node, 'to_port'))),
    description: member(node, 'description'),
    site: node.site,
  };
}

/** A single CIDR (`cidr_ipv4`) or a list (`cidr_blocks`), both families together. */
function cidrList(nodes: readonly (Located | undefined)[]): readonly Located[] | Unknown {
  const out: Located[] = [];
  for (const node of nodes) {
    if (node === undefined) continue;
    if (node.kind === 'scalar') {
      if (node.value !== null) out.push(node);
      continue;
    }
    const list = items(node);
    if (isUnknown(list)) return list;
    out.push(...(list ?? []));
  }
  return out;
}

function describePorts(protocol: Read<string>, from: Read<number>, to: Read<number>): string {
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  if (typeof protocol !== 'string' || typeof from !== 'number' || typeof to !== 'number') return '';
  return from === to ? `${from}/${protocol}` : `${from}-${to}/${protocol}`;
}
