/**
 * The platform around the services: project identity, network, cluster, registry settings, load
 * balancers, service discovery, security groups, logs, encryption, IAM, alarms, EFS and CI, from
 * the x-ecsform settings and the services that need them.
 */
import type { ComposeProject } from '../load/types.js';
import type { ModelContext } from './context.js';
import { buildSecurityGroups } from './security-groups.js';
import type { ProjectSettings } from './settings.js';
import type { AppModel, Database, EfsVolume, Layout, Service } from './types.js';

export interface PlatformInput {
  readonly settings: ProjectSettings;
  readonly project: ComposeProject;
  readonly services: readonly Service[];
  /** Service name → ECS services it reaches. */
  readonly references: ReadonlyMap<string, ReadonlySet<string>>;
  readonly databases: readonly Database[];
  readonly volumes: readonly EfsVolume[];
  /** `--layout`, overriding x-ecsform.layout. */
  readonly layout?: Layout;
  readonly sourceNames: readonly string[];
}

type Platform = Omit<AppModel, 'repositories' | 'secrets' | 'staticSites' | 'suppressions' | 'decisions' | 'warnings'>;

export function platformModel(input: PlatformInput, ctx: ModelContext): Platform {
  const { settings, services, databases, volumes } = input;
  const s = settings.ext;
  const name = settings.name;
  const layout = input.layout ?? s.layout;
  const platformMode = s.mode === 'platform';
  const ecsServices = platformMode ? [] : services;
  const webServices = ecsServices.filter((x) => x.exposure === 'alb').map((x) => x.name);
  const nlbServices = ecsServices.filter((x) => x.exposure === 'nlb').map((x) => x.name);
  const discoveryMode = s.service_discovery.mode;
  const referenced = new Set([...input.references.values()].flatMap((r) => [...r]));
  const discoveryServices = discoveryMode === 'none' ? [] : services.filter((x) => referenced.has(x.name) && x.ports.length > 0).map((x) => x.name);
  const agent = s.task_network.agent_port !== undefined ? { port: s.task_network.agent_port, ...(s.task_network.agent_cidr ? { cidr: s.task_network.agent_cidr } : {}) } : undefined;
  warnNoEgress(input, ctx);
  warnPasswordRotation(databases, ctx);

  return {
    project: {
      name,
      environment: s.environment,
      region: s.region,
      layout,
      mode: s.mode,
      outputDir: s.output ?? (layout === 'module' ? `terraform/modules/${name}` : 'terraform'),
      tags: s.tags,
      ...(s.backend ? { backend: { bucket: s.backend.bucket, key: s.backend.key, region: s.backend.region ?? s.region, useLockfile: s.backend.use_lockfile } } : {}),
      composeFiles: input.sourceNames,
      ...(s.load_balancer.domain_name ? { domainName: s.load_balancer.domain_name } : {}),
      spot: s.spot,
      architecture: s.architecture,
      exec: s.exec,
    },
    network: {
      existing: s.network.existing,
      vpcCidr: s.network.vpc_cidr,
      availabilityZones: s.network.availability_zones,
      natGateways: s.network.nat_gateways,
      flowLogs: s.network.flow_logs,
      publicSubnetsMapPublicIp: s.network.public_subnets_map_public_ip,
      needsPublicSubnets: (webServices.length > 0 && !s.load_balancer.existing) || nlbServices.length > 0 || ecsServices.some((x) => x.subnets === 'public'),
      ...(agent ? { agent } : {}),
      selfIngress: s.task_network.self_ingress,
    },
    cluster: {
      existing: s.cluster.existing,
      ...(s.cluster.name ? { name: s.cluster.name } : {}),
      containerInsights: s.cluster.container_insights,
      capacityProviders: s.cluster.capacity_providers || ecsServices.some((x) => x.spot),
    },
    services: ecsServices,
    registry: { scanOnPush: s.registry.scan_on_push, immutableTags: s.registry.immutable_tags, untaggedExpiryDays: s.registry.untagged_expiry_days, keepTaggedImages: s.registry.keep_tagged_images },
    secretRecoveryWindowDays: s.secrets.recovery_window_days,
    databases,
    volumes,
    ...(webServices.length > 0
      ? {
          loadBalancer: {
            ...(s.load_balancer.existing ? { existing: s.load_balancer.existing } : {}),
            ...(s.load_balancer.certificate_arn ? { certificateArn: s.load_balancer.certificate_arn } : {}),
            sslPolicy: s.load_balancer.ssl_policy,
            idleTimeoutSeconds: s.load_balancer.idle_timeout_seconds,
            deletionProtection: s.load_balancer.deletion_protection,
            accessLogs: s.load_balancer.access_logs,
            ...(s.load_balancer.waf ? { waf: { rateLimit: s.load_balancer.waf_rate_limit } } : {}),
            services: webServices,
          },
        }
      : {}),
    ...(nlbServices.length > 0 ? { networkLoadBalancer: { services: nlbServices } } : {}),
    ...((discoveryServices.length > 0 || platformMode) && discoveryMode !== 'none'
      ? { discovery: { namespace: s.service_discovery.namespace ?? `${name}.local`, mode: discoveryMode, services: platformMode ? [] : discoveryServices } }
      : {}),
    securityGroups: buildSecurityGroups({
      services: ecsServices,
      references: input.references,
      databases,
      volumes,
      hasAlb: webServices.length > 0 && !s.load_balancer.existing,
      hasNlb: nlbServices.length > 0,
      ...(agent ? { agent } : {}),
      selfIngress: s.task_network.self_ingress,
      egressPath: s.network.existing || s.network.nat_gateways === 0 ? 'user' : 'nat',
      ...(platformMode ? { platformTaskGroup: 'ecs_tasks' } : {}),
    }),
    logs: { retentionDays: s.logs.retention_days, ...(s.logs.group_name ? { sharedGroupName: s.logs.group_name } : {}) },
    encryption: { customerKey: s.kms },
    iam: { existingRoles: s.iam.existing_roles, managedExecutionPolicy: s.iam.managed_execution_policy },
    alarms: { enabled: s.alarms.enabled, ...(s.alarms.topic_arn ? { topicArn: s.alarms.topic_arn } : {}), cpuThreshold: s.alarms.cpu_threshold, memoryThreshold: s.alarms.memory_threshold },
    efs: { performanceMode: s.efs.performance_mode, throughputMode: s.efs.throughput_mode, ...(s.efs.provisioned_throughput_mibps !== undefined ? { provisionedThroughputMibps: s.efs.provisioned_throughput_mibps } : {}), encrypted: s.efs.encrypted, posixUid: s.efs.posix_uid, posixGid: s.efs.posix_gid },
    ...(s.ci.github ? { ci: { github: { repository: s.ci.github.repository, branch: s.ci.github.branch, oidcProvider: s.ci.github.oidc_provider } } } : {}),
  };
}

