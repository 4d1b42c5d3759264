/**
 * Which estimator prices which resource type, and which types cost nothing by themselves. A type
 * in neither list is reported as not estimated ("no price"), never assumed free.
 */
import type { ResourceEstimator } from './estimator.js';
import { estimateCloudFront } from './cloudfront.js';
import { estimateEcsCluster, estimateLogGroup, estimateMetricAlarm } from './cloudwatch.js';
import { estimateHostedZone } from './dns.js';
import { estimateEcsService } from './fargate/ecs-service.js';
import { estimateKmsKey } from './kms.js';
import { estimateLoadBalancer } from './load-balancer.js';
import { estimateElasticIp, estimateNatGateway } from './network.js';
import { estimateDbInstance } from './rds.js';
import { estimateSecret } from './secrets-manager.js';
import { estimateEcrRepository, estimateEfs, estimateS3Bucket } from './storage.js';
import { estimateWebAcl } from './waf.js';

export const ESTIMATORS: ReadonlyMap<string, ResourceEstimator> = new Map([
  ['aws_ecs_service', estimateEcsService],
  ['aws_ecs_cluster', estimateEcsCluster],
  ['aws_nat_gateway', estimateNatGateway],
  ['aws_eip', estimateElasticIp],
  ['aws_lb', estimateLoadBalancer],
  ['aws_alb', estimateLoadBalancer],
  ['aws_db_instance', estimateDbInstance],
  ['aws_secretsmanager_secret', estimateSecret],
  ['aws_cloudwatch_log_group', estimateLogGroup],
  ['aws_cloudwatch_metric_alarm', estimateMetricAlarm],
  ['aws_efs_file_system', estimateEfs],
  ['aws_ecr_repository', estimateEcrRepository],
  ['aws_s3_bucket', estimateS3Bucket],
  ['aws_cloudfront_distribution', estimateCloudFront],
  ['aws_service_discovery_private_dns_namespace', estimateHostedZone],
  ['aws_service_discovery_public_dns_namespace', estimateHostedZone],
  ['aws_route53_zone', estimateHostedZone],
  ['aws_kms_key', estimateKmsKey],
  ['aws_kms_replica_key', estimateKmsKey],
  ['aws_wafv2_web_acl', estimateWebAcl],
]);

/** Types AWS does not charge for by themselves (their traffic or storage is priced elsewhere). */
const FREE_TYPES: ReadonlySet<string> = new Set([
  'aws_vpc',
  'aws_subnet',
  'aws_internet_gateway',
  'aws_egress_only_internet_gateway',
  'aws_route',
  'aws_route_table',
  'aws_route_table_association',
  'aws_main_route_table_association',
  'aws_default_route_table',
  'aws_default_network_acl',
  'aws_network_acl',
  'aws_network_acl_rule',
  'aws_default_security_group',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc_dhcp_options',
  'aws_vpc_dhcp_options_association',
  // Flow logs are billed as ingestion into their log group, which is priced.
  'aws_flow_log',
  'aws_ecs_task_definition',
  'aws_ecs_cluster_capacity_providers',
  'aws_lb_listener',
  'aws_lb_listener_rule',
  'aws_lb_listener_certificate',
  'aws_lb_target_group',
  'aws_lb_target_group_attachment',
  'aws_alb_listener',
  'aws_alb_listener_rule',
  'aws_alb_target_group',
  'aws_alb_target_group_attachment',
  'aws_db_subnet_group',
  'aws_db_parameter_group',
  'aws_db_option_group',
  'aws_efs_mount_target',
  'aws_efs_access_point',
  'aws_efs_file_system_policy',
  'aws_ecr_lifecycle_policy',
  'aws_ecr_repository_policy',
  'aws_cloudfront_origin_access_control',
  'aws_cloudfront_origin_access_identity',
  'aws_cloudfront_response_headers_policy',
  'aws_cloudfront_cache_policy',
  'aws_cloudfront_origin_request_policy',
  'aws_kms_alias',
  'aws_kms_grant',
  'aws_secretsmanager_secret_version',
  'aws_secretsmanager_secret_policy',
  'aws_appautoscaling_target',
  'aws_appautoscaling_policy',
  'aws_appautoscaling_scheduled_action',
  // Its instances are priced on the ECS service that registers them.
  'aws_service_discovery_service',
  'aws_service_discovery_http_namespace',
  'aws_cloudwatch_log_stream',
  'aws_cloudwatch_log_resource_policy',
  'aws_sns_topic_subscription',
  'aws_sns_topic_policy',
  'aws_route53_record',
  'aws_acm_certificate',
  'aws_acm_certificate_validation',
  // The web ACL is priced; associating it with a resource costs nothing more.
  'aws_wafv2_web_acl_association',
]);

/** Why some billable types are not estimated, when there is more to say than "no price". */
export const UNPRICED_REASONS: ReadonlyMap<string, string> = new Map([
  ['aws_efs_backup_policy', 'backups of the file system are stored by AWS Backup, which the price file does not price'],
  ['aws_sns_topic', 'SNS charges per request and delivery; the price file has no SNS prices'],
  ['aws_vpc_endpoint', 'interface endpoints are charged per hour and per GB; the price file has no endpoint prices'],
  ['aws_cloudwatch_composite_alarm', 'composite alarms have no price in the price file'],
  ['aws_cloudwatch_dashboard', 'dashboards have no price in the price file'],
  ['aws_rds_cluster', 'Aurora has no price in the price file'],
  ['aws_rds_cluster_instance', 'Aurora has no price in the price file'],
]);

/** Families of configuration-only resources: IAM, and the settings of an S3 bucket. */
const FREE_PREFIXES = ['aws_iam_', 'aws_s3_bucket_'];

export function isFreeType(type: string): boolean {
  return FREE_TYPES.has(type) || FREE_PREFIXES.some((prefix) => type.startsWith(prefix));
}
