/**
 * Compose project → AppModel. Reads the x-ecsform settings, decides what each service becomes,
 * classifies its environment, sizes its task, routes its traffic and draws its security groups.
 * Every problem is collected first and reported together (InputError), so one run shows them all.
 */
import type { SourcePoint } from '../diagnostics/finding.js';
import { InputError } from '../diagnostics/errors.js';
import { parseProjectExtension, parseServiceExtension } from '../load/x-ecsform/parse.js';
import { projectExtensionSchema, serviceExtensionSchema, type ProjectExtension, type ServiceExtension } from '../load/x-ecsform/schema.js';
import type { ComposeProject, ComposeService } from '../load/types.js';
import { containerHealthCheck, containerPorts, dockerLabels, linuxParameters, platformArchitecture, stopTimeout, ulimits, volumeMounts } from './containers.js';
import { ModelContext } from './context.js';
import { buildDatabase, type DatabaseInfo } from './databases.js';
import { classifyEnvironment, type ExternalSystem } from './environment.js';
import { walkServiceKeys, walkTopLevelKeys } from './key-walk.js';
import { awsName, terraformId } from './names.js';
import { originOf, rawEntry, scalarString } from './raw-values.js';
import { assignRoutes, loadBalancerHealthCheck, type WebService } from './routing.js';
import { buildSecurityGroups } from './security-groups.js';
import { inferRole, type ComposeRole } from './service-kind.js';
import { taskSize } from './sizing.js';
import type { AppModel, Database, EfsVolume, Origin, Repository, Service, ServiceKind, StaticSite, Suppression } from './types.js';

export interface BuildOptions {
  /** `--layout`, overriding x-ecsform.layout. */
  readonly layout?: 'root' | 'module';
  /** Parses a Compose duration (`1m30s`) into seconds; supplied by the loader. */
  readonly parseDurationSeconds: (text: string) => number | undefined;
  /** Compose file names as generated headers should show them (relative to the project). */
  readonly sourceNames?: readonly string[];
}

interface Classified {
  readonly compose: ComposeService;
  readonly ext: ServiceExtension;
  readonly extOrigin: Origin;
  readonly role: ComposeRole;
}

