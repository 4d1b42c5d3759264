/**
 * The deploy: `terraform apply -var image_tag=<sha>`, so Terraform registers every task
 * definition itself and the state never drifts from what runs (no `update-service
 * --force-new-deployment`, no `ignore_changes` on task definitions). Then wait until ECS says
 * the services are stable, and hand the smoke test its targets.
 */
import type { WorkflowContext } from './context.js';
import { siteOutputLines, siteOutputs, SITE_BUILD_JOB } from './site-jobs.js';
import { awsCredentials, checkout, onDeployBranch, permissions, script, setupTerraform, type PlannedJob, type Step } from './steps.js';
import { ACTIONS, RUNNER } from './versions.js';

export const DEPLOY_JOB = 'deploy';
export const SMOKE_ARTIFACT = 'smoke-test';

/** ECS DescribeServices (behind `aws ecs wait`) takes at most 10 services per call. */
const SERVICES_PER_WAIT = 10;

export function deployJob(ctx: WorkflowContext, imagesJob: string | undefined): PlannedJob {
  const needs = [imagesJob, ctx.sites.length > 0 ? SITE_BUILD_JOB : undefined].filter((n): n is string => n !== undefined);
  // After the builds, or when they were skipped on purpose (a redeploy of an earlier tag); never after a cancel.
  const upstreamOk = needs.map((n) => `(needs.${n}.result == 'success' || needs.${n}.result == 'skipped')`);
  const steps: Step[] = [
    checkout,
    setupTerraform,
    // The account id is not a secret; masked, it would blank the bucket names the publish job needs.
    awsCredentials('deploy', { 'role-duration-seconds': 7200, 'mask-aws-account-id': false }),
    ...(ctx.hasBackend ? [] : [requireRemoteState()]),
    ...(ctx.repositories.length > 0 ? [checkImagesExist(ctx)] : []),
    { name: 'Initialise', run: 'terraform init -input=false' },
    { name: 'Apply', run: 'terraform apply -input=false -auto-approve -lock-timeout=10m -var "image_tag=${IMAGE_TAG}"' },
    {
      name: 'Read outputs',
      id: 'outputs',
      run: script(...(ctx.hasServices ? ['terraform output -json smoke_test > "$RUNNER_TEMP/smoke-test.json"'] : []), ...siteOutputLines(ctx.sites)),
    },
    ...(ctx.hasServices ? waitAndKeepTargets() : []),
  ];
  return {
    id: DEPLOY_JOB,
    job: {
      name: 'Deploy',
      needs: needs.length > 0 ? needs : undefined,
      if: needs.length > 0 ? `!cancelled() && ${onDeployBranch(ctx.branch)} && ${upstreamOk.join(' && ')}` : onDeployBranch(ctx.branch),
      'runs-on': RUNNER,
      'timeout-minutes': 90,
      permissions: permissions(true),
      defaults: { run: { 'working-directory': ctx.terraformDir } },
      outputs: ctx.sites.length > 0 ? siteOutputs(ctx.sites, 'outputs') : undefined,
      steps,
    },
  };
}

function requireRemoteState(): Step {
  return {
    name: 'Require a remote state backend',
    run: script(
      'echo "::error::This stack keeps its Terraform state locally, so every CI run would start from nothing. Set x-ecsform.backend (S3 with use_lockfile) and regenerate: docs/deploy.md, Bootstrap state."',
      'exit 1',
    ),
  };
}

/** Applying a tag that was never pushed would register task definitions ECS cannot start. */
function checkImagesExist(ctx: WorkflowContext): Step {
  return {
    name: 'Check the images exist',
    env: { REPOSITORIES: ctx.repositories.join(' ') },
    run: script(
      'for repository in $REPOSITORIES; do',
      '  aws ecr describe-images --repository-name "$repository" --image-ids "imageTag=$IMAGE_TAG" > /dev/null \\',
      '    || { echo "::error::$repository has no image tagged $IMAGE_TAG."; exit 1; }',
      'done',
    ),
  };
}

function waitAndKeepTargets(): Step[] {
  return [
    {
      name: 'Wait for the services to be stable',
      run: script(
        'cluster=$(jq -r .cluster "$RUNNER_TEMP/smoke-test.json")',
        `jq -r '.services[].name' "$RUNNER_TEMP/smoke-test.json" | xargs -n ${SERVICES_PER_WAIT} aws ecs wait services-stable --cluster "$cluster" --services`,
      ),
    },
    {
      name: 'Keep the smoke test targets',
      uses: ACTIONS.uploadArtifact,
      with: { name: SMOKE_ARTIFACT, path: '${{ runner.temp }}/smoke-test.json', 'retention-days': 7 },
    },
  ];
}
