/**
 * The statements of the three roles GitHub Actions assumes:
 * - plan (pull requests): reads metadata and the state, changes nothing;
 * - publish (pushes to the deploy branch): pushes images and uploads sites, nothing else, so the
 *   jobs that run third-party build code (docker build, npm ci) never hold infrastructure rights;
 * - deploy (pushes to the deploy branch): runs `terraform apply`, waits and smoke-tests.
 */
import type { Expr } from '../hcl/ast.js';
import { ref, tmpl } from '../hcl/build.js';
import type { AppModel } from '../model/types.js';
import type { ResourceSpec, StatementSpec } from '../aws/iam-statement.js';
import { managesAny, permissionsFor, type ServicePermissions } from '../aws/terraform-permissions.js';

export interface RolePolicyInputs {
  readonly model: AppModel;
  /** Resource types the stack manages, and data/ephemeral types it reads. */
  readonly resourceTypes: ReadonlySet<string>;
  readonly lookupTypes: ReadonlySet<string>;
  /** ECR repositories CI pushes to (the ones with a Compose `build`). */
  readonly pushRepositoryArns: readonly Expr[];
  /** Every repository the services pull from, to check the images exist before applying. */
  readonly repositoryArns: readonly Expr[];
  readonly siteBucketArns: readonly Expr[];
  readonly distributionArns: readonly Expr[];
  /** Name of the shared log group, when all services write to one. */
  readonly sharedLogGroupName?: Expr;
  /** Roles the user brought (x-ecsform iam.existing_roles), which task definitions pass. */
  readonly existingRoleArns: readonly Expr[];
}

export interface DeployPolicies {
  /** Inline: state, image checks, smoke reads, secret reads. */
  readonly pipeline: readonly StatementSpec[];
  /** Managed policies (split to stay under IAM's size limit): what `terraform apply` does. */
  readonly terraform: readonly StatementSpec[];
  /** Resource types no permission entry covers; the apply would be denied on them. */
  readonly uncovered: readonly string[];
}

const LOG_GROUP_PATTERNS = ['arn:{partition}:logs:{region}:{account}:log-group:/ecs/{prefix}/*', 'arn:{partition}:logs:{region}:{account}:log-group:/vpc/{prefix}/*'];

export function planRolePolicy(inputs: RolePolicyInputs): StatementSpec[] {
  const { needed } = permissionsFor({ resources: inputs.resourceTypes, lookups: inputs.lookupTypes });
  return [metadataReads(needed), ...needed.flatMap((e) => e.scopedReads ?? []), ...generatedSecretReads(inputs.model, 'read'), ...stateAccess(inputs.model, 'read')];
}

export function publishRolePolicy(inputs: RolePolicyInputs): StatementSpec[] {
  const statements: StatementSpec[] = [];
  if (inputs.pushRepositoryArns.length > 0) {
    statements.push(
      { sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'], wideBecause: 'ecr:GetAuthorizationToken does not support resource-level permissions' },
      {
        sid: 'PushImages',
        actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload', 'ecr:DescribeImages', 'ecr:GetDownloadUrlForLayer', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart'],
        resources: inputs.pushRepositoryArns,
      },
    );
  }
  if (inputs.siteBucketArns.length > 0) {
    statements.push(
      { sid: 'ListSiteBuckets', actions: ['s3:ListBucket'], resources: inputs.siteBucketArns },
      { sid: 'SyncSiteFiles', actions: ['s3:DeleteObject', 's3:PutObject'], resources: inputs.siteBucketArns.map((arn) => objectsOf(arn)) },
    );
  }
  if (inputs.distributionArns.length > 0) {
    statements.push({ sid: 'InvalidateSiteCaches', actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], resources: inputs.distributionArns });
  }
  return statements;
}

export function deployRolePolicies(inputs: RolePolicyInputs): DeployPolicies {
  const { needed, unknown } = permissionsFor({ resources: inputs.resourceTypes, lookups: inputs.lookupTypes });
  const pipeline: StatementSpec[] = [...stateAccess(inputs.model, 'write'), ...generatedSecretReads(inputs.model, 'write')];
  if (inputs.repositoryArns.length > 0) pipeline.push({ sid: 'CheckImagesExist', actions: ['ecr:DescribeImages'], resources: inputs.repositoryArns });
  if (inputs.model.services.length > 0) {
    pipeline.push({ sid: 'SmokeTestReadsLogs', actions: ['logs:FilterLogEvents'], resources: [...LOG_GROUP_PATTERNS, ...sharedLogGroup(inputs)] });
  }

  const terraform: StatementSpec[] = [metadataReads(needed), ...needed.filter((e) => !managesAny(e, inputs.resourceTypes)).flatMap((e) => e.scopedReads ?? [])];
  for (const entry of needed.filter((e) => managesAny(e, inputs.resourceTypes))) {
    for (const grant of entry.write) terraform.push({ ...grant, sid: grant.sid ?? `${entry.sid}Write` });
  }
  const shared = sharedLogGroup(inputs);
  if (shared.length > 0) {
    terraform.push({ sid: 'SharedLogGroupWrite', actions: ['logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:UntagResource', 'logs:AssociateKmsKey'], resources: shared });
  }
  terraform.push(...passRoles(inputs), ...serviceLinkedRoles(needed, inputs.resourceTypes), ...kmsGrants(needed, inputs.resourceTypes));
  return { pipeline, terraform, uncovered: unknown };
}