export function buildModel(project: ComposeProject, options: BuildOptions): AppModel {
  const ctx = new ModelContext();
  const firstFileAt: SourcePoint = { file: project.files[0] ?? 'compose.yaml', line: 1, column: 1 };
  const settings = projectSettings(project, firstFileAt, ctx);
  const projectName = settings.project ?? awsProjectName(project.name, firstFileAt, ctx);
  walkTopLevelKeys(project.topLevelKeys, ctx);

  const classified = project.services.map((compose) => classifyService(compose, ctx));
  const byRole = (...roles: ComposeRole[]) => classified.filter((c) => roles.includes(c.role));

  const databases = new Map<string, DatabaseInfo>();
  for (const c of byRole('database')) databases.set(c.compose.name, buildDatabase(c.compose, c.ext, ctx));
  const externals = new Map<string, ExternalSystem>(byRole('external').map((c) => [c.compose.name, externalSystem(c, ctx)]));
  const staticSites = byRole('static-site').map((c) => staticSite(c, ctx)).filter((s): s is StaticSite => s !== undefined);
  const ecs = byRole('web', 'internal', 'tcp', 'worker');
  if (ecs.length === 0 && staticSites.length === 0 && databases.size === 0 && settings.mode === 'services') {
    ctx.error('EMPTY_PROJECT', 'No service is left to deploy after profiles and x-ecsform kinds.', { at: firstFileAt, path: 'services' }, 'Check --profile and the x-ecsform.kind of your services.');
  }

  const discoveryMode = settings.service_discovery.mode;
  const env = classifyEnvironment(
    {
      project,
      services: new Map(ecs.map((c) => [c.compose.name, { compose: c.compose, ext: c.ext }])),
      databases,
      externals,
      staticSites: new Set(staticSites.map((s) => s.name)),
      discoveryMode,
      existingSecrets: settings.secrets.existing,
    },
    ctx,
  );

  const web: WebService[] = ecs.filter((c) => c.role === 'web').map((c) => ({ name: c.compose.name, compose: c.compose, ext: c.ext, extOrigin: c.extOrigin }));
  const routes = assignRoutes(web, ctx);
  const references = new Map<string, Set<string>>();
  const services: Service[] = [];
  for (const c of ecs) {
    const serviceEnv = env.byService.get(c.compose.name)!;
    const refs = new Set(serviceEnv.references);
    for (const d of c.compose.dependsOn) {
      const target = ecs.find((e) => e.compose.name === d.service);
      if (!target) continue;
      refs.add(d.service);
      // Compose networks allow every port; security groups only open declared ones.
      if (target.compose.ports.length === 0 && target.compose.expose.length === 0) {
        ctx.warn(
          'HOSTNAME_UNRESOLVED',
          `${c.compose.name} depends on ${d.service}, which declares no ports, so no security group rule can let ${c.compose.name} reach it.`,
          { at: d.at, path: `services.${c.compose.name}.depends_on` },
          `Add \`expose: ["<port>"]\` to ${d.service} with the port it listens on.`,
          'medium',
        );
      }
    }
    references.set(c.compose.name, refs);
    services.push(ecsService(c, settings, routes.get(c.compose.name) ?? [], serviceEnv, options, ctx));
    for (const db of serviceEnv.databases) databases.set(db, { ...databases.get(db)!, database: withClient(databases.get(db)!.database, c.compose.name) });
    for (const d of c.compose.dependsOn) if (databases.has(d.service)) databases.set(d.service, { ...databases.get(d.service)!, database: withClient(databases.get(d.service)!.database, c.compose.name) });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));

  const referenced = new Set([...references.values()].flatMap((r) => [...r]));
  const discoveryServices = discoveryMode === 'none' ? [] : services.filter((s) => referenced.has(s.name) && s.ports.length > 0).map((s) => s.name);
  const volumes = efsVolumes(services, project, ctx);
  const databaseList = [...databases.values()].map((d) => d.database).sort((a, b) => a.name.localeCompare(b.name));
  if (!settings.network.existing && settings.network.nat_gateways === 0 && services.some((s) => s.subnets === 'private')) {
    const extension = project.extensions.get('x-ecsform');
    const network = extension ? rawEntry(extension, 'network') : undefined;
    const nat = network ? rawEntry(network, 'nat_gateways') : undefined;
    ctx.warn(
      'NO_EGRESS',
      'x-ecsform.network.nat_gateways is 0: tasks in the private subnets have no route to ECR, Secrets Manager or CloudWatch Logs, so they cannot start (ecsform does not create VPC endpoints).',
      nat ? originOf(nat) : { at: firstFileAt, path: 'x-ecsform.network.nat_gateways' },
      'Keep at least one NAT gateway, or add interface VPC endpoints (ecr.api, ecr.dkr, logs, secretsmanager) and the S3 gateway endpoint next to the generated Terraform.',
      'medium',
    );
  }
  for (const database of databaseList.filter((d) => d.clients.length > 0)) {
    ctx.warn(
      'DATABASE_PASSWORD_ROTATION',
      `${database.name}: RDS rotates the master password it manages every 7 days; ${database.clients.join(', ')} ${database.clients.length === 1 ? 'reads' : 'read'} it when a task starts, so running tasks fail to open new connections after a rotation until they restart.`,
      database.origin,
      'Restart the clients after each rotation (aws ecs update-service --force-new-deployment, e.g. from an EventBridge rule on the rotation event), or connect with a database user of your own whose password does not rotate.',
      'medium',
    );
  }
  const platformMode = settings.mode === 'platform';
  const ecsServices = platformMode ? [] : services;
  const webServices = ecsServices.filter((s) => s.exposure === 'alb').map((s) => s.name);
  const nlbServices = ecsServices.filter((s) => s.exposure === 'nlb').map((s) => s.name);
  const needsNamespace = discoveryServices.length > 0 || platformMode;

  const model: AppModel = {
    project: {
      name: projectName,
      environment: settings.environment,
      region: settings.region,
      layout: options.layout ?? settings.layout,
      mode: settings.mode,
      outputDir: settings.output ?? ((options.layout ?? settings.layout) === 'module' ? `terraform/modules/${projectName}` : 'terraform'),
      tags: settings.tags,
      ...(settings.backend ? { backend: { bucket: settings.backend.bucket, key: settings.backend.key, region: settings.backend.region ?? settings.region, useLockfile: settings.backend.use_lockfile } } : {}),
      composeFiles: options.sourceNames ?? project.files,
      ...(settings.load_balancer.domain_name ? { domainName: settings.load_balancer.domain_name } : {}),
      spot: settings.spot,
      architecture: settings.architecture,
      exec: settings.exec,
    },
    network: {
      existing: settings.network.existing,
      vpcCidr: settings.network.vpc_cidr,
      availabilityZones: settings.network.availability_zones,
      natGateways: settings.network.nat_gateways,
      flowLogs: settings.network.flow_logs,
      publicSubnetsMapPublicIp: settings.network.public_subnets_map_public_ip,
      needsPublicSubnets: (webServices.length > 0 && !settings.load_balancer.existing) || nlbServices.length > 0 || ecsServices.some((s) => s.subnets === 'public'),
      ...(settings.task_network.agent_port !== undefined ? { agent: { port: settings.task_network.agent_port, ...(settings.task_network.agent_cidr ? { cidr: settings.task_network.agent_cidr } : {}) } } : {}),
      selfIngress: settings.task_network.self_ingress,
    },
    cluster: { existing: settings.cluster.existing, ...(settings.cluster.name ? { name: settings.cluster.name } : {}), containerInsights: settings.cluster.container_insights, capacityProviders: settings.cluster.capacity_providers || ecsServices.some((s) => s.spot) },
    services: ecsServices,
    repositories: repositories(classified, services, settings),
    registry: {
      scanOnPush: settings.registry.scan_on_push,
      immutableTags: settings.registry.immutable_tags,
      untaggedExpiryDays: settings.registry.untagged_expiry_days,
      keepTaggedImages: settings.registry.keep_tagged_images,
    },
    secrets: platformMode ? [] : env.secrets,
    secretRecoveryWindowDays: settings.secrets.recovery_window_days,
    databases: databaseList,
    staticSites,
    volumes,
    ...(webServices.length > 0
      ? {
          loadBalancer: {
            ...(settings.load_balancer.existing ? { existing: settings.load_balancer.existing } : {}),
            ...(settings.load_balancer.certificate_arn ? { certificateArn: settings.load_balancer.certificate_arn } : {}),
            sslPolicy: settings.load_balancer.ssl_policy,
            idleTimeoutSeconds: settings.load_balancer.idle_timeout_seconds,
            deletionProtection: settings.load_balancer.deletion_protection,
            accessLogs: settings.load_balancer.access_logs,
            ...(settings.load_balancer.waf ? { waf: { rateLimit: settings.load_balancer.waf_rate_limit } } : {}),
            services: webServices,
          },
        }
      : {}),
    ...(nlbServices.length > 0 ? { networkLoadBalancer: { services: nlbServices } } : {}),
    ...(needsNamespace && discoveryMode !== 'none'
      ? { discovery: { namespace: settings.service_discovery.namespace ?? `${projectName}.local`, mode: discoveryMode, services: platformMode ? [] : discoveryServices } }
      : {}),
    securityGroups: buildSecurityGroups({
      services: ecsServices,
      references,
      databases: databaseList,
      volumes,
      hasAlb: webServices.length > 0 && !settings.load_balancer.existing,
      hasNlb: nlbServices.length > 0,
      ...(settings.task_network.agent_port !== undefined ? { agent: { port: settings.task_network.agent_port, ...(settings.task_network.agent_cidr ? { cidr: settings.task_network.agent_cidr } : {}) } } : {}),
      selfIngress: settings.task_network.self_ingress,
      egressPath: settings.network.existing || settings.network.nat_gateways === 0 ? 'user' : 'nat',
      ...(platformMode ? { platformTaskGroup: 'ecs_tasks' } : {}),
    }),
    logs: { retentionDays: settings.logs.retention_days, ...(settings.logs.group_name ? { sharedGroupName: settings.logs.group_name } : {}) },
    encryption: { customerKey: settings.kms },
    iam: { existingRoles: settings.iam.existing_roles, managedExecutionPolicy: settings.iam.managed_execution_policy },
    alarms: { enabled: settings.alarms.enabled, ...(settings.alarms.topic_arn ? { topicArn: settings.alarms.topic_arn } : {}), cpuThreshold: settings.alarms.cpu_threshold, memoryThreshold: settings.alarms.memory_threshold },
    efs: { performanceMode: settings.efs.performance_mode, throughputMode: settings.efs.throughput_mode, encrypted: settings.efs.encrypted, posixUid: settings.efs.posix_uid, posixGid: settings.efs.posix_gid },
    ...(settings.ci.github ? { ci: { github: { repository: settings.ci.github.repository, branch: settings.ci.github.branch, oidcProvider: settings.ci.github.oidc_provider } } } : {}),
    suppressions: suppressions(settings, classified, firstFileAt),
    decisions: ctx.decisions,
    warnings: ctx.warnings,
  };

  if (ctx.errors.length > 0) throw new InputError(ctx.errors);
  return model;
}

