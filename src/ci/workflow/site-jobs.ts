/**
 * Static sites in two jobs: the build runs `npm ci` and the site's scripts with no AWS access at
 * all; the publish job, after the deploy, uploads the files and invalidates the CDN. Uploading
 * new files before `index.html`, and deleting stale ones last, means no visitor is ever served a
 * page whose assets are missing.
 */
import type { SiteBuild, WorkflowContext } from './context.js';
import { awsCredentials, checkout, onDeployBranch, permissions, script, setupNode, type PlannedJob, type YamlValue } from './steps.js';
import { ACTIONS, RUNNER } from './versions.js';

export const SITE_BUILD_JOB = 'site-build';
export const SITE_PUBLISH_JOB = 'site-publish';

export function siteBuildJob(ctx: WorkflowContext): PlannedJob | undefined {
  if (ctx.sites.length === 0) return undefined;
  return {
    id: SITE_BUILD_JOB,
    job: {
      name: 'Build site ${{ matrix.site }}',
      if: `${onDeployBranch(ctx.branch)} && !inputs.image_tag`,
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: permissions(false),
      strategy: { 'fail-fast': true, matrix: { include: ctx.sites.map(buildEntry) } },
      steps: [
        checkout,
        setupNode,
        { name: 'Build', 'working-directory': '${{ matrix.context }}', run: '${{ matrix.command }}' },
        { name: 'Keep the build', uses: ACTIONS.uploadArtifact, with: { name: 'site-${{ matrix.site }}', path: '${{ matrix.output }}', 'if-no-files-found': 'error', 'retention-days': 7 } },
      ],
    },
    comments: [{ path: ['permissions'], text: ' No id-token: the site\'s build scripts (npm ci, postinstall...) run without any AWS access.' }],
  };
}

export function sitePublishJob(ctx: WorkflowContext, deployJob: string): PlannedJob | undefined {
  if (ctx.sites.length === 0) return undefined;
  return {
    id: SITE_PUBLISH_JOB,
    job: {
      name: 'Publish site ${{ matrix.site }}',
      needs: [SITE_BUILD_JOB, deployJob],
      if: onDeployBranch(ctx.branch),
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: permissions(true),
      strategy: { 'fail-fast': false, matrix: { include: ctx.sites.map((s) => ({ site: s.id })) } },
      env: {
        BUCKET: `\${{ needs.${deployJob}.outputs[format('{0}-bucket', matrix.site)] }}`,
        DISTRIBUTION: `\${{ needs.${deployJob}.outputs[format('{0}-distribution', matrix.site)] }}`,
      },
      steps: [
        { name: 'Fetch the build', uses: ACTIONS.downloadArtifact, with: { name: 'site-${{ matrix.site }}', path: 'site' } },
        awsCredentials('publish'),
        {
          name: 'Upload',
          run: script(
            '# Content-hashed assets first, cached for a year; then the page that points at them, never cached.',
            'aws s3 sync site/ "s3://$BUCKET/" --exclude index.html --cache-control "public, max-age=31536000, immutable"',
            'aws s3 cp site/index.html "s3://$BUCKET/index.html" --cache-control "no-cache"',
            'aws s3 sync site/ "s3://$BUCKET/" --delete --exclude index.html --cache-control "public, max-age=31536000, immutable"',
          ),
        },
        {
          name: 'Invalidate the CDN',
          run: script(
            'id=$(aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths "/*" --query Invalidation.Id --output text)',
            'aws cloudfront wait invalidation-completed --distribution-id "$DISTRIBUTION" --id "$id"',
          ),
        },
      ],
    },
  };
}

/** Step outputs the deploy job exposes for the publish job: `<site>-bucket`, `<site>-distribution`. */
export function siteOutputs(sites: readonly SiteBuild[], step: string): Record<string, string> {
  return Object.fromEntries(sites.flatMap((s) => [[`${s.id}-bucket`, `\${{ steps.${step}.outputs.${s.id}-bucket }}`], [`${s.id}-distribution`, `\${{ steps.${step}.outputs.${s.id}-distribution }}`]]));
}

/** Shell lines that write those step outputs from `terraform output`. */
export function siteOutputLines(sites: readonly SiteBuild[]): string[] {
  return sites.flatMap((s) => [
    `echo "${s.id}-bucket=$(terraform output -raw ${s.bucketOutput})" >> "$GITHUB_OUTPUT"`,
    `echo "${s.id}-distribution=$(terraform output -raw ${s.distributionOutput})" >> "$GITHUB_OUTPUT"`,
  ]);
}

function buildEntry(site: SiteBuild): YamlValue {
  return { site: site.id, context: site.context, command: site.command, output: site.output };
}
