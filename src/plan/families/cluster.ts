/**
 * The ECS cluster (Container Insights on, ECS Exec sessions logged), its Fargate / Fargate Spot
 * capacity providers, and the Cloud Map namespace services find each other in.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, block, call, cond, ref, str, tmpl } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { isOn, type ServiceKnobs } from './knobs.js';
import type { LogRefs } from './logs.js';
import type { NetworkRefs } from './network.js';
import { ECS_CONTAINER_INSIGHTS } from '../../security/index.js';

export interface ClusterRefs {
  readonly clusterId: Expr;
  readonly clusterName: Expr;
  readonly clusterArn: Expr;
  /** The cluster's capacity providers, when this stack sets them: Spot services wait for them. */
  readonly capacityProviders?: Expr;
}

export function planCluster(ctx: PlanContext, logs: LogRefs, knobs: ReadonlyMap<string, ServiceKnobs>): ClusterRefs {
  const cluster = ctx.model.cluster;
  if (cluster.existing) {
    const name = ctx.variable('cluster_name', { description: 'Name of the existing ECS cluster to run the services in.', type: types.string });
    const data = ctx.data('aws_ecs_cluster', 'main', [attr('cluster_name', name)], 'cluster');
    return { clusterId: ref(`${data}.arn`), clusterName: name, clusterArn: ref(`${data}.arn`) };
  }
  const name: Expr = ctx.isModule
    ? ctx.variable('cluster_name', { description: 'Name of the ECS cluster.', type: types.string, default: cluster.name ?? ctx.model.project.name, validations: [{ condition: call('can', call('regex', str('^[A-Za-z0-9_-]{1,255}$'), ref('var.cluster_name'))), message: 'cluster_name may contain letters, digits, hyphens and underscores (at most 255).' }] })
    : cluster.name !== undefined
      ? str(cluster.name)
      : ctx.name('cluster');
  const insights: Expr = ctx.isModule
    ? cond(ctx.variable('enable_container_insights', { description: 'Collect Container Insights metrics for the cluster.', type: types.bool, default: cluster.containerInsights !== 'disabled' }), str(cluster.containerInsights === 'enhanced' ? 'enhanced' : 'enabled'), str('disabled'))
    : str(cluster.containerInsights);
  const anyExec = ctx.model.services.some((s) => isOn(knobs.get(s.name)!.exec));
  const cmk = ctx.model.encryption.customerKey;
  ctx.add(
    'cluster',
    block('resource', ['aws_ecs_cluster', 'main'], [
      attr('name', name),
      block('setting', [], [attr('name', 'containerInsights'), attr('value', insights)]),
      anyExec && logs.execGroup
        ? block('configuration', [], [
            block('execute_command_configuration', [], [
              cmk ? attr('kms_key_id', ref('aws_kms_key.main.arn')) : undefined,
              attr('logging', 'OVERRIDE'),
              block('log_configuration', [], [attr('cloud_watch_encryption_enabled', cmk), attr('cloud_watch_log_group_name', logs.execGroup)]),
            ]),
          ])
        : undefined,
      ctx.model.discovery?.mode === 'service-connect'
        ? block('service_connect_defaults', [], [attr('namespace', ref('aws_service_discovery_private_dns_namespace.main.arn'))])
        : undefined,
      ctx.tags(),
    ], cluster.containerInsights === 'disabled' && !ctx.isModule ? [`ecsform:ignore ${ECS_CONTAINER_INSIGHTS} Container Insights is off because x-ecsform.cluster.container_insights is disabled.`] : undefined),
    'ECS cluster',
  );
  // Always both (they cost nothing): a service then switches between Fargate and Fargate Spot by
  // changing its strategy in place, instead of being replaced.
  ctx.add(
    'cluster',
    block('resource', ['aws_ecs_cluster_capacity_providers', 'main'], [
        attr('cluster_name', ref('aws_ecs_cluster.main.name')),
      attr('capacity_providers', ['FARGATE', 'FARGATE_SPOT']),
      block('default_capacity_provider_strategy', [], [attr('capacity_provider', 'FARGATE'), attr('weight', 1)]),
    ]),
  );
  return {
    clusterId: ref('aws_ecs_cluster.main.id'),
    clusterName: ref('aws_ecs_cluster.main.name'),
    clusterArn: ref('aws_ecs_cluster.main.arn'),
    capacityProviders: ref('aws_ecs_cluster_capacity_providers.main'),
  };
}

export interface DiscoveryRefs {
  /** Service Connect: every service joins the namespace; servers publish their ports by name. */
  readonly serviceConnect: boolean;
  readonly namespaceId?: Expr;
  readonly namespaceArn?: Expr;
  readonly namespaceName?: Expr;
  /** Cloud Map service ARN for a service registered by name. */
  readonly registryArnOf: (service: string) => Expr | undefined;
}

export function planDiscovery(ctx: PlanContext, network: NetworkRefs): DiscoveryRefs {
  const discovery = ctx.model.discovery;
  if (!discovery) return { serviceConnect: false, registryArnOf: () => undefined };
  const namespaceName = ctx.isModule
    ? ctx.variable('cloud_map_namespace', { description: 'Private DNS namespace (Cloud Map) for service discovery.', type: types.string, default: discovery.namespace })
    : str(discovery.namespace);
  ctx.add(
    'discovery',
    block('resource', ['aws_service_discovery_private_dns_namespace', 'main'], [
      attr('name', namespaceName),
      attr('description', tmpl`Service discovery for ${ref('local.name_prefix')}`),
      attr('vpc', network.vpcId),
      ctx.tags(),
    ]),
    'Service discovery (Cloud Map)',
  );
  const registered = new Set(discovery.services);
  if (discovery.mode === 'cloud-map') {
    for (const service of ctx.model.services.filter((s) => registered.has(s.name))) {
      ctx.add(
        'discovery',
        block('resource', ['aws_service_discovery_service', service.id], [
          attr('name', service.discoveryName ?? service.name),
          block('dns_config', [], [
            attr('namespace_id', ref('aws_service_discovery_private_dns_namespace.main.id')),
            attr('routing_policy', 'MULTIVALUE'),
            block('dns_records', [], [attr('ttl', 10), attr('type', 'A')]),
          ]),
          ctx.tags(),
        ], `${service.discoveryName ?? service.name}.<namespace> resolves to the tasks of ${service.name}.`),
      );
    }
  }
  return {
    serviceConnect: discovery.mode === 'service-connect',
    namespaceId: ref('aws_service_discovery_private_dns_namespace.main.id'),
    namespaceArn: ref('aws_service_discovery_private_dns_namespace.main.arn'),
    namespaceName: ref('aws_service_discovery_private_dns_namespace.main.name'),
    registryArnOf: (name) => (discovery.mode === 'cloud-map' && registered.has(name) ? ref(`aws_service_discovery_service.${ctx.model.services.find((s) => s.name === name)!.id}.arn`) : undefined),
  };
}

