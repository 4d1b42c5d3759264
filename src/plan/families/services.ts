/**
 * One task definition and one ECS service per Compose service: Fargate, private subnets,
 * circuit breaker with rollback, the load balancer and service discovery wiring, and the
 * container definition with secrets injected by ARN.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, block, call, cond, dynamic, NULL, num, ref, str, tuple, type BodyInput } from '../../hcl/build.js';
import type { ContainerSpec, EnvPart, Service } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import type { ClusterRefs, DiscoveryRefs } from './cluster.js';
import { containerDefinition, scratchVolumeName } from './container-definition.js';
import type { IamRefs } from './iam.js';
import { fargatePairCondition, FARGATE_PAIR_MESSAGE, isOn, type ServiceKnobs } from './knobs.js';
import type { LoadBalancerRefs } from './load-balancer.js';
import type { LogRefs } from './logs.js';
import type { NetworkRefs } from './network.js';
import type { RegistryRefs } from './registry.js';
import type { SecretRefs } from './secrets.js';
import { securityGroupId } from './security-groups.js';
import type { StorageRefs } from './storage.js';
import { ECS_ENV_SECRET, ECS_PUBLIC_IP, ECS_READONLY_ROOT_FILESYSTEM } from '../../security/index.js';

export interface ServiceInputs {
  readonly network: NetworkRefs;
  readonly cluster: ClusterRefs;
  readonly iam: IamRefs;
  readonly registry: RegistryRefs;
  readonly secrets: SecretRefs;
  readonly logs: LogRefs;
  readonly discovery: DiscoveryRefs;
  readonly loadBalancers: LoadBalancerRefs;
  readonly storage: StorageRefs;
  readonly knobs: ReadonlyMap<string, ServiceKnobs>;
  /** Values only known once other parts of the stack exist (RDS endpoints, URLs...). */
  readonly envPart: (part: Exclude<EnvPart, { kind: 'text' }>) => Expr;
}

export function planServices(ctx: PlanContext, inputs: ServiceInputs): void {
  for (const service of ctx.model.services) {
    const knobs = inputs.knobs.get(service.name)!;
    ctx.add('services', [taskDefinition(ctx, service, knobs, inputs), ecsService(ctx, service, knobs, inputs)], `Service: ${service.name} (${service.kind})`);
  }
}

function taskDefinition(ctx: PlanContext, service: Service, knobs: ServiceKnobs, inputs: ServiceInputs) {
  const imageOf = (c: ContainerSpec) => (c.image.kind === 'repository' ? inputs.registry.imageOf(c.image.repository) : str(c.image.reference));
  const definitionOf = (c: ContainerSpec, essential: boolean) =>
    containerDefinition(c, { image: imageOf(c), essential, logGroup: inputs.logs.groupOf(service), region: ref('var.aws_region'), secretArnOf: inputs.secrets.arnOf, envPart: inputs.envPart });
  const containers = [...service.sidecars.map((s) => definitionOf(s, s.essential)), definitionOf(service, true)];
  const allContainers: readonly ContainerSpec[] = [...service.sidecars, service];
  const comments = [
    ...(service.readonlyRootFilesystem
      ? []
      : [`ecsform:ignore ${ECS_READONLY_ROOT_FILESYSTEM} Compose service ${service.name} does not set read_only: true, so the image may write to its filesystem; set it (with tmpfs for scratch paths) to harden.`]),
    ...service.environment.filter((e) => e.plainByChoice).map((e) => `ecsform:ignore ${ECS_ENV_SECRET} ${e.name} looks like a secret but is marked plain in x-ecsform.env, so it stays in the task definition.`),
  ];
  return block(
    'resource',
    ['aws_ecs_task_definition', service.id],
    [
      attr('family', ctx.name(service.awsName)),
      attr('requires_compatibilities', ['FARGATE']),
      attr('network_mode', 'awsvpc'),
      attr('cpu', knobs.cpu),
      attr('memory', knobs.memory),
      attr('execution_role_arn', inputs.iam.executionRoleArn),
      attr('task_role_arn', inputs.iam.taskRoleArn),
      block('runtime_platform', [], [attr('operating_system_family', 'LINUX'), attr('cpu_architecture', service.architecture === 'arm64' ? 'ARM64' : 'X86_64')]),
      ...allContainers
        .flatMap((c) => c.mounts.map((m) => m.volume))
        .filter((v, i, all) => all.indexOf(v) === i && !service.taskVolumes.includes(v))
        .map((volume) =>
          block('volume', [], [
            attr('name', volume),
            block('efs_volume_configuration', [], [
              attr('file_system_id', inputs.storage.fileSystemId!),
              attr('transit_encryption', 'ENABLED'),
              block('authorization_config', [], [attr('access_point_id', inputs.storage.accessPointIdOf(volume)!), attr('iam', 'ENABLED')]),
            ]),
          ]),
        ),
      ...allContainers.flatMap((c) => c.scratchPaths.map((_, i) => block('volume', [], [attr('name', scratchVolumeName(c, i))]))),
      ...service.taskVolumes.map((name) => block('volume', [], [attr('name', name)])),
      attr('container_definitions', call('jsonencode', tuple(containers, true))),
      ctx.tags(),
      ctx.isModule
        ? block('lifecycle', [], [block('precondition', [], [attr('condition', fargatePairCondition(knobs.cpu, knobs.memory)), attr('error_message', str(FARGATE_PAIR_MESSAGE))])])
        : undefined,
    ],
    comments.length > 0 ? comments : undefined,
  );
}

