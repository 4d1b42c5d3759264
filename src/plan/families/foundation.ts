/**
 * The `terraform` block, the provider, the naming and tagging locals and the project variables
 * every other family builds on.
 */
import { attr, binary, block, call, NULL, obj, ref, str, tmpl, type BodyInput } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { ENVIRONMENT_MAX_LENGTH, PROJECT_NAME_MAX_LENGTH, types } from '../context.js';

/** Terraform and provider versions the generated code needs. */
export interface VersionNeeds {
  /** Write-only arguments and ephemeral resources (generated secrets). */
  readonly writeOnly: boolean;
  /** S3-native state locking (`use_lockfile`). */
  readonly s3Lockfile: boolean;
}

export function requiredTerraformVersion(needs: VersionNeeds): string {
  if (needs.writeOnly) return '>= 1.11';
  if (needs.s3Lockfile) return '>= 1.10';
  return '>= 1.5.7';
}

/**
 * Every 5.x release from 5.100 and every 6.x: the generated code uses only what both have
 * (5.100 is planned with the real provider in the tests; 6.x is checked against its schema).
 */
export const AWS_PROVIDER_CONSTRAINT = '>= 5.100, < 7.0';

export function planFoundation(ctx: PlanContext, needs: VersionNeeds): void {
  const { project } = ctx.model;
  const projectName = ctx.variable('project_name', {
    description: 'Project name, the first part of every resource name.',
    type: types.string,
    default: project.name,
    validations: [{ condition: call('can', call('regex', str(`^[a-z][a-z0-9-]{0,${PROJECT_NAME_MAX_LENGTH - 2}}[a-z0-9]$`), ref('var.project_name'))), message: 'project_name must be 2-32 lowercase letters, digits and dashes, starting with a letter.' }],
  });
  const environment = ctx.variable('environment', {
    description: 'Environment name (dev, staging, prod...), the second part of every resource name.',
    type: types.string,
    default: project.environment,
    validations: [{ condition: call('can', call('regex', str(`^[a-z][a-z0-9-]{0,${ENVIRONMENT_MAX_LENGTH - 1}}$`), ref('var.environment'))), message: 'environment must be up to 16 lowercase letters, digits and dashes, starting with a letter.' }],
  });
  const region = ctx.variable('aws_region', {
    description: ctx.isModule ? 'AWS region of the resources; must be the region of the aws provider passed to this module.' : 'AWS region to deploy into.',
    type: types.string,
    default: project.region,
  });
  ctx.variable('tags', {
    description: 'Extra tags merged onto every taggable resource.',
    type: types.mapOf(types.string),
    default: obj(project.tags),
    nullable: false,
  });

  ctx.local('name_prefix', tmpl`${projectName}-${environment}`);
  ctx.local(
    'tags',
    call(
      'merge',
      obj({ project: projectName, environment, 'managed-by': str('terraform') }),
      ref('var.tags'),
    ),
  );

  const terraformBody: BodyInput[] = [
    attr('required_version', str(requiredTerraformVersion(needs))),
    block('required_providers', [], [attr('aws', obj({ source: str('hashicorp/aws'), version: str(AWS_PROVIDER_CONSTRAINT) }, true))]),
  ];
  if (!ctx.isModule) {
    const backend = project.backend;
    terraformBody.push(
      backend
        ? block('backend', ['s3'], [attr('bucket', backend.bucket), attr('key', backend.key), attr('region', backend.region), attr('encrypt', true), backend.useLockfile ? attr('use_lockfile', true) : undefined])
        : undefined,
    );
  }
  ctx.add(
    'terraform',
    block('terraform', [], terraformBody, ctx.isModule || project.backend ? undefined : ['State is local until you add a backend; see "Bootstrap state" in the generated README or', 'set x-ecsform.backend and regenerate.']),
  );
  if (!ctx.isModule) ctx.add('terraform', block('provider', ['aws'], [attr('region', region)]));
  else {
    // A module cannot configure its provider; it checks that the caller's provider matches.
    const current = ctx.data('aws_region', 'current');
    ctx.add(
      'terraform',
      block('check', ['region_matches_provider'], [
        block('assert', [], [
          attr('condition', binary('==', call('lookup', ref(current), str('region'), call('lookup', ref(current), str('name'), NULL)), region), [
            'The provider names its region `region` from hashicorp/aws 6.0 and `name` before.',
          ]),
          attr('error_message', str('var.aws_region must be the region of the aws provider passed to this module.')),
        ]),
      ]),
    );
  }
}
