/**
 * Least-privilege security groups: each opens only the ports a caller actually uses, from that
 * caller's group. The only openings to the internet are the ones the architecture needs, each
 * carrying the reason that becomes a suppression comment in the Terraform.
 */
import type { Database, EfsVolume, IngressRule, SecurityGroup, Service } from './types.js';

export interface SecurityGroupInput {
  readonly services: readonly Service[];
  /** Service name → names of ECS services it reaches by name or depends on. */
  readonly references: ReadonlyMap<string, ReadonlySet<string>>;
  readonly databases: readonly Database[];
  readonly volumes: readonly EfsVolume[];
  readonly hasAlb: boolean;
  readonly hasNlb: boolean;
  readonly agent?: { readonly port: number; readonly cidr?: string };
  readonly selfIngress: boolean;
  /** How tasks reach AWS APIs and the internet: a NAT gateway of this stack, or a path the user provides (VPC endpoints, their own VPC's routing). */
  readonly egressPath: 'nat' | 'user';
  /** Platform mode: one task group for tasks launched by others. */
  readonly platformTaskGroup?: string;
}

export const PUBLIC_CIDR = '0.0.0.0/0';

const TASK_EGRESS_REASON = {
  nat: 'Tasks reach ECR, Secrets Manager, CloudWatch Logs and external APIs through the NAT gateway; these endpoints have no fixed addresses.',
  user: 'Tasks reach ECR, Secrets Manager, CloudWatch Logs and external APIs through the routes of the VPC (NAT or VPC endpoints); these endpoints have no fixed addresses.',
} as const;

export function databaseGroupId(database: Database, all: readonly Database[]): string {
  return all.length === 1 ? 'rds' : `rds_${database.id}`;
}