function ecsService(ctx: PlanContext, service: Service, knobs: ServiceKnobs, inputs: ServiceInputs) {
  const targets = inputs.loadBalancers.targetsOf(service);
  const registry = inputs.discovery.registryArnOf(service.name);
  const publicIp = service.subnets === 'public';
  const comments = [
    ...(publicIp ? [`ecsform:ignore ${ECS_PUBLIC_IP} x-ecsform asks for ${service.name} to be reached directly on a public IP (exposure: public-ip).`] : []),
  ];
  const autoscaled = isOn(knobs.autoscaling);
  const body: BodyInput[] = [
    attr('name', ctx.name(service.awsName)),
    attr('cluster', inputs.cluster.clusterId),
    attr('task_definition', ref(`aws_ecs_task_definition.${service.id}.arn`)),
    attr('desired_count', knobs.desiredCount),
    ...capacity(knobs, inputs.cluster.capacityProviders !== undefined).attributes,
    attr('platform_version', 'LATEST'),
    attr('enable_execute_command', switchValue(knobs.exec)),
    attr('propagate_tags', 'SERVICE'),
    attr('enable_ecs_managed_tags', true),
    attr('deployment_minimum_healthy_percent', 100),
    attr('deployment_maximum_percent', 200),
    targets.length > 0 && service.exposure === 'alb' ? attr('health_check_grace_period_seconds', num(service.loadBalancerHealthCheck!.gracePeriodSeconds)) : undefined,
    ...capacity(knobs, inputs.cluster.capacityProviders !== undefined).blocks,
    block('deployment_circuit_breaker', [], [attr('enable', true), attr('rollback', true)]),
    block('network_configuration', [], [
      attr('subnets', publicIp ? inputs.network.publicSubnetIds : inputs.network.privateSubnetIds),
      attr('security_groups', [ref(securityGroupId(service.securityGroup))]),
      attr('assign_public_ip', publicIp),
    ]),
    ...targets.map((t) => block('load_balancer', [], [attr('target_group_arn', t.targetGroupArn), attr('container_name', service.awsName), attr('container_port', num(t.containerPort))])),
    registry ? block('service_registries', [], [attr('registry_arn', registry)]) : undefined,
    inputs.discovery.serviceConnect ? serviceConnect(ctx, service, inputs) : undefined,
    ctx.tags(),
    autoscaled || ctx.isModule
      ? block('lifecycle', [], [attr('ignore_changes', [ref('desired_count')])], 'Autoscaling owns the running count once the service exists.')
      : undefined,
    (() => {
      // A target group only accepts targets once a listener or rule forwards to it, and a Spot
      // service fails to start until the cluster has the FARGATE_SPOT capacity provider.
      const deps = [
        ...inputs.loadBalancers.listenerDependencies(service),
        ...(inputs.cluster.capacityProviders ? [inputs.cluster.capacityProviders] : []),
        ...(ctx.model.iam.existingRoles ? [] : [ref('aws_iam_role_policy.ecs_execution')]),
      ];
      return deps.length > 0 ? attr('depends_on', deps) : undefined;
    })(),
  ];
  return block('resource', ['aws_ecs_service', service.id], body, comments.length > 0 ? comments : undefined);
}

