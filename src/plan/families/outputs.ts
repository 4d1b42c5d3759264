/**
 * Outputs: the URLs to open, the repositories CI pushes to, the secrets to fill in, and one
 * structured `smoke_test` object that `ecsform smoke` reads to check the running stack.
 */
import type { Expr } from '../../hcl/ast.js';
import { call, forObject, index, NULL, obj, ref, str, tmpl, tuple, type ExprLike } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import type { ClusterRefs } from './cluster.js';
import type { LoadBalancerRefs } from './load-balancer.js';
import type { LogRefs } from './logs.js';
import type { NetworkRefs } from './network.js';
import type { RegistryRefs } from './registry.js';
import type { SecretRefs } from './secrets.js';
import type { StaticSiteRefs } from './static-site.js';
import type { StorageRefs } from './storage.js';

export interface OutputInputs {
  readonly network: NetworkRefs;
  readonly cluster: ClusterRefs;
  readonly registry: RegistryRefs;
  readonly secrets: SecretRefs;
  readonly logs: LogRefs;
  readonly loadBalancers: LoadBalancerRefs;
  readonly staticSites: StaticSiteRefs;
  readonly storage: StorageRefs;
  readonly alarmTopic?: Expr;
}

export function planOutputs(ctx: PlanContext, inputs: OutputInputs): void {
  if (ctx.model.project.mode === 'platform') return platformOutputs(ctx, inputs);
  const { model } = ctx;
  const out = (name: string, description: string, value: Expr) => ctx.output(name, { description, value });
  out('vpc_id', 'ID of the VPC the stack runs in.', inputs.network.vpcId);
  out('private_subnet_ids', 'IDs of the private subnets tasks run in.', inputs.network.privateSubnetIds);
  if (model.network.needsPublicSubnets || !model.network.existing) out('public_subnet_ids', 'IDs of the public subnets load balancers run in.', inputs.network.publicSubnetIds);
  out('ecs_cluster_name', 'Name of the ECS cluster.', inputs.cluster.clusterName);
  out('ecs_cluster_arn', 'ARN of the ECS cluster.', inputs.cluster.clusterArn);
  if (inputs.loadBalancers.albDnsName) {
    out('alb_dns_name', 'DNS name of the application load balancer (point your domain at it).', inputs.loadBalancers.albDnsName);
    out('alb_url', 'HTTPS URL of the application load balancer.', tmpl`https://${inputs.loadBalancers.albDnsName}`);
  }
  if (model.networkLoadBalancer) out('nlb_dns_name', 'DNS name of the network load balancer TCP clients connect to.', ref('aws_lb.nlb.dns_name'));
  for (const site of model.staticSites) {
    const suffix = model.staticSites.length === 1 ? '' : `_${site.id}`;
    out(`cloudfront_url${suffix}`, `HTTPS URL of ${site.name}.`, inputs.staticSites.urlOf(site.name));
    out(`static_site_bucket${suffix}`, `S3 bucket CI uploads the build of ${site.name} to.`, inputs.staticSites.bucketOf(site.name));
    out(`cloudfront_distribution_id${suffix}`, `CloudFront distribution of ${site.name}, for cache invalidations.`, inputs.staticSites.distributionIdOf(site.name));
  }
  if (inputs.registry.created.length > 0) {
    out('ecr_repository_urls', 'ECR repository URL of each built service; CI pushes images here.', forObject('name', 'repository', ref('aws_ecr_repository.services'), ref('name'), ref('repository.repository_url')));
  } else if (inputs.registry.lookedUp.length > 0) {
    out('ecr_repository_urls', 'ECR repository URL of each built service; CI pushes images here.', forObject('name', 'repository', ref('data.aws_ecr_repository.services'), ref('name'), ref('repository.repository_url')));
  }
  if (model.services.length > 0) {
    out('ecs_service_names', 'ECS service name of each Compose service.', obj(Object.fromEntries(model.services.map((s) => [s.name, ref(`aws_ecs_service.${s.id}.name`)])), true));
    out('log_group_names', 'CloudWatch log group of each Compose service.', obj(Object.fromEntries(model.services.map((s) => [s.name, inputs.logs.groupOf(s)])), true));
  }
  if (inputs.secrets.toSet.length > 0) {
    out(
      'secrets_to_set',
      'Secrets created empty: set each value once after the first apply (aws secretsmanager put-secret-value --secret-id <arn> --secret-string ...).',
      obj(Object.fromEntries(inputs.secrets.toSet.map((s) => [s.name, inputs.secrets.arnOf(s.name)])), true),
    );
  }
  for (const db of model.databases) {
    const suffix = model.databases.length === 1 ? '' : `_${db.id}`;
    out(`database_endpoint${suffix}`, `Endpoint (host:port) of the RDS instance replacing ${db.name}.`, ref(`aws_db_instance.${db.id}.endpoint`));
    out(`database_master_secret_arn${suffix}`, `Secrets Manager secret with the master credentials of ${db.name} (managed by RDS).`, ref(`aws_db_instance.${db.id}.master_user_secret[0].secret_arn`));
  }
  if (inputs.alarmTopic) out('alarm_topic_arn', 'SNS topic the alarms notify.', inputs.alarmTopic);
  if (ctx.isModule && model.services.length === 1) singleServiceOutputs(ctx, inputs);
  if (model.services.length > 0) out('smoke_test', 'What `ecsform smoke` checks after a deploy: services, target groups, URLs and log groups.', smokeTest(ctx, inputs));
}