function warnNoEgress(input: PlatformInput, ctx: ModelContext): void {
  const network = input.settings.ext.network;
  if (network.existing || network.nat_gateways !== 0 || !input.services.some((s) => s.subnets === 'private')) return;
  ctx.warn(
    'NO_EGRESS',
    'x-ecsform.network.nat_gateways is 0: tasks in the private subnets have no route to ECR, Secrets Manager or CloudWatch Logs, so they cannot start (ecsform does not create VPC endpoints).',
    input.settings.origin(['network', 'nat_gateways']),
    'Keep at least one NAT gateway, or add interface VPC endpoints (ecr.api, ecr.dkr, logs, secretsmanager) and the S3 gateway endpoint next to the generated Terraform.',
    'medium',
  );
}

function warnPasswordRotation(databases: readonly Database[], ctx: ModelContext): void {
  for (const database of databases.filter((d) => d.clients.length > 0)) {
    ctx.warn(
      'DATABASE_PASSWORD_ROTATION',
      `${database.name}: RDS rotates the master password it manages every 7 days; ${database.clients.join(', ')} ${database.clients.length === 1 ? 'reads' : 'read'} it when a task starts, so running tasks fail to open new connections after a rotation until they restart.`,
      database.origin,
      'Restart the clients after each rotation (aws ecs update-service --force-new-deployment, e.g. from an EventBridge rule on the rotation event), or connect with a database user of your own whose password does not rotate.',
      'medium',
    );
  }
}
