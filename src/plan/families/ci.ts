/**
 * GitHub Actions deploys without long-lived keys: the account trusts GitHub's OIDC issuer, and
 * three roles can be assumed only by workflows of one repository:
 * - `github_plan`: pull requests; reads metadata and the state (plans run with -lock=false);
 * - `github_publish`: pushes to the deploy branch; pushes images, uploads sites;
 * - `github_deploy`: pushes to the deploy branch; runs `terraform apply`, waits, smoke-tests.
 * The workflow (`ecsform generate --ci github`) reads the role ARNs from repository variables
 * set once from the `github_actions_variables` output.
 */
import type { Block, Expr } from '../../hcl/ast.js';
import { attr, block, call, obj, ref, str, tmpl, tuple } from '../../hcl/build.js';
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, ROLE_VARIABLES, type RoleKind } from '../../ci/github-names.js';
import { chunkStatements, IAM_POLICY_LIMITS, type Placeholder, type StatementSpec } from '../../aws/iam-statement.js';
import { placeholderFiller, statementBlock, type Filler } from '../../ci/policy-hcl.js';
import { deployRolePolicies, planRolePolicy, publishRolePolicy, type DeployPolicies, type RolePolicyInputs } from '../../ci/role-policies.js';
import { onlyWorksOnAnyResource } from '../../aws/iam-actions.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import type { ClusterRefs } from './cluster.js';
import type { RegistryRefs } from './registry.js';
import type { StaticSiteRefs } from './static-site.js';
import { IAM_SERVICE_WILDCARD_ACTION, IAM_WILDCARD_RESOURCE } from '../../security/index.js';
import { regionName } from './shared.js';

export interface CiInputs {
  readonly registry: RegistryRefs;
  readonly staticSites: StaticSiteRefs;
  readonly cluster: ClusterRefs;
}

/** The size estimate assumes the longest names; keep a margin for the JSON envelope. */
const MANAGED_POLICY_BUDGET = IAM_POLICY_LIMITS.managedPolicy - 150;

export function planCi(ctx: PlanContext, inputs: CiInputs): void {
  const github = ctx.model.ci?.github;
  if (!github) return;
  const repository = ctx.variable('github_repository', {
    description: 'GitHub repository (owner/name) whose workflows may deploy this stack.',
    type: types.string,
    default: github.repository,
    validations: [{ condition: call('can', call('regex', str('^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'), ref('var.github_repository'))), message: 'github_repository must be owner/name.' }],
  });
  const branch = ctx.variable('github_deploy_branch', {
    description: 'Branch whose pushes deploy; only workflows running on it can assume the publish and deploy roles.',
    type: types.string,
    default: github.branch,
  });
  const providerArn = oidcProvider(ctx, github.oidcProvider);
  const policies = ciRolePolicies(ctx, inputs);
  const fill = placeholderFiller(placeholderValues(ctx, inputs.cluster.clusterName));

  const branchTrust = trustPolicy(ctx, 'github_deploy_branch_trust', 'GithubActionsOnDeployBranch', providerArn, tmpl`repo:${repository}:ref:refs/heads/${branch}`);
  const pullRequestTrust = trustPolicy(ctx, 'github_pull_request_trust', 'GithubActionsOnPullRequests', providerArn, tmpl`repo:${repository}:pull_request`);

  role(ctx, 'plan', pullRequestTrust, 'Plans pull requests: reads metadata and the Terraform state, changes nothing.', [
    inlinePolicy(ctx, 'plan', 'terraform-plan', policies.plan, fill),
  ]);
  const { publish, deploy } = policies;
  role(ctx, 'publish', branchTrust, 'Publishes builds: pushes images to the stack\'s ECR repositories and uploads static sites.', publish.length > 0 ? [inlinePolicy(ctx, 'publish', 'push-images-upload-sites', publish, fill)] : []);
  role(ctx, 'deploy', branchTrust, 'Deploys: terraform apply with the images of one commit, then waits for the services and smoke-tests them.', [
    inlinePolicy(ctx, 'deploy', 'state-images-smoke', deploy.pipeline, fill),
    ...terraformPolicies(ctx, deploy.terraform, deploy.uncovered, fill),
  ]);

  ctx.output('github_actions_variables', {
    description: 'Repository variables the generated workflow reads (set them once: gh variable set NAME --body VALUE).',
    value: obj(Object.fromEntries((Object.keys(ROLE_VARIABLES) as RoleKind[]).map((kind) => [ROLE_VARIABLES[kind], ref(`aws_iam_role.github_${kind}.arn`)])), true),
  });
}

export interface CiRolePolicies {
  readonly plan: readonly StatementSpec[];
  readonly publish: readonly StatementSpec[];
  readonly deploy: DeployPolicies;
}

/**
 * The statements of the three roles, as data. The stack's resource types (planned so far, plus
 * the IAM types this family adds) decide what the deploy role may do.
 */