/**
 * A module for one service also answers the questions its operators ask: what is deployed, and
 * the commands to look at it.
 */
function singleServiceOutputs(ctx: PlanContext, inputs: OutputInputs): void {
  const service = ctx.model.services[0]!;
  const out = (name: string, description: string, value: Expr) => ctx.output(name, { description, value });
  const serviceName = ref(`aws_ecs_service.${service.id}.name`);
  const cluster = inputs.cluster.clusterName;
  const logGroup = inputs.logs.groupOf(service);
  out('cluster_name', 'Name of the ECS cluster.', cluster);
  out('service_name', 'Name of the ECS service.', serviceName);
  out('cloudwatch_log_group_name', 'CloudWatch log group of the service.', logGroup);
  const repository = service.image.kind === 'repository' ? service.image.repository : undefined;
  if (repository) out('ecr_repository_url', 'ECR repository to push images to.', call('try', index(inputs.registry.created.length > 0 ? 'aws_ecr_repository.services' : 'data.aws_ecr_repository.services', str(ctx.model.repositories.find((r) => r.id === repository)!.name), 'repository_url'), NULL));
  out(
    'deployment_info',
    'Summary of what is deployed.',
    obj(
      {
        cluster,
        service: serviceName,
        task_definition: ref(`aws_ecs_task_definition.${service.id}.arn`),
        cpu: ref(`aws_ecs_task_definition.${service.id}.cpu`),
        memory: ref(`aws_ecs_task_definition.${service.id}.memory`),
        desired_count: ref(`aws_ecs_service.${service.id}.desired_count`),
        region: ref('var.aws_region'),
        log_group: logGroup,
      },
      true,
    ),
  );
  out(
    'useful_commands',
    'Commands to inspect and operate the service.',
    obj(
      {
        logs: tmpl`aws logs tail ${logGroup} --follow --region ${ref('var.aws_region')}`,
        events: tmpl`aws ecs describe-services --cluster ${cluster} --services ${serviceName} --query 'services[0].events[0:10]' --region ${ref('var.aws_region')}`,
        tasks: tmpl`aws ecs list-tasks --cluster ${cluster} --service-name ${serviceName} --region ${ref('var.aws_region')}`,
        exec: tmpl`aws ecs execute-command --cluster ${cluster} --task <task-id> --container ${service.awsName} --interactive --command /bin/sh --region ${ref('var.aws_region')}`,
        rollback: tmpl`terraform apply -var image_tag=<previous tag>`,
      },
      true,
    ),
  );
}

/**
 * A platform module is consumed by software that launches its own tasks: it gets exactly the
 * values that software is configured with (cluster, subnets, security groups, roles, EFS, logs,
 * namespace, registry).
 */