function projectSettings(project: ComposeProject, at: SourcePoint, ctx: ModelContext): ProjectExtension {
  const parsed = parseProjectExtension(project.extensions.get('x-ecsform'), at);
  ctx.errors.push(...parsed.findings);
  return parsed.value ?? projectExtensionSchema.parse({});
}

function classifyService(compose: ComposeService, ctx: ModelContext): Classified {
  walkServiceKeys(compose.name, compose.raw, ctx);
  const node = compose.extensions.get('x-ecsform');
  const parsed = parseServiceExtension(node, compose.at, compose.name);
  ctx.errors.push(...parsed.findings);
  const ext = parsed.value ?? serviceExtensionSchema.parse({});
  const extOrigin: Origin = node ? originOf(node) : { at: compose.at, path: `services.${compose.name}` };
  if (ext.kind) {
    ctx.decide('mapped', extOrigin, `Kind ${ext.kind} (from x-ecsform).`, compose.name);
    return { compose, ext, extOrigin, role: ext.kind };
  }
  const inferred = inferRole(compose);
  ctx.decide('inferred', { at: compose.at, path: `services.${compose.name}` }, `Kind ${inferred.role}: ${inferred.reason}.`, compose.name);
  if (inferred.note) {
    ctx.warn('COMPOSE_APPROXIMATED', `${compose.name}: ${inferred.note}`, { at: compose.at, path: `services.${compose.name}.ports` }, 'To serve those ports on the internet, move them to a service of their own with x-ecsform.kind: tcp.');
  }
  return { compose, ext, extOrigin, role: inferred.role };
}