export function buildSecurityGroups(input: SecurityGroupInput): SecurityGroup[] {
  const taskGroups = new Map<string, { services: Service[]; ingress: Map<string, IngressRule> }>();
  const groupOf = new Map(input.services.map((s) => [s.name, s.securityGroup]));
  const taskGroup = (id: string) => {
    let group = taskGroups.get(id);
    if (!group) taskGroups.set(id, (group = { services: [], ingress: new Map() }));
    return group;
  };
  if (input.platformTaskGroup) taskGroup(input.platformTaskGroup);
  const add = (groupId: string, rule: IngressRule) => {
    const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}|${JSON.stringify(rule.source)}`;
    const rules = taskGroup(groupId).ingress;
    if (!rules.has(key)) rules.set(key, rule);
  };

  for (const service of input.services) {
    taskGroup(service.securityGroup).services.push(service);
    const port = service.mainPort;
    if (service.exposure === 'alb' && port !== undefined) {
      add(service.securityGroup, { description: `${service.name} from the ALB`, protocol: 'tcp', fromPort: port, toPort: port, source: { kind: 'group', group: 'alb' } });
    }
    for (const p of service.ports.filter((p) => p.published)) {
      const clients = `${service.name} ${p.containerPort}/${p.protocol}`;
      if (service.exposure === 'nlb') {
        add(service.securityGroup, { description: `${clients} from the NLB`, protocol: p.protocol, fromPort: p.containerPort, toPort: p.containerPort, source: { kind: 'group', group: 'nlb' } });
      } else if (service.exposure === 'public-ip') {
        add(service.securityGroup, {
          description: `${clients} from clients on the internet`,
          protocol: p.protocol,
          fromPort: p.containerPort,
          toPort: p.containerPort,
          source: { kind: 'cidr', cidr: PUBLIC_CIDR },
          exception: { rules: ['SG_INGRESS_OPEN'], reason: `${service.name} is reached directly by clients on the internet (x-ecsform exposure: public-ip).` },
        });
      }
    }
  }

  // Service-to-service: the callee opens its ports to the caller's group.
  for (const [caller, callees] of input.references) {
    const callerGroup = groupOf.get(caller);
    if (!callerGroup) continue;
    for (const callee of callees) {
      const target = input.services.find((s) => s.name === callee);
      if (!target) continue;
      for (const p of target.ports) {
        const self = callerGroup === target.securityGroup;
        const source = self ? ({ kind: 'self' } as const) : ({ kind: 'group', group: callerGroup } as const);
        const description = `${callee} ${p.containerPort}/${p.protocol} from ${self ? 'tasks in this group' : callerGroup}`;
        add(target.securityGroup, { description, protocol: p.protocol, fromPort: p.containerPort, toPort: p.containerPort, source });
      }
    }
  }

  const taskGroupIds = [...taskGroups.keys()];
  if (input.agent) {
    for (const id of taskGroupIds) {
      add(id, {
        description: 'Agent port from the frontend',
        protocol: 'tcp',
        fromPort: input.agent.port,
        toPort: input.agent.port,
        source: input.agent.cidr ? { kind: 'cidr', cidr: input.agent.cidr, variable: 'agent_cidr' } : { kind: 'vpc' },
      });
    }
  }
  if (input.selfIngress) for (const id of taskGroupIds) add(id, { description: 'All traffic between tasks (like a Docker network)', protocol: 'all', fromPort: 0, toPort: 0, source: { kind: 'self' } });

  const groups: SecurityGroup[] = [];
  if (input.hasAlb) groups.push(albGroup(input.services));
  if (input.hasNlb) groups.push(nlbGroup(input.services));
  for (const [id, group] of [...taskGroups].sort(([a], [b]) => a.localeCompare(b))) {
    groups.push({
      id,
      // A description change replaces the group, so it never lists the members of a shared group.
      description: TASK_GROUP_DESCRIPTIONS[id] ?? (group.services.length === 1 && id === group.services[0]!.id ? `ECS tasks of ${group.services[0]!.name}` : `ECS tasks of the ${id} group`),
      ingress: sortRules(withoutShadowedRules([...group.ingress.values()])),
      egressAll: true,
      egress: [],
      egressReason: TASK_EGRESS_REASON[input.egressPath],
    });
  }
  for (const database of input.databases) {
    const clientGroups = [...new Set(database.clients.map((c) => groupOf.get(c)).filter((g): g is string => g !== undefined))].sort();
    groups.push({
      id: databaseGroupId(database, input.databases),
      description: `RDS ${database.engine} ${database.name}`,
      ingress: clientGroups.map((g) => ({ description: `${database.engine} from ${g}`, protocol: 'tcp' as const, fromPort: database.port, toPort: database.port, source: { kind: 'group' as const, group: g } })),
      egressAll: false,
      egress: [],
    });
  }
  if (input.volumes.length > 0) {
    const users = new Set(input.volumes.flatMap((v) => v.usedBy.map((s) => groupOf.get(s)).filter((g): g is string => g !== undefined)));
    if (input.platformTaskGroup) users.add(input.platformTaskGroup);
    groups.push({
      id: 'efs',
      description: 'EFS mount targets',
      ingress: [...users].sort().map((g) => ({ description: `NFS from ${g}`, protocol: 'tcp' as const, fromPort: 2049, toPort: 2049, source: { kind: 'group' as const, group: g } })),
      egressAll: false,
      egress: [],
    });
  }
  return groups;
}

/** The public ALB: HTTPS from anywhere, HTTP only to redirect, egress only to its targets. */
function albGroup(services: readonly Service[]): SecurityGroup {
  const targets = new Map<string, { group: string; port: number }>();
  for (const s of services) if (s.exposure === 'alb' && s.mainPort !== undefined) targets.set(`${s.securityGroup}|${s.mainPort}`, { group: s.securityGroup, port: s.mainPort });
  return {
    id: 'alb',
    description: 'Public application load balancer',
    ingress: [
      {
        description: 'HTTPS from the internet',
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        source: { kind: 'cidr', cidr: PUBLIC_CIDR },
        exception: { rules: ['SG_INGRESS_OPEN'], reason: 'The ALB is the public HTTPS entry point of the application.' },
      },
      {
        description: 'HTTP from the internet, redirected to HTTPS',
        protocol: 'tcp',
        fromPort: 80,
        toPort: 80,
        source: { kind: 'cidr', cidr: PUBLIC_CIDR },
        exception: { rules: ['SG_INGRESS_OPEN'], reason: 'Port 80 only answers with a redirect to HTTPS.' },
      },
    ],
    egressAll: false,
    egress: [...targets.values()]
      .sort((a, b) => a.group.localeCompare(b.group) || a.port - b.port)
      .map((t) => ({ description: `To ${t.group} targets`, protocol: 'tcp', fromPort: t.port, toPort: t.port, destinationGroup: t.group })),
  };
}

/** The default groups of each kind of service. */
const TASK_GROUP_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ecs_api: 'ECS tasks of web services (reached through the ALB)',
  ecs_internal: 'ECS tasks of internal services (reached inside the VPC)',
  ecs_worker: 'ECS tasks of workers (no inbound traffic)',
};

/** The public NLB: the published ports of tcp services from anywhere, egress only to its targets. */
function nlbGroup(services: readonly Service[]): SecurityGroup {
  const exposed = services.filter((s) => s.exposure === 'nlb');
  const ports = exposed.flatMap((s) => s.ports.filter((p) => p.published).map((p) => ({ service: s, port: p })));
  return {
    id: 'nlb',
    description: 'Public network load balancer',
    // Clients connect on the published port; the NLB forwards to the container port.
    ingress: ports.map(({ service, port }) => {
      const listenPort = port.publishedPort ?? port.containerPort;
      return {
        description: `${service.name} ${listenPort}/${port.protocol} from clients on the internet`,
        protocol: port.protocol,
        fromPort: listenPort,
        toPort: listenPort,
        source: { kind: 'cidr' as const, cidr: PUBLIC_CIDR },
        exception: { rules: ['SG_INGRESS_OPEN'], reason: `${service.name} serves clients on the internet on ${listenPort}/${port.protocol} (x-ecsform kind: tcp).` },
      };
    }),
    egressAll: false,
    egress: ports.map(({ service, port }) => ({ description: `To ${service.name} targets`, protocol: port.protocol, fromPort: port.containerPort, toPort: port.containerPort, destinationGroup: service.securityGroup })),
  };
}

/** A rule from a group adds nothing when the same port is already open to the internet. */
function withoutShadowedRules(rules: IngressRule[]): IngressRule[] {
  const open = new Set(rules.filter((r) => r.source.kind === 'cidr' && r.source.cidr === PUBLIC_CIDR).map((r) => `${r.protocol}|${r.fromPort}|${r.toPort}`));
  return rules.filter((r) => r.source.kind === 'cidr' || !open.has(`${r.protocol}|${r.fromPort}|${r.toPort}`));
}

function sortRules(rules: IngressRule[]): IngressRule[] {
  return rules.sort((a, b) => a.fromPort - b.fromPort || a.protocol.localeCompare(b.protocol) || a.description.localeCompare(b.description));
}
