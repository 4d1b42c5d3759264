/**
 * Rule families, for `--rules`: the AWS service a rule is about (also the prefix of its id) and
 * the concerns it belongs to. A rule is in one service family and any number of concern families.
 */

export const SERVICE_FAMILIES = {
  ecs: 'ECS task definitions, services and clusters',
  ecr: 'ECR repositories',
  elb: 'Load balancers, listeners and target groups',
  efs: 'EFS file systems and access points',
  rds: 'RDS database instances',
  s3: 'S3 buckets',
  cloudfront: 'CloudFront distributions',
  cloudwatch: 'CloudWatch log groups and alarms',
  iam: 'IAM roles, policies and policy documents',
  network: 'VPCs, subnets, flow logs and security groups',
  secretsmanager: 'Secrets Manager secrets',
  kms: 'KMS keys',
} as const;

export const CONCERN_FAMILIES = {
  encryption: 'Encryption at rest and in transit',
  logging: 'Logs and audit trails',
  'public-access': 'What the internet can reach',
  'least-privilege': 'Permissions no wider than needed',
  secrets: 'Secret values kept out of plain text',
  resilience: 'Backups, deletion protection, redundancy',
  hardening: 'Containers and services locked down',
  'supply-chain': 'Images that are what they claim to be',
} as const;

export type ServiceFamily = keyof typeof SERVICE_FAMILIES;
export type ConcernFamily = keyof typeof CONCERN_FAMILIES;
export type Family = ServiceFamily | ConcernFamily;

export const FAMILIES: ReadonlyMap<Family, string> = new Map<Family, string>([
  ...(Object.entries(SERVICE_FAMILIES) as [Family, string][]),
  ...(Object.entries(CONCERN_FAMILIES) as [Family, string][]),
]);

/** The service family each id prefix stands for: `SG_INGRESS_OPEN` is a `network` rule. */
export const ID_PREFIXES: Readonly<Record<string, ServiceFamily>> = {
  ECS: 'ecs',
  ECR: 'ecr',
  LB: 'elb',
  EFS: 'efs',
  RDS: 'rds',
  S3: 's3',
  CF: 'cloudfront',
  LOGS: 'cloudwatch',
  ALARM: 'cloudwatch',
  IAM: 'iam',
  SG: 'network',
  SUBNET: 'network',
  VPC: 'network',
  SECRET: 'secretsmanager',
  KMS: 'kms',
};