function ecsService(c: Classified, settings: ProjectExtension, routes: Service['routes'], env: ReturnType<typeof classifyEnvironment>['byService'] extends Map<string, infer E> ? E : never, options: BuildOptions, ctx: ModelContext): Service {
  const { compose, ext, extOrigin } = c;
  const kind = c.role as ServiceKind;
  const name = compose.name;
  const aws = awsName(name);
  const origin: Origin = { at: compose.at, path: `services.${name}` };
  const ports = containerPorts(compose, aws, ctx);
  if (!compose.image && !compose.build) ctx.error('NO_IMAGE', `Service ${name} has neither image nor build.`, origin, 'Add `image:` (a public or private image) or `build:` (built in CI and pushed to ECR).');
  const mainPort = ext.port ?? ports.find((p) => p.published)?.containerPort ?? ports[0]?.containerPort;
  if (ext.port !== undefined && !ports.some((p) => p.containerPort === ext.port)) {
    ctx.error('SETTING_CONFLICT', `Service ${name}: x-ecsform.port ${ext.port} is not one of its ports (${ports.map((p) => p.containerPort).join(', ') || 'none'}).`, extOrigin, 'Add the port to ports/expose, or correct x-ecsform.port.');
  }
  if ((kind === 'web' || kind === 'tcp' || kind === 'internal') && mainPort === undefined) {
    ctx.error('SETTING_CONFLICT', `Service ${name} is kind ${kind} but has no ports.`, extOrigin, 'Add ports (or expose), or make it a worker.');
  }
  const architecture = ext.architecture ?? platformArchitecture(compose) ?? settings.architecture;
  const image = compose.image;
  if (architecture === 'arm64' && image && !compose.build && /(^|[^a-z0-9])(amd64|x86_64|x86-64|x64)([^a-z0-9]|$)/i.test(image.value)) {
    ctx.error(
      'SETTING_CONFLICT',
      `Service ${name} runs on ARM64, but its image ${image.value} is built for x86 (${image.at.file}:${image.at.line}).`,
      ext.architecture ? extOrigin : { at: image.at, path: image.path },
      'Use an ARM64 or multi-architecture image, or set x-ecsform.architecture: x86_64 for this service.',
    );
  }
  const spot = ext.spot ?? settings.spot;
  if (spot && architecture === 'arm64') {
    ctx.decide('mapped', extOrigin, 'FARGATE_SPOT with ARM64 (supported on Linux platform 1.4.0).', name);
  }
  const exposure: Service['exposure'] = kind === 'web' ? 'alb' : kind === 'tcp' ? (ext.exposure ?? 'nlb') : 'none';
  if (ext.exposure && kind !== 'tcp') ctx.error('SETTING_CONFLICT', `Service ${name}: x-ecsform.exposure applies to tcp services, but it is kind ${kind}.`, extOrigin, 'Remove exposure, or set kind: tcp.');
  if (exposure === 'nlb') {
    // NLB health checks are TCP or HTTP: a UDP-only port is checked on TCP, where nothing answers.
    for (const udp of ports.filter((p) => p.published && p.protocol === 'udp' && !ports.some((t) => t.published && t.protocol === 'tcp' && t.containerPort === p.containerPort))) {
      ctx.warn(
        'COMPOSE_APPROXIMATED',
        `${name}: the NLB checks the health of UDP port ${udp.containerPort} over TCP on the same port, where the container does not listen, so its targets would never be healthy.`,
        udp.origin,
        `Also publish ${udp.containerPort}/tcp (a TCP_UDP listener), or change the target group's health_check port in the generated Terraform.`,
        'medium',
      );
    }
  }
  const autoscaling = ext.autoscaling;
  if (autoscaling) {
    if (autoscaling.min > autoscaling.max) ctx.error('SETTING_CONFLICT', `Service ${name}: autoscaling.min ${autoscaling.min} is greater than autoscaling.max ${autoscaling.max}.`, extOrigin, 'Make min ≤ max.');
    if (autoscaling.cpu_target === undefined && autoscaling.memory_target === undefined && autoscaling.requests_per_target === undefined) {
      ctx.error('SETTING_CONFLICT', `Service ${name}: autoscaling needs at least one of cpu_target, memory_target or requests_per_target.`, extOrigin, 'Add cpu_target: 70, for example.');
    }
    if (autoscaling.requests_per_target !== undefined && kind !== 'web') ctx.error('SETTING_CONFLICT', `Service ${name}: requests_per_target needs the ALB, but the service is kind ${kind}.`, extOrigin, 'Use cpu_target or memory_target.');
  }
  const size = taskSize(compose, ext, extOrigin, ctx);
  const replicas = compose.deploy?.replicas?.value ?? numberOrUndefined(scalarString(rawEntry(compose.raw, 'scale')));
  const { mounts, scratchPaths } = volumeMounts(compose, ctx);
  const healthCheck = containerHealthCheck(compose, ctx);
  const stop = stopTimeout(compose, ctx, options.parseDurationSeconds);
  const readOnly = compose.readOnly?.value ?? false;
  return {
    name,
    id: terraformId(name),
    awsName: aws,
    origin,
    kind,
    image: compose.build ? { kind: 'repository', repository: terraformId(ext.image?.name ?? name) } : { kind: 'public', reference: compose.image?.value ?? '' },
    cpuUnits: size.cpuUnits,
    memoryMiB: size.memoryMiB,
    desiredCount: ext.desired_count ?? replicas ?? autoscaling?.min ?? 1,
    architecture,
    spot,
    exec: ext.exec ?? settings.exec,
    ports,
    ...(mainPort !== undefined ? { mainPort } : {}),
    routes,
    ...(kind === 'web' ? { loadBalancerHealthCheck: loadBalancerHealthCheck(compose, ext, extOrigin, ctx) } : {}),
    ...(healthCheck ? { containerHealthCheck: healthCheck } : {}),
    environment: env.environment,
    secretEnv: env.secretEnv,
    ...(compose.command ? { command: compose.command.value } : {}),
    ...(compose.entrypoint ? { entrypoint: compose.entrypoint.value } : {}),
    ...(compose.user ? { user: compose.user.value } : {}),
    ...(compose.workingDir ? { workingDirectory: compose.workingDir.value } : {}),
    readonlyRootFilesystem: readOnly,
    dockerLabels: dockerLabels(compose),
    linux: linuxParameters(compose),
    ulimits: ulimits(compose),
    scratchPaths,
    mounts,
    securityGroup: ext.security_group ?? defaultSecurityGroup(kind, name),
    exposure,
    subnets: exposure === 'public-ip' ? 'public' : 'private',
    ...(ext.discovery_name ? { discoveryName: ext.discovery_name } : {}),
    ...(autoscaling
      ? {
          autoscaling: {
            min: autoscaling.min,
            max: autoscaling.max,
            ...(autoscaling.cpu_target !== undefined ? { cpuTarget: autoscaling.cpu_target } : {}),
            ...(autoscaling.memory_target !== undefined ? { memoryTarget: autoscaling.memory_target } : {}),
            ...(autoscaling.requests_per_target !== undefined ? { requestsPerTarget: autoscaling.requests_per_target } : {}),
            scaleInCooldownSeconds: autoscaling.scale_in_cooldown_seconds,
            scaleOutCooldownSeconds: autoscaling.scale_out_cooldown_seconds,
          },
        }
      : {}),
    alarms: ext.alarms ?? settings.alarms.enabled,
    ...(stop !== undefined ? { stopTimeoutSeconds: stop } : {}),
    dependsOn: compose.dependsOn.map((d) => ({ service: d.service, condition: d.condition === 'service_healthy' ? 'HEALTHY' : d.condition === 'service_completed_successfully' ? 'COMPLETE' : 'START' })),
  };
}

