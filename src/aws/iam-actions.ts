/**
 * IAM action patterns: matching with `*` and `?`, and actions that only work on `"*"`. Shared by
 * the generator (which writes a suppression only where a wildcard is truly needed) and the
 * security rules (which flag the rest).
 */

/** True when the IAM pattern (`s3:Get*`, `*`) matches `action`; IAM compares case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/**
 * Actions with no resource-level permissions, which IAM only grants on `"*"` (AWS Service
 * Authorization Reference: their "Resource types" column is empty). Patterns cover families.
 */
const RESOURCE_WILDCARD_ONLY: readonly string[] = [
  'ecr:GetAuthorizationToken',
  'ecr-public:GetAuthorizationToken',
  'sts:GetCallerIdentity',
  'sts:GetServiceBearerToken',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'cloudwatch:PutMetricData',
  'ec2:Describe*',
  'elasticloadbalancing:Describe*',
  'application-autoscaling:Describe*',
  'ecs:RegisterTaskDefinition',
  'ecs:DeregisterTaskDefinition',
  'ecs:DescribeTaskDefinition',
  'ecs:ListTaskDefinitions',
  'ecs:ListTaskDefinitionFamilies',
  'ecs:ListClusters',
  'ecs:DiscoverPollEndpoint',
  'kms:ListKeys',
  'kms:ListAliases',
  'kms:CreateKey',
  'secretsmanager:GetRandomPassword',
  'secretsmanager:ListSecrets',
  's3:ListAllMyBuckets',
  'ssm:DescribeParameters',
  'tag:GetResources',
];

/** True when `action` (or every action a pattern such as `ec2:Describe*` stands for) needs `"*"`. */
export function onlyWorksOnAnyResource(action: string): boolean {
  return RESOURCE_WILDCARD_ONLY.some((pattern) => actionMatches(pattern, action));
}
