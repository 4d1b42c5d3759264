/**
 * What the workflow needs to know about the stack, derived once from the model: where things are
 * in the repository, which images to build and how, which sites to publish.
 */
import { posix } from 'node:path';
import { secretNameMatch, secretValueMatch } from '../../aws/secret-patterns.js';
import type { AppModel, Repository, StaticSite } from '../../model/types.js';

export interface WorkflowOptions {
  /** Directory of the Terraform root, relative to the output root (GenerateResult.terraformDir). */
  readonly terraformDir: string;
  /** Where the output root (the Compose project directory) is inside the Git repository; default `.`. */
  readonly rootInRepository?: string;
  /** ecsform version the smoke job runs (`npx ecsform@<version>`). */
  readonly ecsformVersion: string;
  /** Variables of the Terraform root without a default (`image_tag` aside, which the workflow sets). */
  readonly requiredVariables?: readonly { readonly name: string; readonly sensitive: boolean }[];
}

export interface ImageBuild {
  /** ECR repository name, e.g. `iot-dev/ui-iot`. */
  readonly repository: string;
  readonly context: string;
  /** Path of the Dockerfile from the repository root (build-push-action does not resolve it against the context). */
  readonly file?: string;
  readonly target?: string;
  readonly platform: 'linux/amd64' | 'linux/arm64';
  /** `NAME=value` lines of the plain build arguments. */
  readonly buildArgs: readonly string[];
  /** Build arguments whose name or value looks secret: read from repository secrets, never written here. */
  readonly secretBuildArgs: readonly string[];
}

export interface SiteBuild {
  readonly name: string;
  readonly id: string;
  readonly context: string;
  readonly command: string;
  /** Directory the build writes, from the repository root. */
  readonly output: string;
  /** Terraform outputs holding its bucket and distribution. */
  readonly bucketOutput: string;
  readonly distributionOutput: string;
}

export interface WorkflowContext {
  readonly model: AppModel;
  readonly branch: string;
  readonly region: string;
  readonly terraformDir: string;
  readonly ecsformVersion: string;
  readonly images: readonly ImageBuild[];
  /** Every repository the services pull from (built here or elsewhere), to check tags exist. */
  readonly repositories: readonly string[];
  readonly sites: readonly SiteBuild[];
  readonly hasServices: boolean;
  readonly hasBackend: boolean;
  /** `TF_VAR_<name>` for each required variable, read from a repository variable (or secret, if sensitive) of the same name. */
  readonly terraformVariables: readonly { readonly name: string; readonly source: 'vars' | 'secrets' }[];
}

export function workflowContext(model: AppModel, options: WorkflowOptions): WorkflowContext {
  const github = model.ci?.github;
  const root = options.rootInRepository ?? '.';
  const inRepo = (path: string) => normalize(posix.join(root, path));
  const used = model.repositories.filter((r) => r.services.length > 0);
  return {
    model,
    branch: github?.branch ?? 'main',
    region: model.project.region,
    terraformDir: inRepo(options.terraformDir || '.'),
    ecsformVersion: options.ecsformVersion,
    images: used.filter((r) => r.build !== undefined).map((r) => imageBuild(model, r, inRepo)),
    repositories: used.map((r) => repositoryName(model, r)),
    sites: model.staticSites.map((s) => siteBuild(s, model.staticSites.length, inRepo)),
    hasServices: model.services.length > 0,
    hasBackend: model.project.backend !== undefined,
    terraformVariables: (options.requiredVariables ?? [])
      .filter((v) => v.name !== 'image_tag')
      .map((v) => ({ name: `TF_VAR_${v.name}`, source: v.sensitive ? ('secrets' as const) : ('vars' as const) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The name Terraform gives the repository: `<project>-<environment>/<name>` when it creates it. */
export function repositoryName(model: AppModel, repository: Repository): string {
  return repository.mode === 'create' ? `${model.project.name}-${model.project.environment}/${repository.name}` : repository.name;
}

function imageBuild(model: AppModel, repository: Repository, inRepo: (path: string) => string): ImageBuild {
  const build = repository.build!;
  const remote = isRemote(build.context);
  const context = remote ? build.context : inRepo(build.context);
  const secret = (name: string, value: string) => secretNameMatch(name, value) !== undefined || secretValueMatch(value) !== undefined;
  return {
    repository: repositoryName(model, repository),
    context,
    // Compose reads `dockerfile` relative to the context; the action reads `file` from the workspace.
    ...(build.dockerfile !== undefined ? { file: remote ? build.dockerfile : normalize(posix.join(context, build.dockerfile)) } : {}),
    ...(build.target !== undefined ? { target: build.target } : {}),
    platform: repository.architecture === 'arm64' ? 'linux/arm64' : 'linux/amd64',
    buildArgs: build.args.filter((a) => !secret(a.name, a.value)).map((a) => `${a.name}=${a.value}`),
    secretBuildArgs: build.args.filter((a) => secret(a.name, a.value)).map((a) => a.name),
  };
}

function siteBuild(site: StaticSite, count: number, inRepo: (path: string) => string): SiteBuild {
  const context = inRepo(site.buildContext);
  const suffix = count === 1 ? '' : `_${site.id}`;
  return {
    name: site.name,
    id: site.id,
    context,
    command: site.buildCommand,
    output: normalize(posix.join(context, site.outputDir)),
    bucketOutput: `static_site_bucket${suffix}`,
    distributionOutput: `cloudfront_distribution_id${suffix}`,
  };
}

function isRemote(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || context.startsWith('github.com/');
}

/** `./a/../b/` → `b`, `''` → `.`. */
function normalize(path: string): string {
  const normalized = posix.normalize(path).replace(/\/+$/, '');
  return normalized === '' ? '.' : normalized;
}
