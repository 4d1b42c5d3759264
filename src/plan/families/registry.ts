/**
 * ECR repositories for services built from source: scanned on push, immutable tags, encrypted,
 * with a lifecycle policy — or data lookups of repositories that already exist.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, binary, block, call, cond, forTuple, index, obj, ref, str, tmpl, tuple } from '../../hcl/build.js';
import type { Repository } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { ECR_CMK, ECR_IMMUTABLE_TAGS, ECR_SCAN_ON_PUSH } from '../../security/index.js';

export interface RegistryRefs {
  /** `<repository url>:<tag>` for a repository id. */
  readonly imageOf: (repositoryId: string) => Expr;
  /** ARN of a repository, for IAM. */
  readonly arnOf: (repositoryId: string) => Expr;
  /** ARNs of every repository as one list expression, when creation is switchable. */
  readonly switchableArns?: Expr;
  readonly created: readonly Repository[];
  readonly lookedUp: readonly Repository[];
}

export function planRegistry(ctx: PlanContext): RegistryRefs {
  const repositories = ctx.model.repositories;
  const created = repositories.filter((r) => r.mode === 'create');
  const lookedUp = repositories.filter((r) => r.mode === 'lookup');
  const needsImages = ctx.model.services.some((s) => s.image.kind === 'repository');
  const imageTag = needsImages
    ? ctx.variable('image_tag', {
        description: 'Tag of the images to deploy, the same for every built service. CI passes the commit SHA; tags are immutable, so each build gets its own.',
        type: types.string,
        validations: [{ condition: call('can', call('regex', str('^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'), ref('var.image_tag'))), message: 'image_tag must be a valid Docker tag.' }],
      })
    : undefined;

  if (created.length > 0) planCreated(ctx, created);
  if (lookedUp.length > 0) {
    ctx.add(
      'registry',
      block('data', ['aws_ecr_repository', 'services'], [attr('for_each', call('toset', tuple(lookedUp.map((r) => str(r.name)), lookedUp.length > 3))), attr('name', ref('each.key'))]),
      'ECR repositories that already exist (pushed to by your pipeline)',
    );
  }
  const address = (id: string) => {
    const repo = repositories.find((r) => r.id === id)!;
    return { repo, base: repo.mode === 'create' ? 'aws_ecr_repository.services' : 'data.aws_ecr_repository.services' };
  };
  return {
    imageOf: (id) => {
      const { repo, base } = address(id);
      return tmpl`${index(base, str(repo.name), 'repository_url')}:${imageTag ?? str('latest')}`;
    },
    arnOf: (id) => {
      const { repo, base } = address(id);
      return index(base, str(repo.name), 'arn');
    },
    created,
    lookedUp,
    ...(switchable(ctx, created) ? { switchableArns: forTuple('repository', ref('aws_ecr_repository.services'), ref('repository.arn')) } : {}),
  };
}

/** Only a platform module lets callers skip creating the repositories: services need their images. */
function switchable(ctx: PlanContext, created: readonly Repository[]): boolean {
  return ctx.isModule && ctx.model.project.mode === 'platform' && created.length > 0;
}

function planCreated(ctx: PlanContext, created: readonly Repository[]): void {
  const untaggedDays = ctx.variable('ecr_untagged_image_expiry_days', {
    description: 'Days after which untagged images are deleted from ECR.',
    type: types.number,
    default: ctx.model.registry.untaggedExpiryDays,
    validations: [{ condition: binary('>=', ref('var.ecr_untagged_image_expiry_days'), 1), message: 'ecr_untagged_image_expiry_days must be at least 1.' }],
  });
  const keep = ctx.variable('ecr_keep_tagged_images', {
    description: 'Number of most recent tagged images ECR keeps per repository.',
    type: types.number,
    default: ctx.model.registry.keepTaggedImages,
    validations: [{ condition: binary('>=', ref('var.ecr_keep_tagged_images'), 1), message: 'ecr_keep_tagged_images must be at least 1.' }],
  });
  const cmk = ctx.model.encryption.customerKey;
  const registry = ctx.model.registry;
  ctx.add(
    'registry',
    [
      block('resource', ['aws_ecr_repository', 'services'], [
        attr('for_each', repositoryNames(ctx, created)),
        attr('name', tmpl`${ref('local.name_prefix')}/${ref('each.key')}`),
        attr('image_tag_mutability', registry.immutableTags ? 'IMMUTABLE' : 'MUTABLE'),
        block('image_scanning_configuration', [], [attr('scan_on_push', registry.scanOnPush)]),
        block('encryption_configuration', [], [attr('encryption_type', 'KMS'), cmk ? attr('kms_key', ref('aws_kms_key.main.arn')) : undefined]),
        ctx.tags(),
      ], repositoryExceptions(registry.immutableTags, registry.scanOnPush, cmk)),
      block('resource', ['aws_ecr_lifecycle_policy', 'services'], [
        attr('for_each', ref('aws_ecr_repository.services')),
        attr('repository', ref('each.value.name')),
        attr(
          'policy',
          call(
            'jsonencode',
            obj({
              rules: tuple([
                obj({
                  rulePriority: 1,
                  description: str('Expire untagged images'),
                  selection: obj({ tagStatus: str('untagged'), countType: str('sinceImagePushed'), countUnit: str('days'), countNumber: untaggedDays }),
                  action: obj({ type: str('expire') }),
                }),
                obj({
                  rulePriority: 2,
                  description: str('Keep the most recent tagged images'),
                  selection: obj({ tagStatus: str('tagged'), tagPatternList: [str('*')], countType: str('imageCountMoreThan'), countNumber: keep }),
                  action: obj({ type: str('expire') }),
                }),
              ], true),
            }),
          ),
        ),
      ]),
    ],
    'ECR repositories for the services built from source',
  );
}

/** The repository names, behind a `create_ecr_repositories` switch in a reusable module. */
function repositoryNames(ctx: PlanContext, created: readonly Repository[]): Expr {
  const names = call('toset', tuple(created.map((r) => str(r.name)), created.length > 3));
  if (!switchable(ctx, created)) return names;
  const create = ctx.variable('create_ecr_repositories', { description: 'Create the ECR repositories (turn off when images live in an existing registry).', type: types.bool, default: true });
  return cond(create, names, call('toset', tuple([])));
}

/** Settings the user turned off on purpose are written down where a reviewer sees them. */
function repositoryExceptions(immutable: boolean, scan: boolean, cmk: boolean): string[] | undefined {
  const comments = [
    cmk ? undefined : `ecsform:ignore ${ECR_CMK} Encrypted with the AWS-managed ECR key; set x-ecsform.kms: true for a customer-managed key.`,
    immutable ? undefined : `ecsform:ignore ${ECR_IMMUTABLE_TAGS} Tags are mutable because x-ecsform.registry.immutable_tags is false.`,
    scan ? undefined : `ecsform:ignore ${ECR_SCAN_ON_PUSH} Images are not scanned on push because x-ecsform.registry.scan_on_push is false.`,
  ].filter((c): c is string => c !== undefined);
  return comments.length > 0 ? comments : undefined;
}
