/**
 * Outputs: the URLs to open, the repositories CI pushes to, the secrets to fill in, and one
 * structured `smoke_test` object that `ecsform smoke` reads to check the running stack.
 */
import type { Expr } from '../../hcl/ast.js';
import { forObject, obj, ref, str, tmpl, tuple, type ExprLike } from '../../hcl/build.js';
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
  if (model.services.length > 0) out('smoke_test', 'What `ecsform smoke` checks after a deploy: services, target groups, URLs and log groups.', smokeTest(ctx, inputs));
}

function smokeTest(ctx: PlanContext, inputs: OutputInputs): Expr {
  const { model } = ctx;
  const lbUrl = inputs.loadBalancers.albDnsName ? tmpl`https://${inputs.loadBalancers.albDnsName}` : undefined;
  const record: Record<string, ExprLike | undefined> = {
    region: ref('var.aws_region'),
    cluster: inputs.cluster.clusterName,
    services: tuple(model.services.map((s) => ref(`aws_ecs_service.${s.id}.name`)), true),
    target_groups: tuple(model.services.flatMap((s) => inputs.loadBalancers.targetsOf(s).map((t) => t.targetGroupArn)), true),
    log_groups: tuple([...new Set(model.services.map((s) => inputs.logs.groupOf(s)))], true),
    urls: tuple(
      [
        ...(lbUrl
          ? model.services
              .filter((s) => s.exposure === 'alb')
              .map((s) => obj({ name: str(s.name), url: tmpl`${lbUrl}${healthPath(s.loadBalancerHealthCheck?.path)}`, expect: str('not-5xx') }, false))
          : []),
        ...model.staticSites.map((site) => obj({ name: str(site.name), url: tmpl`${inputs.staticSites.urlOf(site.name)}/`, expect: str('2xx') }, false)),
      ],
      true,
    ),
  };
  return obj(record, true);
}

function healthPath(path: string | undefined): string {
  return path && path !== '/' ? path : '/';
}