export function ciRolePolicies(ctx: PlanContext, inputs: CiInputs): CiRolePolicies {
  const oidc = ctx.model.ci?.github?.oidcProvider ?? 'create';
  const { resourceTypes, lookupTypes } = plannedTypes(ctx, oidc);
  const policyInputs = rolePolicyInputs(ctx, inputs, resourceTypes, lookupTypes);
  return { plan: planRolePolicy(policyInputs), publish: publishRolePolicy(policyInputs), deploy: deployRolePolicies(policyInputs) };
}

function oidcProvider(ctx: PlanContext, mode: 'create' | 'lookup'): Expr {
  const url = `https://${GITHUB_OIDC_HOST}`;
  if (mode === 'lookup') {
    return ref(`${ctx.data('aws_iam_openid_connect_provider', 'github', [attr('url', url)], 'ci')}.arn`);
  }
  ctx.add(
    'ci',
    block('resource', ['aws_iam_openid_connect_provider', 'github'], [attr('url', url), attr('client_id_list', [GITHUB_OIDC_AUDIENCE]), ctx.tags()], [
      'One per account: if another stack already created it, set x-ecsform.ci.github.oidc_provider: lookup.',
      'No thumbprint_list: AWS verifies GitHub\'s certificate against its own trust store.',
    ]),
    'GitHub Actions: OIDC trust and the roles workflows assume',
  );
  return ref('aws_iam_openid_connect_provider.github.arn');
}

/** Web identity trust pinned to the audience and to one subject (repository + branch or PRs). */
function trustPolicy(ctx: PlanContext, name: string, sid: string, providerArn: Expr, subject: Expr): string {
  return ctx.data('aws_iam_policy_document', name, [
    block('statement', [], [
      attr('sid', sid),
      attr('actions', ['sts:AssumeRoleWithWebIdentity']),
      block('principals', [], [attr('type', 'Federated'), attr('identifiers', [providerArn])]),
      block('condition', [], [attr('test', 'StringEquals'), attr('variable', `${GITHUB_OIDC_HOST}:aud`), attr('values', [GITHUB_OIDC_AUDIENCE])]),
      block('condition', [], [attr('test', 'StringEquals'), attr('variable', `${GITHUB_OIDC_HOST}:sub`), attr('values', tuple([subject]))]),
    ]),
  ], 'ci');
}

function role(ctx: PlanContext, kind: RoleKind, trust: string, description: string, policies: readonly Block[]): void {
  ctx.add(
    'ci',
    [
      block('resource', ['aws_iam_role', `github_${kind}`], [
        attr('name', ctx.name(`github-${kind}`)),
        attr('description', description),
        attr('assume_role_policy', ref(`${trust}.json`)),
        // Applies that create a database or a distribution can outlast the default hour.
        kind === 'deploy' ? attr('max_session_duration', 7200) : undefined,
        ctx.tags(),
      ], kind === 'deploy' ? DEPLOY_ROLE_NOTE : undefined),
      ...policies,
    ],
    `GitHub Actions role: ${kind}`,
  );
}

const DEPLOY_ROLE_NOTE = [
  'This role writes the inline policies of the stack\'s own roles (role/<prefix>-*), as any',
  'Terraform that manages IAM must: what keeps that safe is the trust policy (only workflows on',
  'the deploy branch of this repository). Protect that branch with required reviews.',
];

function inlinePolicy(ctx: PlanContext, kind: RoleKind, name: string, statements: readonly StatementSpec[], fill: Filler): Block {
  const document = ctx.data('aws_iam_policy_document', `github_${kind}`, statements.map((s) => statementBlock(s, fill)), 'ci');
  return block('resource', ['aws_iam_role_policy', `github_${kind}`], [attr('name', name), attr('role', ref(`aws_iam_role.github_${kind}.id`)), attr('policy', ref(`${document}.json`))], wildcardComment(statements));
}

/** What `terraform apply` needs, in managed policies small enough for IAM, attached to the deploy role. */
function terraformPolicies(ctx: PlanContext, statements: readonly StatementSpec[], uncovered: readonly string[], fill: Filler): Block[] {
  const chunks = chunkStatements(statements, MANAGED_POLICY_BUDGET);
  const keys = chunks.map((_, i) => String(i + 1));
  chunks.forEach((chunk, i) => ctx.data('aws_iam_policy_document', `github_terraform_${keys[i]}`, chunk.map((s) => statementBlock(s, fill)), 'ci'));
  const documents = obj(Object.fromEntries(keys.map((key) => [key, ref(`data.aws_iam_policy_document.github_terraform_${key}.json`)])), true);
  const notes = [
    ...(wildcardComment(statements) ?? []),
    ...(uncovered.length > 0 ? [`ecsform has no IAM permissions on record for ${uncovered.join(', ')}: add them here or the apply will be denied.`] : []),
  ];
  return [
    block('resource', ['aws_iam_policy', 'github_terraform'], [
      attr('for_each', documents),
      attr('name', tmpl`${ref('local.name_prefix')}-github-terraform-${ref('each.key')}`),
      attr('description', 'What terraform apply needs for the resource types of this stack, scoped to its names where AWS allows.'),
      attr('policy', ref('each.value')),
      ctx.tags(),
    ], notes.length > 0 ? notes : undefined),
    block('resource', ['aws_iam_role_policy_attachment', 'github_terraform'], [
      attr('for_each', ref('aws_iam_policy.github_terraform')),
      attr('role', ref('aws_iam_role.github_deploy.name')),
      attr('policy_arn', ref('each.value.arn')),
    ]),
  ];
}

