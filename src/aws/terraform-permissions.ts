/**
 * What `terraform plan` and `terraform apply` need from IAM for the resource types ecsform
 * generates, one entry per AWS service. The deploy role is built from the entries whose resource
 * types the stack actually contains, so a stack without a database never gets RDS permissions.
 *
 * Scoping rules, in order of preference:
 * - ARNs that carry a name are limited to this stack's name prefix (`{prefix}-*`). Patterns,
 *   not references: a resource added later is created by the same apply that would add its ARN.
 * - ARNs made of generated IDs (VPCs, keys, distributions...) are limited to the account and
 *   region, and the actions to the ones the stack's resource types use.
 * - Reads (Describe/List/Get of metadata, never data) go on `*`: most do not support resource-level
 *   permissions, and a plan must be able to refresh everything in the state.
 */
import type { StatementSpec } from './iam-statement.js';

export interface ServicePermissions {
  /** Statement id stem, e.g. `Network` → `NetworkWrite`. */
  readonly sid: string;
  /** Managed resource types that need `write` (and `read`). */
  readonly resources: readonly string[];
  /** Data sources and ephemeral resources that need `read` only. */
  readonly lookups?: readonly string[];
  /** Metadata reads for refresh; granted on `*`. */
  readonly read: readonly string[];
  /** Reads that reveal more than metadata elsewhere, so they stay on this stack's ARNs. */
  readonly scopedReads?: readonly StatementSpec[];
  /** Grants for create/update/delete; the sid defaults to `<sid>Write`. */
  readonly write: readonly (Omit<StatementSpec, 'sid'> & { readonly sid?: string })[];
  /** Service-linked roles AWS creates on first use of the service (`iam:AWSServiceName`). */
  readonly serviceLinkedRoles?: readonly string[];
  /** AWS services that create KMS grants on the caller's behalf (`kms:ViaService`). */
  readonly encryptsWithKms?: string;
}

const ARN = (service: string, resource: string, scope: 'regional' | 'global' = 'regional') =>
  scope === 'regional' ? `arn:{partition}:${service}:{region}:{account}:${resource}` : `arn:{partition}:${service}::{account}:${resource}`;

const GENERATED_IDS = 'are addressed by IDs AWS generates, so they are scoped to this account and region and the actions to what the stack declares';

