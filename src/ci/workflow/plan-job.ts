/**
 * Pull requests: `terraform plan` with the read-only plan role, published in the job summary and
 * as an artifact. `-lock=false` because the role may not write, not even a lock file; a plan is
 * advice, the apply on the deploy branch plans again under the lock.
 */
import { awsCredentials, checkout, permissions, script, setupTerraform, type PlannedJob } from './steps.js';
import { ACTIONS, RUNNER } from './versions.js';
import type { WorkflowContext } from './context.js';

/** GitHub caps a step summary at 1 MiB; a plan longer than this is in the artifact. */
const SUMMARY_BYTES = 60000;

export function planJob(ctx: WorkflowContext): PlannedJob {
  return {
    id: 'plan',
    job: {
      name: 'Terraform plan',
      if: "github.event_name == 'pull_request'",
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: permissions(true),
      defaults: { run: { 'working-directory': ctx.terraformDir } },
      steps: [
        checkout,
        setupTerraform,
        awsCredentials('plan'),
        { name: 'Check formatting', run: 'terraform fmt -check -recursive' },
        { name: 'Initialise', run: 'terraform init -input=false' },
        { name: 'Validate', run: 'terraform validate' },
        { name: 'Plan', run: script('terraform plan -input=false -lock=false -var "image_tag=${IMAGE_TAG}" -out=tfplan', 'terraform show -no-color tfplan > plan.txt') },
        {
          name: 'Publish the plan',
          run: script(
            '{',
            "  echo '### Terraform plan'",
            "  echo '```'",
            `  head -c ${SUMMARY_BYTES} plan.txt`,
            "  echo '```'",
            '} >> "$GITHUB_STEP_SUMMARY"',
          ),
        },
        { name: 'Keep the plan', uses: ACTIONS.uploadArtifact, with: { name: 'terraform-plan', path: `${ctx.terraformDir}/plan.txt`, 'retention-days': 14 } },
      ],
    },
  };
}
