/**
 * The GitHub OIDC trust and roles in ci.tf: valid against the AWS provider schema (every block
 * type and argument exists), clean under the full offline verification, trust pinned to the
 * repository and branch, and shaped by the stack (lookup provider, lookup repositories).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Block, BodyItem } from '../../src/hcl/ast.js';
import { parseHcl } from '../../src/hcl/index.js';
import { type BlockSchema, loadAwsSchema, type ProviderSchema } from '../../src/terraform/index.js';
import { CORRECTNESS_CHECKS, check } from '../../src/check/index.js';
import { composeStack, iotStack, type GeneratedStack } from './harness.js';
import { ARM_API, LOOKUP, NO_CI, TWO_SITES } from './fixtures.js';

let schema: ProviderSchema;
let iot: GeneratedStack;

before(async () => {
  schema = await loadAwsSchema();
  iot = iotStack();
});

/** Blocks of a top-level type (`resource`, `data`) and AWS type, e.g. ('resource', 'aws_iam_role'). */
function blocksOf(text: string, kind: string, type?: string): Block[] {
  const { file, errors } = parseHcl('ci.tf', text);
  assert.deepEqual(errors, []);
  return file.body.items.filter((i): i is Block => i.kind === 'block' && i.type === kind && (type === undefined || i.labels[0] === type));
}

/** The text of the top-level block that starts with `header`, up to its closing brace. */
function blockText(text: string, header: string): string {
  const start = text.indexOf(`${header} {`);
  assert.ok(start >= 0, `no ${header}`);
  return text.slice(start, text.indexOf('\n}\n', start) + 2);
}

/** Every argument and nested block of `body`, checked against `spec`; returns the problems. */
function schemaProblems(body: readonly BodyItem[], spec: BlockSchema, where: string): string[] {
  const problems: string[] = [];
  for (const item of body) {
    if (item.kind === 'attribute') {
      if (['for_each', 'count', 'depends_on', 'provider'].includes(item.name)) continue;
      const attribute = spec.attributes[item.name];
      if (!attribute) problems.push(`${where}: unknown argument ${item.name}`);
      else if (!attribute.required && !attribute.optional) problems.push(`${where}: ${item.name} is read-only`);
    } else if (item.kind === 'block') {
      if (item.type === 'lifecycle') continue;
      const nested = spec.blocks[item.type];
      if (!nested) problems.push(`${where}: unknown block ${item.type}`);
      else problems.push(...schemaProblems(item.body.items, nested.block, `${where}.${item.type}`));
    }
  }
  const given = new Set(body.map((i) => (i.kind === 'attribute' ? i.name : i.kind === 'block' ? i.type : '')));
  for (const [name, attribute] of Object.entries(spec.attributes)) if (attribute.required && !given.has(name)) problems.push(`${where}: missing required ${name}`);
  return problems;
}

function checkAgainstSchema(text: string): string[] {
  const problems: string[] = [];
  for (const block of [...blocksOf(text, 'resource'), ...blocksOf(text, 'data')]) {
    const [type, name] = block.labels;
    const spec = block.type === 'resource' ? schema.resource(type!) : schema.dataSource(type!);
    if (!spec) problems.push(`${block.type} ${type}: not in the AWS provider ${schema.version}`);
    else problems.push(...schemaProblems(block.body.items, spec, `${type}.${name}`));
  }
  return problems;
}

