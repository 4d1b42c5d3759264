/**
 * The generated `.github/workflows/deploy.yml`: valid against the published GitHub Actions
 * workflow schema (SchemaStore's, as compiled into @action-validator/core), covering every built
 * service and site, OIDC only, pinned actions, and the deploy strategy (apply with the SHA tag).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { githubWorkflow, githubWorkflowFile, WORKFLOW_PATH } from '../../src/ci/github-workflow.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import type { AppModel } from '../../src/model/types.js';
import { VERSION } from '../../src/version.js';
import { composeStack, freshIotStack, iotStack, type GeneratedStack } from './harness.js';
import { ARM_API, LOOKUP, NO_CI, TWO_SITES } from './fixtures.js';

/** The validator is CommonJS compiled from Rust to WebAssembly. */
const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core') as {
  validateWorkflow(source: string): { errors: readonly { code: string; path?: string; title: string }[] };
};

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly name?: string;
  readonly if?: string;
  readonly needs?: string[];
  readonly permissions?: Record<string, string>;
  readonly strategy?: { matrix: { include: Record<string, string>[] } };
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly concurrency: { group: string; 'cancel-in-progress': string };
  readonly env: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

function workflowOf(stack: GeneratedStack): { text: string; workflow: Workflow } {
  const text = githubWorkflow(stack.model, { terraformDir: stack.terraformDir, ecsformVersion: VERSION });
  return { text, workflow: parse(text) as Workflow };
}

function schemaErrors(text: string): string[] {
  return validateWorkflow(text).errors.map((e) => `${e.path ?? ''} ${e.code}: ${e.title}`);
}

let iot: { stack: GeneratedStack; text: string; workflow: Workflow };

before(() => {
  const stack = iotStack();
  iot = { stack, ...workflowOf(stack) };
});