function platformOutputs(ctx: PlanContext, inputs: OutputInputs): void {
  const out = (name: string, description: string, value: Expr) => ctx.output(name, { description, value });
  out('vpc_id', 'ID of the VPC.', inputs.network.vpcId);
  out('private_subnet_ids', 'IDs of the private subnets tasks run in.', inputs.network.privateSubnetIds);
  out('public_subnet_ids', 'IDs of the public subnets (NAT gateways).', inputs.network.publicSubnetIds);
  out('ecs_cluster_arn', 'ARN of the ECS cluster.', inputs.cluster.clusterArn);
  out('ecs_cluster_name', 'Name of the ECS cluster.', inputs.cluster.clusterName);
  if (inputs.storage.fileSystemId) out('efs_filesystem_id', 'ID of the EFS file system for shared volumes.', inputs.storage.fileSystemId);
  out('log_group_name', 'Name of the CloudWatch log group containers write to.', ref('aws_cloudwatch_log_group.containers.name'));
  out('log_group_arn', 'ARN of the CloudWatch log group containers write to.', ref('aws_cloudwatch_log_group.containers.arn'));
  if (ctx.model.discovery) {
    out('cloud_map_namespace_id', 'ID of the Cloud Map private DNS namespace.', ref('aws_service_discovery_private_dns_namespace.main.id'));
    out('cloud_map_namespace_arn', 'ARN of the Cloud Map private DNS namespace.', ref('aws_service_discovery_private_dns_namespace.main.arn'));
  }
  if (!ctx.model.iam.existingRoles) {
    out('execution_role_arn', 'ARN of the task execution role (pulls images, writes logs).', ref('aws_iam_role.ecs_execution.arn'));
    out('task_role_arn', 'ARN of the task role (EFS, logs, Cloud Map registration).', ref('aws_iam_role.ecs_task.arn'));
  }
  const taskGroup = ctx.model.securityGroups.find((g) => g.id.startsWith('ecs_'));
  if (taskGroup) out('task_security_group_id', 'ID of the security group tasks run in.', ref(`aws_security_group.${taskGroup.id}.id`));
  if (ctx.model.securityGroups.some((g) => g.id === 'efs')) out('efs_security_group_id', 'ID of the security group of the EFS mount targets.', ref('aws_security_group.efs.id'));
  const repository = inputs.registry.created[0];
  if (repository && inputs.registry.created.length === 1) {
    out('ecr_repository_url', `URL of the ECR repository for the ${repository.name} image (null when not created).`, call('try', index('aws_ecr_repository.services', str(repository.name), 'repository_url'), NULL));
  }
}

function smokeTest(ctx: PlanContext, inputs: OutputInputs): Expr {
  const { model } = ctx;
  const albDns = inputs.loadBalancers.albDnsName;
  // The certificate names the real domain, not the ALB: `ecsform smoke` connects to the ALB and
  // sends this name as SNI and Host, so the check works before DNS points at the stack.
  const domain = model.project.domainName ? (ctx.variableSpec('domain_name') ? ref('var.domain_name') : str(model.project.domainName)) : undefined;
  // A path the service answers through the listener: its health path when a route covers it.
  const probePath = (service: (typeof model.services)[number]): string => {
    const health = healthPath(service.loadBalancerHealthCheck?.path);
    const prefixes = service.routes.map((r) => r.pathPrefix ?? '/');
    if (prefixes.length === 0 || prefixes.some((p) => p === '/' || health === p || health.startsWith(p.endsWith('/') ? p : `${p}/`))) return health;
    return prefixes[0]!;
  };
  const albUrl = (service: (typeof model.services)[number]) => {
    const routeHost = service.routes.find((r) => r.host)?.host;
    const host = routeHost !== undefined ? str(routeHost) : domain;
    return obj({ name: str(service.name), url: tmpl`https://${albDns!}${probePath(service)}`, expect: str('not-5xx'), host }, false);
  };
  const record: Record<string, ExprLike | undefined> = {
    region: ref('var.aws_region'),
    cluster: inputs.cluster.clusterName,
    // The task definition this apply registered: a PRIMARY deployment running another one was rolled back.
    services: tuple(model.services.map((s) => obj({ name: ref(`aws_ecs_service.${s.id}.name`), task_definition: ref(`aws_ecs_task_definition.${s.id}.arn`) }, false)), true),
    target_groups: tuple(model.services.flatMap((s) => inputs.loadBalancers.targetsOf(s).map((t) => obj({ service: str(s.name), arn: t.targetGroupArn }, false))), true),
    log_groups: tuple([...new Set(model.services.map((s) => inputs.logs.groupOf(s)))], true),
    urls: tuple(
      [
        ...(albDns ? model.services.filter((s) => s.exposure === 'alb').map(albUrl) : []),
        ...model.staticSites.map((site) => obj({ name: str(site.name), url: tmpl`${inputs.staticSites.urlOf(site.name)}/`, expect: str('2xx'), spa: site.spa }, false)),
      ],
      true,
    ),
  };
  return obj(record, true);
}

function healthPath(path: string | undefined): string {
  return path && path !== '/' ? path : '/';
}


