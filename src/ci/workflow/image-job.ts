/**
 * One matrix job per ECR repository: build the Compose `build` exactly as written (context,
 * Dockerfile, target, args) for the service's architecture and push it tagged with the commit
 * SHA. Tags are immutable, so an image that exists already (a re-run) is left alone.
 */
import type { WorkflowContext, ImageBuild } from './context.js';
import { awsCredentials, checkout, onDeployBranch, permissions, script, type PlannedJob, type Step, type YamlValue } from './steps.js';
import { ACTIONS, RUNNER } from './versions.js';

const NOT_BUILT = "steps.existing.outputs.found == 'false'";

export function imageJob(ctx: WorkflowContext): PlannedJob | undefined {
  if (ctx.images.length === 0) return undefined;
  const anyArm = ctx.images.some((i) => i.platform === 'linux/arm64');
  const steps: Step[] = [
    checkout,
    awsCredentials('publish'),
    {
      name: 'Is this commit built already?',
      id: 'existing',
      env: { REPOSITORY: '${{ matrix.repository }}' },
      run: script(
        'if out=$(aws ecr describe-images --repository-name "$REPOSITORY" --image-ids "imageTag=$IMAGE_TAG" 2>&1); then',
        '  echo "found=true" >> "$GITHUB_OUTPUT"',
        '  echo "::notice::$REPOSITORY:$IMAGE_TAG exists (tags are immutable); not building it again."',
        'elif grep -q ImageNotFoundException <<<"$out"; then',
        '  echo "found=false" >> "$GITHUB_OUTPUT"',
        'else',
        '  echo "::error::Cannot read ECR repository $REPOSITORY: $out. Create the repositories first (docs/deploy.md, Bootstrap)."',
        '  exit 1',
        'fi',
      ),
    },
    anyArm ? { name: 'Emulate arm64', if: `${NOT_BUILT} && matrix.platform == 'linux/arm64'`, uses: ACTIONS.setupQemu, with: { platforms: 'arm64' } } : undefined,
    { name: 'Set up Docker Buildx', if: NOT_BUILT, uses: ACTIONS.setupBuildx },
    { name: 'Log in to ECR', id: 'ecr', if: NOT_BUILT, uses: ACTIONS.ecrLogin },
    {
      name: 'Build and push',
      if: NOT_BUILT,
      uses: ACTIONS.buildPush,
      with: {
        context: '${{ matrix.context }}',
        file: '${{ matrix.file }}',
        target: '${{ matrix.target }}',
        platforms: '${{ matrix.platform }}',
        'build-args': buildArgsInput(ctx.images),
        push: true,
        tags: '${{ steps.ecr.outputs.registry }}/${{ matrix.repository }}:${{ env.IMAGE_TAG }}',
        // One plain image manifest per tag: what ECS pulls and ECR scans, nothing else to expire.
        provenance: false,
        'cache-from': 'type=gha,scope=${{ matrix.repository }}',
        'cache-to': 'type=gha,mode=max,scope=${{ matrix.repository }}',
      },
    },
  ].filter((s): s is Step => s !== undefined);
  return {
    id: 'images',
    job: {
      name: 'Image ${{ matrix.repository }}',
      if: `${onDeployBranch(ctx.branch)} && !inputs.image_tag`,
      'runs-on': RUNNER,
      'timeout-minutes': 60,
      permissions: permissions(true),
      strategy: { 'fail-fast': true, matrix: { include: ctx.images.map(matrixEntry) } },
      steps,
    },
  };
}

function matrixEntry(image: ImageBuild): YamlValue {
  return {
    repository: image.repository,
    context: image.context,
    file: image.file,
    target: image.target,
    platform: image.platform,
    'build-args': image.buildArgs.length > 0 ? image.buildArgs.join('\n') : undefined,
  };
}

/**
 * Plain arguments come from the matrix. Secret-looking ones never appear in this file: they are
 * read from repository secrets of the same name, for the one repository that needs each.
 */
function buildArgsInput(images: readonly ImageBuild[]): string {
  const secretLines = images.flatMap((image) =>
    image.secretBuildArgs.map((name) => `\${{ matrix.repository == '${image.repository}' && format('${name}={0}', secrets.${name}) || '' }}`),
  );
  return ['${{ matrix.build-args }}', ...secretLines].join('\n');
}