describe('the IoT example workflow', () => {
  test('validates against the GitHub Actions workflow schema', () => {
    assert.deepEqual(schemaErrors(iot.text), []);
  });

  test('the validator does reject a broken workflow (so a pass means something)', () => {
    const broken = iot.text.replace('id-token: write', 'id-token: writ').replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04');
    assert.notDeepEqual(schemaErrors(broken), []);
  });

  test('builds the 9 services with a Compose build, each as Compose says', () => {
    const include = iot.workflow.jobs['images']!.strategy!.matrix.include;
    assert.deepEqual(include.map((i) => i['repository']), iot.stack.model.repositories.filter((r) => r.build).map((r) => `iot-dev/${r.name}`));
    assert.equal(include.length, 9);
    assert.deepEqual(include.find((i) => i['repository'] === 'iot-dev/ui-iot'), { repository: 'iot-dev/ui-iot', context: '.', file: 'services/ui_iot/Dockerfile', platform: 'linux/amd64' });
    const build = iot.workflow.jobs['images']!.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'))!;
    assert.equal(build.with!['tags'], '${{ steps.ecr.outputs.registry }}/${{ matrix.repository }}:${{ env.IMAGE_TAG }}');
    assert.equal(iot.workflow.env['IMAGE_TAG'], '${{ inputs.image_tag || github.sha }}');
    assert.doesNotMatch(iot.text, /:latest\b/);
  });

  test('builds and publishes the SPA', () => {
    assert.deepEqual(iot.workflow.jobs['site-build']!.strategy!.matrix.include, [{ site: 'ui', context: 'ui', command: 'npm ci && npm run build', output: 'ui/dist' }]);
    const publish = iot.workflow.jobs['site-publish']!;
    const script = publish.steps.map((s) => s.run ?? '').join('\n');
    assert.match(script, /aws s3 sync site\/ "s3:\/\/\$BUCKET\/" --delete/);
    assert.match(script, /aws cloudfront create-invalidation --distribution-id "\$DISTRIBUTION" --paths "\/\*"/);
    assert.deepEqual(publish.needs, ['site-build', 'deploy']);
  });

  test('deploys with terraform apply -var image_tag, waits for ECS, then smoke-tests with this ecsform version', () => {
    const deploy = iot.workflow.jobs['deploy']!;
    const runs = deploy.steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /terraform apply -input=false -auto-approve -lock-timeout=10m -var "image_tag=\$\{IMAGE_TAG\}"/);
    assert.match(runs, /xargs -n 10 aws ecs wait services-stable --cluster "\$cluster" --services/);
    assert.doesNotMatch(iot.text, /force-new-deployment|update-service|register-task-definition/);
    const smoke = iot.workflow.jobs['smoke']!;
    assert.ok(smoke.steps.some((s) => s.run === `npx --yes ecsform@${VERSION} smoke --outputs smoke-test.json --timeout 10m`));
    assert.deepEqual(smoke.needs, ['deploy', 'site-publish']);
  });

  test('plans pull requests with the read-only role, without taking the state lock', () => {
    const plan = iot.workflow.jobs['plan']!;
    assert.equal(plan.if, "github.event_name == 'pull_request'");
    assert.equal(plan.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!.with!['role-to-assume'], '${{ vars.AWS_PLAN_ROLE_ARN }}');
    assert.match(plan.steps.map((s) => s.run ?? '').join('\n'), /terraform plan -input=false -lock=false -var "image_tag=\$\{IMAGE_TAG\}"/);
  });

  test('no long-lived AWS credentials anywhere: OIDC roles only', () => {
    for (const forbidden of [/aws-access-key-id/i, /aws-secret-access-key/i, /AWS_SECRET_ACCESS_KEY/, /AWS_ACCESS_KEY_ID/, /secrets\.AWS/i]) assert.doesNotMatch(iot.text, forbidden);
    assert.deepEqual(iot.workflow.permissions, { contents: 'read' });
    for (const [id, job] of Object.entries(iot.workflow.jobs)) {
      const credentials = job.steps.filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      for (const step of credentials) assert.match(String(step.with!['role-to-assume']), /^\$\{\{ vars\.AWS_(PLAN|PUBLISH|DEPLOY)_ROLE_ARN \}\}$/, id);
      assert.equal(job.permissions?.['id-token'] === 'write', credentials.length > 0, `${id}: an OIDC token exactly when the job assumes a role`);
    }
  });

  test('jobs that run third-party build code hold no infrastructure rights', () => {
    const role = (id: string) => iot.workflow.jobs[id]!.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with?.['role-to-assume'];
    assert.equal(role('images'), '${{ vars.AWS_PUBLISH_ROLE_ARN }}');
    assert.equal(role('site-build'), undefined);
    assert.equal(role('deploy'), '${{ vars.AWS_DEPLOY_ROLE_ARN }}');
  });

  test('every action is pinned to a full release tag', () => {
    const uses = [...iot.text.matchAll(/uses: (\S+)/g)].map((m) => m[1]!);
    assert.ok(uses.length > 10);
    for (const ref of uses) assert.match(ref, /^[\w.-]+\/[\w.-]+@v\d+\.\d+\.\d+$/, ref);
  });

  test('deploys never overlap nor get cancelled half-way; a newer push to a PR replaces its plan', () => {
    assert.equal(iot.workflow.concurrency.group, "${{ github.event_name == 'pull_request' && format('plan-{0}', github.ref) || 'deploy-iot-dev' }}");
    assert.equal(iot.workflow.concurrency['cancel-in-progress'], "${{ github.event_name == 'pull_request' }}");
  });


  test('is deterministic and starts with a header comment', () => {
    assert.equal(workflowOf(freshIotStack()).text, iot.text);
    assert.match(iot.text, /^# Generated by ecsform \d+\.\d+\.\d+ from examples\/iot-platform\/compose\.yaml: deploys iot \(dev\)/);
    assert.match(iot.text, /AWS_DEPLOY_ROLE_ARN, AWS_PLAN_ROLE_ARN, AWS_PUBLISH_ROLE_ARN/);
  });

  test('as a generated file for `generate --ci github`', () => {
    const file = githubWorkflowFile(iot.stack.model, { terraformDir: iot.stack.terraformDir, ecsformVersion: VERSION });
    assert.equal(file.path, WORKFLOW_PATH);
    assert.equal(file.content, iot.text);
    assert.equal(githubWorkflowFile(iot.stack.model, { terraformDir: 'infra', ecsformVersion: VERSION, rootInRepository: 'apps/iot' }).path, '../../.github/workflows/deploy.yml');
  });
});