/** One statement with every metadata read the stack's types need. */
function metadataReads(needed: readonly ServicePermissions[]): StatementSpec {
  const actions = [...new Set(needed.flatMap((e) => e.read))].sort();
  return {
    sid: 'ReadStackMetadata',
    actions,
    resources: ['*'],
    wideBecause: 'Describe/List/Get of metadata, needed to refresh the state; most do not support resource-level permissions and none returns data (no s3:GetObject, no secretsmanager:GetSecretValue, no kms:Decrypt)',
  };
}

/**
 * The provider reads a secret version back (GetSecretValue) when it refreshes
 * aws_secretsmanager_secret_version. Only generated secrets have one in the state, so only they
 * are readable: the secrets you set by hand stay out of reach of CI. Encrypted with the stack's
 * key, reading one needs kms:Decrypt, and writing its value (the deploy role) kms:GenerateDataKey,
 * both only through Secrets Manager.
 */
function generatedSecretReads(model: AppModel, access: 'read' | 'write'): StatementSpec[] {
  const generated = model.secrets.filter((s) => s.source === 'generate');
  if (generated.length === 0) return [];
  const statements: StatementSpec[] = [{ sid: 'RefreshGeneratedSecrets', actions: ['secretsmanager:GetSecretValue'], resources: generated.map((s) => `arn:{partition}:secretsmanager:{region}:{account}:secret:{prefix}/${s.name}-??????`) }];
  if (model.encryption.customerKey) {
    statements.push({
      sid: 'GeneratedSecretsKey',
      actions: access === 'write' ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
      resources: [ref('aws_kms_key.main.arn')],
      conditions: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.{region}.amazonaws.com'] }],
    });
  }
  return statements;
}

function stateAccess(model: AppModel, access: 'read' | 'write'): StatementSpec[] {
  const backend = model.project.backend;
  if (!backend || model.project.layout === 'module') return [];
  const bucket = `arn:{partition}:s3:::${backend.bucket}`;
  const state = `${bucket}/${backend.key}`;
  const statements: StatementSpec[] = [{ sid: 'ListStateBucket', actions: ['s3:ListBucket'], resources: [bucket] }];
  if (access === 'read') {
    // Pull-request plans run with -lock=false, so this role never writes, not even a lock file.
    statements.push({ sid: 'ReadState', actions: ['s3:GetObject'], resources: [state] });
    return statements;
  }
  statements.push({ sid: 'WriteState', actions: ['s3:GetObject', 's3:PutObject'], resources: [state] });
  if (backend.useLockfile) statements.push({ sid: 'LockState', actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], resources: [`${state}.tflock`] });
  // The state bucket may share the stack's name prefix; the bucket grants above must not reach it.
  statements.push({ sid: 'ProtectStateBucket', effect: 'Deny', actions: ['s3:DeleteBucket', 's3:DeleteBucketPolicy', 's3:PutBucket*', 's3:PutLifecycleConfiguration'], resources: [bucket] });
  return statements;
}

function passRoles(inputs: RolePolicyInputs): StatementSpec[] {
  const services = [
    inputs.resourceTypes.has('aws_ecs_task_definition') ? 'ecs-tasks.amazonaws.com' : undefined,
    inputs.resourceTypes.has('aws_flow_log') ? 'vpc-flow-logs.amazonaws.com' : undefined,
  ].filter((s): s is string => s !== undefined);
  if (services.length === 0) return [];
  return [
    {
      sid: 'PassStackRoles',
      actions: ['iam:PassRole'],
      resources: ['arn:{partition}:iam::{account}:role/{prefix}-*', ...inputs.existingRoleArns],
      conditions: [{ test: 'StringEquals', variable: 'iam:PassedToService', values: services }],
    },
  ];
}

function serviceLinkedRoles(needed: readonly ServicePermissions[], resources: ReadonlySet<string>): StatementSpec[] {
  const names = [...new Set(needed.filter((e) => managesAny(e, resources)).flatMap((e) => e.serviceLinkedRoles ?? []))].sort();
  if (names.length === 0) return [];
  return [
    {
      sid: 'CreateServiceLinkedRoles',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['arn:{partition}:iam::{account}:role/aws-service-role/*'],
      conditions: [{ test: 'StringEquals', variable: 'iam:AWSServiceName', values: names }],
    },
  ];
}

function kmsGrants(needed: readonly ServicePermissions[], resources: ReadonlySet<string>): StatementSpec[] {
  const services = [...new Set(needed.filter((e) => managesAny(e, resources)).flatMap((e) => (e.encryptsWithKms ? [e.encryptsWithKms] : [])))].sort();
  if (services.length === 0) return [];
  return [
    {
      sid: 'KmsGrantsForServices',
      actions: ['kms:CreateGrant', 'kms:DescribeKey', 'kms:RetireGrant'],
      resources: ['arn:{partition}:kms:{region}:{account}:key/*'],
      conditions: [{ test: 'StringEquals', variable: 'kms:ViaService', values: services.map((s) => `${s}.{region}.amazonaws.com`) }],
      wideBecause: 'services encrypting this stack\'s data create grants on keys addressed by generated IDs; kms:ViaService limits the grants to those services',
    },
  ];
}

function sharedLogGroup(inputs: RolePolicyInputs): ResourceSpec[] {
  return inputs.sharedLogGroupName ? [templateWith(inputs.sharedLogGroupName)] : [];
}

/** `arn:...:log-group:<name>*` for a name only known as an expression; the plan fills the placeholders. */
function templateWith(name: Expr): Expr {
  return tmpl`arn:{partition}:logs:{region}:{account}:log-group:${name}*`;
}

function objectsOf(bucketArn: Expr): Expr {
  return tmpl`${bucketArn}/*`;
}