function defaultSecurityGroup(kind: ServiceKind, name: string): string {
  switch (kind) {
    case 'web':
      return 'ecs_api';
    case 'internal':
      return 'ecs_internal';
    case 'worker':
      return 'ecs_worker';
    case 'tcp':
      return terraformId(name);
  }
}

function externalSystem(c: Classified, ctx: ModelContext): ExternalSystem {
  const settings = c.ext.external;
  const secret = settings?.secret ?? `${awsName(c.compose.name)}-url`;
  ctx.decide('mapped', c.extOrigin, `Runs outside AWS: variables that point at ${c.compose.name} get their value from the secret "${secret}", which you fill in.`, c.compose.name);
  return { name: c.compose.name, secret, ...(settings?.description ? { description: settings.description } : {}), variables: settings?.variables ?? [] };
}

function staticSite(c: Classified, ctx: ModelContext): StaticSite | undefined {
  const settings = c.ext.static_site;
  const origin: Origin = { at: c.compose.at, path: `services.${c.compose.name}` };
  if (!c.compose.build) {
    ctx.error('SETTING_CONFLICT', `Service ${c.compose.name} is a static-site but has no build context to build it from.`, c.extOrigin, 'Add `build:` with the directory of the site.');
    return undefined;
  }
  ctx.decide('mapped', c.extOrigin, `Built with \`${settings?.build_command ?? 'npm ci && npm run build'}\` and served from S3 through CloudFront (origin access control, HTTPS only).`, c.compose.name);
  return {
    name: c.compose.name,
    id: terraformId(c.compose.name),
    awsName: awsName(c.compose.name),
    buildContext: c.compose.build.context,
    buildCommand: settings?.build_command ?? 'npm ci && npm run build',
    outputDir: settings?.output_dir ?? 'dist',
    spa: settings?.spa ?? true,
    aliases: settings?.aliases ?? [],
    ...(settings?.certificate_arn ? { certificateArn: settings.certificate_arn } : {}),
    priceClass: settings?.price_class ?? 'PriceClass_100',
    origin,
  };
}