describe('workflows of other stack shapes', () => {
  test('ARM64: built for linux/arm64 under QEMU; target, Dockerfile and arguments as Compose says; the secret one from repository secrets', () => {
    const { text, workflow } = workflowOf(composeStack(ARM_API));
    assert.deepEqual(schemaErrors(text), []);
    const include = workflow.jobs['images']!.strategy!.matrix.include;
    assert.deepEqual(include[0], { repository: 'shop-prod/api', context: 'api', file: 'api/docker/Dockerfile.prod', target: 'runtime', platform: 'linux/arm64', 'build-args': 'NODE_ENV=production' });
    assert.equal(include[1]!['platform'], 'linux/arm64');
    const qemu = workflow.jobs['images']!.steps.find((s) => s.uses?.startsWith('docker/setup-qemu-action@'))!;
    assert.match(qemu.if ?? '', /matrix\.platform == 'linux\/arm64'/);
    assert.doesNotMatch(text, /npm_abcdefghijklmnopqrstuvwxyz0123456789/, 'the secret value never reaches the workflow');
    assert.match(text, /format\('NPM_TOKEN=\{0\}', secrets\.NPM_TOKEN\)/);
    assert.match(text, /Repository secrets read as build arguments: NPM_TOKEN\./);
  });

  test('no static site: no site jobs, and the smoke test follows the deploy directly', () => {
    const { text, workflow } = workflowOf(composeStack(ARM_API));
    assert.equal(workflow.jobs['site-build'], undefined);
    assert.equal(workflow.jobs['site-publish'], undefined);
    assert.deepEqual(workflow.jobs['smoke']!.needs, ['deploy']);
    assert.deepEqual(workflow.jobs['deploy']!.needs, ['images']);
    assert.doesNotMatch(text, /Require a remote state backend/, 'x-ecsform.backend is set');
    assert.equal(workflow.on['push'] !== undefined && JSON.stringify(workflow.on['push']), '{"branches":["release"]}');
  });

  test('several static sites: one matrix entry and one pair of outputs each', () => {
    const { text, workflow } = workflowOf(composeStack(TWO_SITES));
    assert.deepEqual(schemaErrors(text), []);
    assert.deepEqual(workflow.jobs['site-build']!.strategy!.matrix.include.map((i) => [i['site'], i['command'], i['output']]), [
      ['admin', 'pnpm install && pnpm build', 'admin/build'],
      ['www', 'npm ci && npm run build', 'www/dist'],
    ]);
    const outputs = workflow.jobs['deploy']!.steps.find((s) => s.run?.includes('terraform output'))!.run!;
    assert.match(outputs, /echo "admin-bucket=\$\(terraform output -raw static_site_bucket_admin\)"/);
    assert.match(outputs, /echo "www-distribution=\$\(terraform output -raw cloudfront_distribution_id_www\)"/);
  });

  test('without remote state the deploy stops with an explanation before applying', () => {
    const { workflow } = workflowOf(composeStack(TWO_SITES));
    const names = workflow.jobs['deploy']!.steps.map((s) => s.name);
    assert.ok(names.indexOf('Require a remote state backend') >= 0 && names.indexOf('Require a remote state backend') < names.indexOf('Apply'));
  });

  test('lookup repositories: pushed by their own names, checked before the apply', () => {
    const { text, workflow } = workflowOf(composeStack(LOOKUP));
    assert.deepEqual(schemaErrors(text), []);
    assert.deepEqual(workflow.jobs['images']!.strategy!.matrix.include.map((i) => i['repository']), ['web']);
    assert.match(text, /REPOSITORIES: web\n/);
  });

  test('no x-ecsform.ci.github: asking for a workflow is an input error with a hint', () => {
    const model: AppModel = composeStack(NO_CI).model;
    try {
      githubWorkflow(model, { terraformDir: 'terraform', ecsformVersion: VERSION });
      assert.fail('expected an InputError');
    } catch (error) {
      assert.ok(isInputError(error));
      assert.equal(error.findings[0]!.code, 'CI_NOT_CONFIGURED');
      assert.match(error.findings[0]!.hint ?? '', /repository: owner\/name/);
    }
  });
});

test('Terraform variables without a default come from repository variables, sensitive ones from secrets', () => {
  const stack = composeStack(ARM_API);
  const text = githubWorkflow(stack.model, {
    terraformDir: stack.terraformDir,
    ecsformVersion: VERSION,
    requiredVariables: [
      { name: 'certificate_arn', sensitive: false },
      { name: 'partner_token', sensitive: true },
      { name: 'image_tag', sensitive: false },
    ],
  });
  const env = (parse(text) as { env: Record<string, string> }).env;
  assert.equal(env['TF_VAR_certificate_arn'], '${{ vars.TF_VAR_CERTIFICATE_ARN }}');
  assert.equal(env['TF_VAR_partner_token'], '${{ secrets.TF_VAR_PARTNER_TOKEN }}');
  assert.equal(env['TF_VAR_image_tag'], undefined, 'image_tag is passed with -var');
  assert.match(text, /read from repository variables: TF_VAR_CERTIFICATE_ARN\./);
  assert.match(text, /read from repository secrets: TF_VAR_PARTNER_TOKEN\./);
});

test('the generated workflow of a stack passes its required variables', () => {
  assert.match(iotStack().files.find((f) => f.path.endsWith('deploy.yml'))?.text ?? '', /TF_VAR_certificate_arn: \$\{\{ vars\.TF_VAR_CERTIFICATE_ARN \}\}/);
});