describe('ci.tf against the AWS provider schema', () => {
  test('the IoT example: every type, argument and nested block exists', () => {
    assert.ok(iot.ciTf.includes('resource "aws_iam_openid_connect_provider" "github"'));
    assert.deepEqual(checkAgainstSchema(iot.ciTf), []);
  });

  for (const [name, compose] of Object.entries({ ARM_API, TWO_SITES, LOOKUP })) {
    test(`synthetic stack ${name}: every type, argument and nested block exists`, () => {
      assert.deepEqual(checkAgainstSchema(composeStack(compose).ciTf), []);
    });
  }

  test('the whole IoT module with ci.tf passes the offline verification: syntax, format, schema, references, hygiene', async () => {
    const result = await check({ files: iot.files }, { checks: CORRECTNESS_CHECKS });
    assert.deepEqual(result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`), []);
  });

  test('so does a stack with remote state, ARM64 and lookup repositories', async () => {
    for (const compose of [ARM_API, LOOKUP]) {
      const result = await check({ files: composeStack(compose).files }, { checks: CORRECTNESS_CHECKS });
      assert.deepEqual(result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`), []);
    }
  });

  test('the pipeline roles carry no unexplained security finding', async () => {
    const result = await check({ files: iot.files });
    const ci = result.findings.filter((f) => !f.suppressed && f.severity !== 'info' && /github/.test(f.path ?? ''));
    assert.deepEqual(ci.map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`), []);
  });
});

describe('trust: who may assume the roles', () => {
  test('deploy and publish: only this repository, on the deploy branch, for the STS audience', () => {
    const [trust] = blocksOf(iot.ciTf, 'data', 'aws_iam_policy_document').filter((b) => b.labels[1] === 'github_deploy_branch_trust');
    const text = JSON.stringify(trust);
    assert.match(iot.ciTf, /variable\s+=\s+"token\.actions\.githubusercontent\.com:sub"\n\s+values\s+=\s+\["repo:\$\{var\.github_repository\}:ref:refs\/heads\/\$\{var\.github_deploy_branch\}"\]/);
    assert.match(iot.ciTf, /variable\s+=\s+"token\.actions\.githubusercontent\.com:aud"\n\s+values\s+=\s+\["sts\.amazonaws\.com"\]/);
    assert.ok(text.includes('StringEquals') && !text.includes('StringLike'), 'exact match: no wildcard subjects');
    assert.match(iot.ciTf, /default\s+=\s+"example-org\/iot-platform"/);
    assert.match(blockText(iot.ciTf, 'resource "aws_iam_role" "github_deploy"'), /assume_role_policy\s+=\s+data\.aws_iam_policy_document\.github_deploy_branch_trust\.json/);
    assert.match(blockText(iot.ciTf, 'resource "aws_iam_role" "github_publish"'), /assume_role_policy\s+=\s+data\.aws_iam_policy_document\.github_deploy_branch_trust\.json/);
  });

  test('plan: pull requests of this repository only', () => {
    assert.match(iot.ciTf, /values\s+=\s+\["repo:\$\{var\.github_repository\}:pull_request"\]/);
    assert.match(blockText(iot.ciTf, 'resource "aws_iam_role" "github_plan"'), /assume_role_policy\s+=\s+data\.aws_iam_policy_document\.github_pull_request_trust\.json/);
  });

  test('the branch comes from x-ecsform.ci.github.branch', () => {
    assert.match(blockText(composeStack(ARM_API).ciTf, 'variable "github_deploy_branch"'), /default\s+=\s+"release"/);
  });

  test('an account that has the provider already: looked up, not created', () => {
    const ci = composeStack(LOOKUP).ciTf;
    assert.equal(blocksOf(ci, 'resource', 'aws_iam_openid_connect_provider').length, 0);
    assert.match(ci, /data "aws_iam_openid_connect_provider" "github" \{\n\s+url = "https:\/\/token\.actions\.githubusercontent\.com"/);
    assert.match(ci, /identifiers = \[data\.aws_iam_openid_connect_provider\.github\.arn\]/);
  });

  test('the role ARNs are outputs, named as the workflow reads them', () => {
    assert.match(iot.ciTf, /output "github_actions_variables" \{[\s\S]*AWS_DEPLOY_ROLE_ARN\s+=\s+aws_iam_role\.github_deploy\.arn[\s\S]*AWS_PLAN_ROLE_ARN\s+=\s+aws_iam_role\.github_plan\.arn[\s\S]*AWS_PUBLISH_ROLE_ARN\s+=\s+aws_iam_role\.github_publish\.arn/);
  });

  test('no CI settings, no CI resources', () => {
    assert.equal(composeStack(NO_CI).ciTf, '');
  });
});

describe('what the pipeline roles may touch', () => {
  test('publish pushes to exactly the built repositories, syncs the site bucket, invalidates its distribution', () => {
    const [publish] = blocksOf(iot.ciTf, 'data', 'aws_iam_policy_document').filter((b) => b.labels[1] === 'github_publish');
    const text = iot.ciTf.slice(iot.ciTf.indexOf('data "aws_iam_policy_document" "github_publish"'), iot.ciTf.indexOf('resource "aws_iam_role" "github_publish"'));
    assert.ok(publish);
    const pushed = [...text.matchAll(/aws_ecr_repository\.services\["([a-z-]+)"\]\.arn/g)].map((m) => m[1]);
    assert.deepEqual(pushed, iot.model.repositories.filter((r) => r.build).map((r) => r.name));
    assert.equal(pushed.length, 9);
    assert.match(text, /"arn:\$\{data\.aws_partition\.current\.partition\}:s3:::\$\{aws_s3_bucket\.ui\.id\}\/\*"/);
    assert.match(text, /distribution\/\$\{aws_cloudfront_distribution\.ui\.id\}"/);
  });

  test('lookup repositories: the publish role pushes to the looked-up ARNs', () => {
    assert.match(composeStack(LOOKUP).ciTf, /data\.aws_ecr_repository\.services\["web"\]\.arn/);
  });

  test('every wide grant the security rules would flag carries a reason, and no reason is stale', async () => {
    for (const stack of [iot, composeStack(ARM_API), composeStack(TWO_SITES)]) {
      const { findings } = await check({ files: stack.files });
      const onPipeline = findings.filter((f) => /github/.test(f.path ?? '') || /github/.test(f.message));
      assert.deepEqual(onPipeline.filter((f) => !f.suppressed).map((f) => `${f.code} ${f.file}:${f.line} ${f.message}`), []);
      assert.ok(onPipeline.some((f) => f.suppressed), 'the deliberate wide grants are suppressed with a reason');
    }
  });

  test('the deploy branch session may last two hours: a first database or distribution outlasts one', () => {
    assert.match(iot.ciTf, /max_session_duration = 7200/);
  });
});