function efsVolumes(services: readonly Service[], project: ComposeProject, ctx: ModelContext): EfsVolume[] {
  const usage = new Map<string, string[]>();
  for (const s of services) for (const m of s.mounts) usage.set(m.volume, [...(usage.get(m.volume) ?? []), s.name]);
  const volumes: EfsVolume[] = [];
  for (const [name, usedBy] of [...usage].sort(([a], [b]) => a.localeCompare(b))) {
    const declared = project.volumes.find((v) => v.name === name);
    const origin: Origin = declared ? { at: declared.at, path: `volumes.${name}` } : services.find((s) => s.mounts.some((m) => m.volume === name))!.origin;
    if (!declared) ctx.error('UNKNOWN_SERVICE', `Volume ${name} is used but not declared under the top-level volumes.`, origin, `Add \`${name}:\` under \`volumes:\`.`);
    if (declared?.external) ctx.warn('COMPOSE_APPROXIMATED', `Volume ${name} is external in Compose; ecsform creates a new EFS access point for it.`, origin);
    volumes.push({ name, id: terraformId(name), usedBy: [...new Set(usedBy)].sort(), origin });
  }
  return volumes;
}

function repositories(classified: readonly Classified[], services: readonly Service[], settings: ProjectExtension): Repository[] {
  const repos = new Map<string, Repository>();
  for (const c of classified) {
    if (!c.compose.build || !['web', 'internal', 'tcp', 'worker'].includes(c.role)) continue;
    const id = terraformId(c.ext.image?.name ?? c.compose.name);
    const service = services.find((s) => s.name === c.compose.name);
    const existing = repos.get(id);
    if (existing) {
      repos.set(id, { ...existing, services: [...existing.services, c.compose.name].sort() });
      continue;
    }
    repos.set(id, {
      name: awsName(c.ext.image?.name ?? c.compose.name),
      id,
      mode: c.ext.image?.repository ?? settings.registry.repositories,
      build: { context: c.compose.build.context, ...(c.compose.build.dockerfile ? { dockerfile: c.compose.build.dockerfile } : {}), ...(c.compose.build.target ? { target: c.compose.build.target } : {}), args: c.compose.build.args.filter((a): a is { name: string; value: string } => a.value !== undefined) },
      architecture: service?.architecture ?? settings.architecture,
      services: [c.compose.name],
      origin: { at: c.compose.build.at, path: c.compose.build.path },
    });
  }
  return [...repos.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function suppressions(settings: ProjectExtension, classified: readonly Classified[], at: SourcePoint): Suppression[] {
  const out: Suppression[] = settings.suppress.map((s) => ({ rule: s.rule, ...(s.resource ? { resource: s.resource } : {}), reason: s.reason, origin: { at, path: 'x-ecsform.suppress' } }));
  for (const c of classified) for (const s of c.ext.suppress) out.push({ rule: s.rule, ...(s.resource ? { resource: s.resource } : {}), service: c.compose.name, reason: s.reason, origin: c.extOrigin });
  return out;
}

function withClient(database: Database, client: string): Database {
  return database.clients.includes(client) ? database : { ...database, clients: [...database.clients, client].sort() };
}

function numberOrUndefined(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}


/**
 * The Compose project name as the first part of AWS resource names: `my_app` becomes `my-app`
 * (dashes are the only separator every resource name accepts).
 */
function awsProjectName(composeName: string, at: SourcePoint, ctx: ModelContext): string {
  const name = awsName(composeName);
  const origin = { at, path: 'name' };
  if (!/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(name)) {
    ctx.error('PROJECT_NAME', `The project name ${JSON.stringify(composeName)} cannot start AWS resource names: they need 2-32 lowercase letters, digits and dashes, starting with a letter.`, origin, 'Set x-ecsform.project (for example `x-ecsform: { project: my-app }`) or pass -p with a shorter name.');
  } else if (name !== composeName) {
    ctx.decide('rewritten', origin, `Project name ${composeName} becomes ${name} in AWS resource names.`);
  }
  return name;
}