/**
 * Suppressions for the deliberate wide grants. A statement whose actions only exist on "*" needs
 * none (the rule knows them); a service-wide action (`ecs:*`) is what applying a stack of that
 * service takes, and its statement is limited to the stack's names where AWS allows.
 */
function wildcardComment(statements: readonly StatementSpec[]): string[] | undefined {
  const reasons = statements
    .filter((s) => s.wideBecause && s.resources.includes('*') && !s.actions.every((a) => onlyWorksOnAnyResource(a)))
    .map((s) => `${s.sid}: ${s.wideBecause}`);
  const serviceWide = [...new Set(statements.flatMap((s) => s.actions.filter((a) => /^[a-z0-9-]+:\*$/.test(a))))].sort();
  const comments = [
    ...(reasons.length > 0 ? [`ecsform:ignore ${IAM_WILDCARD_RESOURCE} ${reasons.join('; ')}.`] : []),
    ...(serviceWide.length > 0 ? [`ecsform:ignore ${IAM_SERVICE_WILDCARD_ACTION} terraform apply creates, updates and deletes every kind of resource of ${serviceWide.join(', ')} this stack has; those statements are limited to the stack's names.`] : []),
  ];
  return comments.length > 0 ? comments : undefined;
}

/** What `{partition}`, `{account}`... stand for in this stack. */
function placeholderValues(ctx: PlanContext, clusterName: Expr): Record<Placeholder, () => Expr> {
  return {
    partition: () => ref(`${ctx.data('aws_partition', 'current')}.partition`),
    region: regionName,
    account: () => ref(`${ctx.data('aws_caller_identity', 'current')}.account_id`),
    prefix: () => ref('local.name_prefix'),
    cluster: () => clusterName,
    project: () => ref('var.project_name'),
    environment: () => ref('var.environment'),
  };
}

function plannedTypes(ctx: PlanContext, oidc: 'create' | 'lookup'): { resourceTypes: Set<string>; lookupTypes: Set<string> } {
  const resourceTypes = new Set<string>(['aws_iam_role', 'aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_role_policy_attachment']);
  const lookupTypes = new Set<string>();
  if (oidc === 'create') resourceTypes.add('aws_iam_openid_connect_provider');
  else lookupTypes.add('aws_iam_openid_connect_provider');
  for (const { block: planned } of ctx.blocks()) {
    const type = planned.labels[0];
    if (type === undefined) continue;
    if (planned.type === 'resource') resourceTypes.add(type);
    else if (planned.type === 'data' || planned.type === 'ephemeral') lookupTypes.add(type);
  }
  return { resourceTypes, lookupTypes };
}

function rolePolicyInputs(ctx: PlanContext, inputs: CiInputs, resourceTypes: ReadonlySet<string>, lookupTypes: ReadonlySet<string>): RolePolicyInputs {
  const { model } = ctx;
  const partition = ref(`${ctx.data('aws_partition', 'current')}.partition`);
  const account = ref(`${ctx.data('aws_caller_identity', 'current')}.account_id`);
  const usedRepositories = model.repositories.filter((r) => r.services.length > 0);
  return {
    model,
    resourceTypes,
    lookupTypes,
    pushRepositoryArns: usedRepositories.filter((r) => r.build !== undefined).map((r) => inputs.registry.arnOf(r.id)),
    repositoryArns: usedRepositories.map((r) => inputs.registry.arnOf(r.id)),
    siteBucketArns: model.staticSites.map((s) => tmpl`arn:${partition}:s3:::${inputs.staticSites.bucketOf(s.name)}`),
    distributionArns: model.staticSites.map((s) => tmpl`arn:${partition}:cloudfront::${account}:distribution/${inputs.staticSites.distributionIdOf(s.name)}`),
    ...(ctx.variableSpec('log_group_name') ? { sharedLogGroupName: ref('var.log_group_name') } : {}),
    existingRoleArns: model.iam.existingRoles ? [ref('var.ecs_execution_role_arn'), ref('var.ecs_task_role_arn')] : [],
  };
}
