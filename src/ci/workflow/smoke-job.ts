/**
 * After the deploy (and the sites): `ecsform smoke` checks what users see, services, targets,
 * URLs and logs, against the `smoke_test` output of this very apply.
 */
import type { WorkflowContext } from './context.js';
import { DEPLOY_JOB, SMOKE_ARTIFACT } from './deploy-job.js';
import { SITE_PUBLISH_JOB } from './site-jobs.js';
import { awsCredentials, onDeployBranch, permissions, setupNode, type PlannedJob } from './steps.js';
import { ACTIONS, RUNNER } from './versions.js';

export function smokeJob(ctx: WorkflowContext): PlannedJob | undefined {
  if (!ctx.hasServices) return undefined;
  const needs = ctx.sites.length > 0 ? [DEPLOY_JOB, SITE_PUBLISH_JOB] : [DEPLOY_JOB];
  return {
    id: 'smoke',
    job: {
      name: 'Smoke test',
      needs,
      // After a redeploy of an earlier tag the sites are not republished (skipped): still smoke-test.
      if: ctx.sites.length > 0
        ? `!cancelled() && ${onDeployBranch(ctx.branch)} && needs.${DEPLOY_JOB}.result == 'success' && (needs.${SITE_PUBLISH_JOB}.result == 'success' || needs.${SITE_PUBLISH_JOB}.result == 'skipped')`
        : onDeployBranch(ctx.branch),
      'runs-on': RUNNER,
      'timeout-minutes': 20,
      permissions: permissions(true),
      steps: [
        { name: 'Fetch the targets', uses: ACTIONS.downloadArtifact, with: { name: SMOKE_ARTIFACT } },
        setupNode,
        awsCredentials('deploy'),
        { name: 'Smoke test', run: `npx --yes ecsform@${ctx.ecsformVersion} smoke --outputs smoke-test.json --timeout 10m` },
      ],
    },
  };
}