/**
 * Service Connect: the service joins the namespace as a client, and a service others call also
 * publishes each port under its Compose name, so `http://keycloak:8080` works unchanged.
 */
function serviceConnect(ctx: PlanContext, service: Service, inputs: ServiceInputs) {
  const server = ctx.model.discovery?.services.includes(service.name) ?? false;
  const dnsName = service.discoveryName ?? service.name;
  return block('service_connect_configuration', [], [
    attr('enabled', true),
    attr('namespace', ref('aws_service_discovery_private_dns_namespace.main.arn')),
    ...(server
      ? service.ports
          .filter((p) => p.protocol === 'tcp')
          .map((p, i) =>
            block('service', [], [
              attr('port_name', p.name),
              attr('discovery_name', i === 0 ? dnsName.replace(/_/g, '-') : `${dnsName.replace(/_/g, '-')}-${p.containerPort}`),
              block('client_alias', [], [attr('dns_name', dnsName), attr('port', num(p.containerPort))]),
            ]),
          )
      : []),
    block('log_configuration', [], [
      attr('log_driver', 'awslogs'),
      attr('options', { 'awslogs-group': inputs.logs.groupOf(service), 'awslogs-region': ref('var.aws_region'), 'awslogs-stream-prefix': str('service-connect') }),
    ]),
  ]);
}

/**
 * Fargate, Fargate Spot, or a switch between them: the attributes, and the strategy block. On a
 * cluster this stack registers both capacity providers on, the service always has a strategy:
 * ECS changes a strategy in place only with a new deployment (`force_new_deployment`), while going
 * from `launch_type` to a strategy or back replaces the service.
 */
function capacity(knobs: ServiceKnobs, providersRegistered: boolean): { attributes: BodyInput[]; blocks: BodyInput[] } {
  const spot = knobs.spot;
  if (providersRegistered) {
    const provider = spot.kind === 'static' ? str(spot.on ? 'FARGATE_SPOT' : 'FARGATE') : cond(spot.ref, 'FARGATE_SPOT', 'FARGATE');
    return {
      attributes: [attr('force_new_deployment', true)],
      blocks: [block('capacity_provider_strategy', [], [attr('capacity_provider', provider), attr('weight', 1)], 'Switching Spot on or off changes the strategy in place, with a new deployment (force_new_deployment).')],
    };
  }
  if (spot.kind === 'static') {
    return spot.on ? { attributes: [], blocks: [block('capacity_provider_strategy', [], [attr('capacity_provider', 'FARGATE_SPOT'), attr('weight', 1)])] } : { attributes: [attr('launch_type', 'FARGATE')], blocks: [] };
  }
  return {
    attributes: [attr('launch_type', cond(spot.ref, NULL, 'FARGATE'))],
    blocks: [dynamic('capacity_provider_strategy', cond(spot.ref, [num(1)], []), [attr('capacity_provider', 'FARGATE_SPOT'), attr('weight', 1)])],
  };
}

function switchValue(s: ServiceKnobs['exec']): Expr {
  return s.kind === 'variable' ? s.ref : { kind: 'literal', value: s.on };
}