export const TERRAFORM_PERMISSIONS: readonly ServicePermissions[] = [
  {
    sid: 'Network',
    resources: [
      'aws_vpc',
      'aws_subnet',
      'aws_internet_gateway',
      'aws_nat_gateway',
      'aws_eip',
      'aws_route_table',
      'aws_route',
      'aws_route_table_association',
      'aws_security_group',
      'aws_default_security_group',
      'aws_vpc_security_group_ingress_rule',
      'aws_vpc_security_group_egress_rule',
      'aws_flow_log',
    ],
    lookups: ['aws_availability_zones', 'aws_vpc', 'aws_subnet', 'aws_subnets', 'aws_security_group'],
    read: ['ec2:Describe*'],
    write: [
      {
        actions: [
          'ec2:AllocateAddress',
          'ec2:AssociateRouteTable',
          'ec2:AttachInternetGateway',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:CreateFlowLogs',
          'ec2:CreateInternetGateway',
          'ec2:CreateNatGateway',
          'ec2:CreateRoute',
          'ec2:CreateRouteTable',
          'ec2:CreateSecurityGroup',
          'ec2:CreateSubnet',
          'ec2:CreateTags',
          'ec2:CreateVpc',
          'ec2:DeleteFlowLogs',
          'ec2:DeleteInternetGateway',
          'ec2:DeleteNatGateway',
          'ec2:DeleteRoute',
          'ec2:DeleteRouteTable',
          'ec2:DeleteSecurityGroup',
          'ec2:DeleteSubnet',
          'ec2:DeleteTags',
          'ec2:DeleteVpc',
          'ec2:DetachInternetGateway',
          'ec2:DisassociateAddress',
          'ec2:DisassociateRouteTable',
          'ec2:ModifySecurityGroupRules',
          'ec2:ModifySubnetAttribute',
          'ec2:ModifyVpcAttribute',
          'ec2:ReleaseAddress',
          'ec2:ReplaceRoute',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
          'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
        ],
        resources: [ARN('ec2', '*')],
        wideBecause: `VPC resources ${GENERATED_IDS} (no RunInstances, peering or transit gateways)`,
      },
    ],
  },
  {
    sid: 'Ecs',
    resources: ['aws_ecs_cluster', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_service', 'aws_ecs_task_definition'],
    lookups: ['aws_ecs_cluster', 'aws_ecs_task_definition'],
    read: ['ecs:Describe*', 'ecs:List*'],
    write: [
      { sid: 'EcsManageStackResources', actions: ['ecs:*'], resources: [ARN('ecs', 'cluster/{cluster}'), ARN('ecs', 'service/{cluster}/{prefix}-*'), ARN('ecs', 'task-definition/{prefix}-*:*')] },
      {
        sid: 'EcsRegisterTaskDefinitions',
        actions: ['ecs:CreateCluster', 'ecs:DeregisterTaskDefinition', 'ecs:RegisterTaskDefinition'],
        resources: ['*'],
        wideBecause: 'ECS authorizes CreateCluster and (de)registering task definitions without a resource ARN',
      },
    ],
    serviceLinkedRoles: ['ecs.amazonaws.com'],
  },
  {
    sid: 'Ecr',
    resources: ['aws_ecr_repository', 'aws_ecr_lifecycle_policy', 'aws_ecr_repository_policy'],
    lookups: ['aws_ecr_repository', 'aws_ecr_image'],
    read: ['ecr:DescribeImages', 'ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:GetRepositoryPolicy', 'ecr:ListTagsForResource'],
    write: [{ actions: ['ecr:*'], resources: [ARN('ecr', 'repository/{prefix}/*')] }],
    encryptsWithKms: 'ecr',
  },
  {
    sid: 'Logs',
    resources: ['aws_cloudwatch_log_group'],
    read: ['logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:ListTagsLogGroup'],
    write: [
      {
        actions: [
          'logs:AssociateKmsKey',
          'logs:CreateLogGroup',
          'logs:DeleteLogGroup',
          'logs:DeleteRetentionPolicy',
          'logs:DisassociateKmsKey',
          'logs:PutRetentionPolicy',
          'logs:TagLogGroup',
          'logs:TagResource',
          'logs:UntagLogGroup',
          'logs:UntagResource',
        ],
        resources: [ARN('logs', 'log-group:/ecs/{prefix}/*'), ARN('logs', 'log-group:/vpc/{prefix}/*')],
      },
    ],
  },
  {
    sid: 'Iam',
    resources: ['aws_iam_role', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment', 'aws_iam_policy'],
    lookups: ['aws_iam_role', 'aws_iam_policy'],
    read: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:GetRole', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole', 'iam:ListPolicyVersions', 'iam:ListRolePolicies'],
    write: [
      {
        sid: 'IamManageStackRoles',
        actions: [
          'iam:AttachRolePolicy',
          'iam:CreateRole',
          'iam:DeleteRole',
          'iam:DeleteRolePolicy',
          'iam:DetachRolePolicy',
          'iam:PutRolePolicy',
          'iam:TagRole',
          'iam:UntagRole',
          'iam:UpdateAssumeRolePolicy',
          'iam:UpdateRole',
          'iam:UpdateRoleDescription',
        ],
        resources: ['arn:{partition}:iam::{account}:role/{prefix}-*'],
      },
      {
        sid: 'IamManageStackPolicies',
        actions: ['iam:CreatePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:TagPolicy', 'iam:UntagPolicy'],
        resources: ['arn:{partition}:iam::{account}:policy/{prefix}-*'],
      },
    ],
  },
  {
    sid: 'GithubOidc',
    resources: ['aws_iam_openid_connect_provider'],
    lookups: ['aws_iam_openid_connect_provider'],
    read: ['iam:GetOpenIDConnectProvider', 'iam:ListOpenIDConnectProviders'],
    write: [
      {
        actions: [
          'iam:AddClientIDToOpenIDConnectProvider',
          'iam:CreateOpenIDConnectProvider',
          'iam:DeleteOpenIDConnectProvider',
          'iam:RemoveClientIDFromOpenIDConnectProvider',
          'iam:TagOpenIDConnectProvider',
          'iam:UntagOpenIDConnectProvider',
          'iam:UpdateOpenIDConnectProviderThumbprint',
        ],
        resources: ['arn:{partition}:iam::{account}:oidc-provider/token.actions.githubusercontent.com'],
      },
    ],
  },
  {
    sid: 'Secrets',
    resources: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_version', 'aws_secretsmanager_secret_policy'],
    lookups: ['aws_secretsmanager_random_password'],
    read: ['secretsmanager:DescribeSecret', 'secretsmanager:GetRandomPassword', 'secretsmanager:GetResourcePolicy', 'secretsmanager:ListSecretVersionIds'],
    write: [
      {
        // No GetSecretValue: applying never needs to read a secret you set by hand.
        actions: [
          'secretsmanager:CreateSecret',
          'secretsmanager:DeleteResourcePolicy',
          'secretsmanager:DeleteSecret',
          'secretsmanager:PutResourcePolicy',
          'secretsmanager:PutSecretValue',
          'secretsmanager:RestoreSecret',
          'secretsmanager:TagResource',
          'secretsmanager:UntagResource',
          'secretsmanager:UpdateSecret',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        resources: [ARN('secretsmanager', 'secret:{prefix}/*')],
      },
    ],
    encryptsWithKms: 'secretsmanager',
  },
  {
    sid: 'Kms',
    resources: ['aws_kms_key', 'aws_kms_alias'],
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListAliases', 'kms:ListResourceTags'],
    write: [
      { sid: 'KmsCreateKey', actions: ['kms:CreateKey'], resources: ['*'], wideBecause: 'kms:CreateKey has no resource until the key exists' },
      {
        sid: 'KmsManageStackKey',
        actions: [
          'kms:CancelKeyDeletion',
          'kms:CreateAlias',
          'kms:DeleteAlias',
          'kms:DisableKeyRotation',
          'kms:EnableKeyRotation',
          'kms:PutKeyPolicy',
          'kms:ScheduleKeyDeletion',
          'kms:TagResource',
          'kms:UntagResource',
          'kms:UpdateAlias',
          'kms:UpdateKeyDescription',
        ],
        resources: [ARN('kms', 'key/*')],
        // Key IDs are generated; the tags Terraform puts on the key say it belongs to this stack.
        conditions: [
          { test: 'StringEquals', variable: 'aws:ResourceTag/project', values: ['{project}'] },
          { test: 'StringEquals', variable: 'aws:ResourceTag/environment', values: ['{environment}'] },
        ],
      },
      { sid: 'KmsManageStackAlias', actions: ['kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias'], resources: [ARN('kms', 'alias/{prefix}')] },
    ],
  },
  {
    sid: 'LoadBalancing',
    resources: ['aws_lb', 'aws_lb_listener', 'aws_lb_listener_rule', 'aws_lb_target_group', 'aws_lb_listener_certificate'],
    lookups: ['aws_lb', 'aws_lb_listener', 'aws_lb_target_group'],
    read: ['elasticloadbalancing:Describe*'],
    write: [
      {
        actions: ['elasticloadbalancing:*'],
        resources: [
          ARN('elasticloadbalancing', 'loadbalancer/*/{prefix}-*/*'),
          ARN('elasticloadbalancing', 'listener/*/{prefix}-*/*'),
          ARN('elasticloadbalancing', 'listener-rule/*/{prefix}-*/*'),
          ARN('elasticloadbalancing', 'targetgroup/{prefix}-*/*'),
        ],
      },
    ],
    serviceLinkedRoles: ['elasticloadbalancing.amazonaws.com'],
  },
  {
    sid: 'Buckets',
    resources: [
      'aws_s3_bucket',
      'aws_s3_bucket_lifecycle_configuration',
      'aws_s3_bucket_ownership_controls',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_versioning',
    ],
    // Bucket settings only: the provider reads a dozen of them to refresh one aws_s3_bucket.
    read: ['s3:GetAccelerateConfiguration', 's3:GetBucket*', 's3:GetEncryptionConfiguration', 's3:GetLifecycleConfiguration', 's3:GetReplicationConfiguration'],
    // HeadBucket, which every refresh starts with, is authorised as ListBucket: object names, so only ours.
    scopedReads: [{ sid: 'HeadStackBuckets', actions: ['s3:ListBucket'], resources: ['arn:{partition}:s3:::{prefix}-*'] }],
    write: [
      {
        // Bucket-level actions only: the pattern also matches object ARNs, none of these act on objects.
        actions: ['s3:CreateBucket', 's3:DeleteBucket', 's3:DeleteBucketPolicy', 's3:ListBucket', 's3:PutBucket*', 's3:PutEncryptionConfiguration', 's3:PutLifecycleConfiguration'],
        resources: ['arn:{partition}:s3:::{prefix}-*'],
      },
    ],
  },
  {
    sid: 'Cdn',
    resources: ['aws_cloudfront_distribution', 'aws_cloudfront_origin_access_control', 'aws_cloudfront_response_headers_policy'],
    lookups: ['aws_cloudfront_cache_policy', 'aws_cloudfront_origin_request_policy', 'aws_cloudfront_response_headers_policy'],
    read: ['cloudfront:Get*', 'cloudfront:List*'],
    write: [
      {
        actions: [
          'cloudfront:CreateDistribution',
          'cloudfront:CreateDistributionWithTags',
          'cloudfront:CreateOriginAccessControl',
          'cloudfront:CreateResponseHeadersPolicy',
          'cloudfront:DeleteDistribution',
          'cloudfront:DeleteOriginAccessControl',
          'cloudfront:DeleteResponseHeadersPolicy',
          'cloudfront:TagResource',
          'cloudfront:UntagResource',
          'cloudfront:UpdateDistribution',
          'cloudfront:UpdateOriginAccessControl',
          'cloudfront:UpdateResponseHeadersPolicy',
        ],
        resources: [ARN('cloudfront', 'distribution/*', 'global'), ARN('cloudfront', 'origin-access-control/*', 'global'), ARN('cloudfront', 'response-headers-policy/*', 'global')],
        wideBecause: `CloudFront distributions and policies ${GENERATED_IDS.replace(' and region', '')}`,
      },
    ],
  },
  {
    sid: 'Database',
    resources: ['aws_db_instance', 'aws_db_subnet_group', 'aws_db_parameter_group'],
    read: ['rds:Describe*', 'rds:ListTagsForResource'],
    write: [
      {
        sid: 'DatabaseManageStackResources',
        actions: ['rds:*'],
        resources: [ARN('rds', 'db:{prefix}-*'), ARN('rds', 'subgrp:{prefix}-*'), ARN('rds', 'pg:{prefix}-*'), ARN('rds', 'snapshot:{prefix}-*'), ARN('rds', 'og:default:*')],
      },
      {
        // manage_master_user_password: RDS creates the master secret with the caller's rights.
        sid: 'DatabaseCreateMasterSecret',
        actions: ['secretsmanager:CreateSecret', 'secretsmanager:TagResource'],
        resources: [ARN('secretsmanager', 'secret:rds!*')],
      },
    ],
    serviceLinkedRoles: ['rds.amazonaws.com'],
    encryptsWithKms: 'rds',
  },
  {
    sid: 'FileSystem',
    resources: ['aws_efs_file_system', 'aws_efs_mount_target', 'aws_efs_access_point', 'aws_efs_backup_policy', 'aws_efs_file_system_policy'],
    read: ['elasticfilesystem:Describe*', 'elasticfilesystem:ListTagsForResource'],
    write: [
      {
        sid: 'FileSystemManage',
        actions: [
          'elasticfilesystem:CreateAccessPoint',
          'elasticfilesystem:CreateFileSystem',
          'elasticfilesystem:CreateMountTarget',
          'elasticfilesystem:DeleteAccessPoint',
          'elasticfilesystem:DeleteFileSystem',
          'elasticfilesystem:DeleteFileSystemPolicy',
          'elasticfilesystem:DeleteMountTarget',
          'elasticfilesystem:ModifyMountTargetSecurityGroups',
          'elasticfilesystem:PutBackupPolicy',
          'elasticfilesystem:PutFileSystemPolicy',
          'elasticfilesystem:PutLifecycleConfiguration',
          'elasticfilesystem:TagResource',
          'elasticfilesystem:UntagResource',
          'elasticfilesystem:UpdateFileSystem',
        ],
        resources: [ARN('elasticfilesystem', 'file-system/*'), ARN('elasticfilesystem', 'access-point/*')],
        wideBecause: `EFS file systems and access points ${GENERATED_IDS}`,
      },
      {
        // A mount target is a network interface EFS creates with the caller's rights.
        sid: 'FileSystemMountTargetInterfaces',
        actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface'],
        resources: [ARN('ec2', '*')],
        wideBecause: `network interfaces ${GENERATED_IDS}`,
      },
    ],
    serviceLinkedRoles: ['elasticfilesystem.amazonaws.com'],
    encryptsWithKms: 'elasticfilesystem',
  },
  {
    sid: 'Discovery',
    resources: ['aws_service_discovery_private_dns_namespace', 'aws_service_discovery_service'],
    lookups: ['aws_service_discovery_dns_namespace'],
    read: ['route53:GetHostedZone', 'route53:ListHostedZonesByName', 'servicediscovery:Get*', 'servicediscovery:List*'],
    write: [
      {
        sid: 'DiscoveryManage',
        actions: [
          'servicediscovery:CreatePrivateDnsNamespace',
          'servicediscovery:CreateService',
          'servicediscovery:DeleteNamespace',
          'servicediscovery:DeleteService',
          'servicediscovery:TagResource',
          'servicediscovery:UntagResource',
          'servicediscovery:UpdatePrivateDnsNamespace',
          'servicediscovery:UpdateService',
        ],
        resources: [ARN('servicediscovery', '*')],
        wideBecause: `Cloud Map namespaces and services ${GENERATED_IDS}`,
      },
      {
        // Cloud Map creates the namespace's private hosted zone with the caller's rights.
        sid: 'DiscoveryHostedZone',
        actions: ['route53:ChangeTagsForResource', 'route53:CreateHostedZone', 'route53:DeleteHostedZone'],
        resources: ['*'],
        wideBecause: 'route53:CreateHostedZone has no resource until the zone exists',
      },
    ],
  },
  {
    sid: 'Scaling',
    resources: ['aws_appautoscaling_target', 'aws_appautoscaling_policy'],
    read: ['application-autoscaling:Describe*', 'application-autoscaling:ListTagsForResource', 'cloudwatch:DescribeAlarms'],
    write: [
      {
        sid: 'ScalingManageTargets',
        actions: [
          'application-autoscaling:DeleteScalingPolicy',
          'application-autoscaling:DeregisterScalableTarget',
          'application-autoscaling:PutScalingPolicy',
          'application-autoscaling:RegisterScalableTarget',
          'application-autoscaling:TagResource',
          'application-autoscaling:UntagResource',
        ],
        resources: [ARN('application-autoscaling', 'scalable-target/*')],
        wideBecause: `scalable targets ${GENERATED_IDS}`,
      },
      {
        // Target tracking policies create and delete their own alarms with the caller's rights.
        sid: 'ScalingTargetTrackingAlarms',
        actions: ['cloudwatch:DeleteAlarms', 'cloudwatch:PutMetricAlarm'],
        resources: [ARN('cloudwatch', 'alarm:TargetTracking-service/{cluster}/{prefix}-*')],
      },
    ],
    serviceLinkedRoles: ['ecs.application-autoscaling.amazonaws.com'],
  },
  {
    sid: 'Waf',
    resources: ['aws_wafv2_web_acl', 'aws_wafv2_web_acl_association'],
    read: ['wafv2:GetWebACL', 'wafv2:GetWebACLForResource', 'wafv2:ListTagsForResource', 'wafv2:ListWebACLs'],
    write: [
      {
        // Creating or updating a web ACL is also authorised on the managed rule groups it uses;
        // associating and disassociating are authorised on the protected load balancer too, which
        // also needs elasticloadbalancing:SetWebAcl (LoadBalancing).
        actions: ['wafv2:AssociateWebACL', 'wafv2:CreateWebACL', 'wafv2:DeleteWebACL', 'wafv2:DisassociateWebACL', 'wafv2:TagResource', 'wafv2:UntagResource', 'wafv2:UpdateWebACL'],
        resources: [ARN('wafv2', 'regional/webacl/{prefix}-*/*'), ARN('wafv2', 'regional/managedruleset/*/*'), ARN('elasticloadbalancing', 'loadbalancer/app/{prefix}-*/*')],
      },
    ],
  },
  {
    sid: 'Alarms',
    resources: ['aws_cloudwatch_metric_alarm'],
    read: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'],
    write: [{ actions: ['cloudwatch:DeleteAlarms', 'cloudwatch:PutMetricAlarm', 'cloudwatch:TagResource', 'cloudwatch:UntagResource'], resources: [ARN('cloudwatch', 'alarm:{prefix}-*')] }],
  },
  {
    sid: 'Notifications',
    resources: ['aws_sns_topic', 'aws_sns_topic_policy'],
    read: ['sns:GetTopicAttributes', 'sns:ListTagsForResource'],
    write: [{ actions: ['sns:CreateTopic', 'sns:DeleteTopic', 'sns:SetTopicAttributes', 'sns:TagResource', 'sns:UntagResource'], resources: [ARN('sns', '{prefix}-*')] }],
  },
];

/** Data sources Terraform evaluates without calling an AWS API that needs a permission. */
export const LOOKUPS_WITHOUT_PERMISSIONS: ReadonlySet<string> = new Set(['aws_caller_identity', 'aws_elb_service_account', 'aws_iam_policy_document', 'aws_partition', 'aws_region']);

/** The entries a stack with these resource, data and ephemeral types needs, and the types no entry covers. */
export function permissionsFor(types: { readonly resources: ReadonlySet<string>; readonly lookups: ReadonlySet<string> }): { readonly needed: readonly ServicePermissions[]; readonly unknown: readonly string[] } {
  const needed = TERRAFORM_PERMISSIONS.filter((p) => p.resources.some((t) => types.resources.has(t)) || (p.lookups ?? []).some((t) => types.lookups.has(t)));
  const covered = new Set(needed.flatMap((p) => [...p.resources, ...(p.lookups ?? [])]));
  const unknown = [...types.resources, ...[...types.lookups].filter((t) => !LOOKUPS_WITHOUT_PERMISSIONS.has(t))].filter((t) => !covered.has(t));
  return { needed, unknown: [...new Set(unknown)].sort() };
}

/** True when the entry's write grants are needed (the stack manages one of its resource types). */
export function managesAny(entry: ServicePermissions, resources: ReadonlySet<string>): boolean {
  return entry.resources.some((t) => resources.has(t));
}
