/**
 * The role policies as data: every resource type the stacks contain has permissions on record,
 * every policy fits IAM's size limits with the longest names, wide grants say why, and the
 * plan role can read nothing but metadata.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chunkStatements, estimatedSize, IAM_POLICY_LIMITS, type StatementSpec } from '../../src/aws/iam-statement.js';
import { TERRAFORM_PERMISSIONS } from '../../src/aws/terraform-permissions.js';
import { ciRolePolicies } from '../../src/plan/families/ci.js';
import { composeStack, iotStack, type GeneratedStack } from './harness.js';
import { ARM_API, KMS_GENERATED_SECRET, LOOKUP, TWO_SITES } from './fixtures.js';

const STACKS: Record<string, () => GeneratedStack> = { iot: iotStack, arm: () => composeStack(ARM_API), sites: () => composeStack(TWO_SITES), lookup: () => composeStack(LOOKUP), kms: () => composeStack(KMS_GENERATED_SECRET) };

const size = (statements: readonly StatementSpec[]) => statements.reduce((total, s) => total + estimatedSize(s), 0);

describe('role policies', () => {
  for (const [name, make] of Object.entries(STACKS)) {
    test(`${name}: every resource type of the stack has IAM permissions on record`, () => {
      const stack = make();
      assert.deepEqual(ciRolePolicies(stack.context, stack.ciInputs).deploy.uncovered, []);
    });

    test(`${name}: the policies fit IAM's limits, even with the longest names`, () => {
      const stack = make();
      const { plan, publish, deploy } = ciRolePolicies(stack.context, stack.ciInputs);
      for (const inline of [plan, publish, deploy.pipeline]) assert.ok(size(inline) < IAM_POLICY_LIMITS.inlinePoliciesPerRole, `${size(inline)}`);
      for (const chunk of chunkStatements(deploy.terraform, IAM_POLICY_LIMITS.managedPolicy - 150)) assert.ok(size(chunk) < IAM_POLICY_LIMITS.managedPolicy, `${size(chunk)}`);
    });

    test(`${name}: a statement on * or a whole account says why`, () => {
      const stack = make();
      const { plan, publish, deploy } = ciRolePolicies(stack.context, stack.ciInputs);
      for (const statement of [...plan, ...publish, ...deploy.pipeline, ...deploy.terraform]) {
        const wide = statement.resources.some(
          (r) => typeof r === 'string' && (r === '*' || /\{account\}:\*$/.test(r) || /:(key|distribution|origin-access-control|response-headers-policy|file-system|access-point|scalable-target)\/\*$/.test(r)),
        );
        if (wide && statement.effect !== 'Deny') assert.ok(statement.wideBecause || statement.conditions, `${statement.sid} is wide without a reason or a condition`);
      }
    });
  }

  test('the plan role reads metadata and state, never data', () => {
    const stack = iotStack();
    // Reading the Terraform state object itself is what a plan needs; nothing else may be read.
    const statements = ciRolePolicies(stack.context, stack.ciInputs).plan.filter((s) => s.sid !== 'ReadState');
    const actions = statements.flatMap((s) => s.actions);
    for (const action of actions) assert.match(action, /:(Describe|List|Get)/, action);
    for (const forbidden of ['s3:GetObject', 'kms:Decrypt', 'logs:FilterLogEvents', 'logs:GetLogEvents', 'ssm:GetParameter']) assert.ok(!actions.includes(forbidden), forbidden);
    // The one secret read: generated secrets, which the provider reads back to refresh them.
    const secretReads = ciRolePolicies(stack.context, stack.ciInputs).plan.filter((s) => s.actions.includes('secretsmanager:GetSecretValue'));
    assert.deepEqual(secretReads.flatMap((s) => s.resources), stack.model.secrets.filter((s) => s.source === 'generate').map((s) => `arn:{partition}:secretsmanager:{region}:{account}:secret:{prefix}/${s.name}-??????`));
  });

  test('a generated secret under the stack key: plan may decrypt it, deploy may also write it, both only through Secrets Manager', () => {
    const stack = composeStack(KMS_GENERATED_SECRET);
    const { plan, deploy } = ciRolePolicies(stack.context, stack.ciInputs);
    const keyUse = (statements: readonly StatementSpec[]) => statements.filter((s) => s.actions.some((a) => a === 'kms:Decrypt' || a === 'kms:GenerateDataKey'));
    const viaSecretsManager = [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.{region}.amazonaws.com'] }];
    assert.deepEqual(keyUse(plan).map((s) => [s.actions, s.conditions]), [[['kms:Decrypt'], viaSecretsManager]]);
    assert.deepEqual(keyUse(deploy.pipeline).map((s) => [s.actions, s.conditions]), [[['kms:Decrypt', 'kms:GenerateDataKey'], viaSecretsManager]]);
  });

  test('with remote state: plan reads the state object; deploy writes it and its lock, and may not touch the bucket', () => {
    const stack = composeStack(ARM_API);
    const { plan, deploy } = ciRolePolicies(stack.context, stack.ciInputs);
    const state = 'arn:{partition}:s3:::acme-terraform-state/shop/prod.tfstate';
    assert.deepEqual(plan.find((s) => s.sid === 'ReadState'), { sid: 'ReadState', actions: ['s3:GetObject'], resources: [state] });
    assert.deepEqual(deploy.pipeline.find((s) => s.sid === 'LockState')?.resources, [`${state}.tflock`]);
    const deny = deploy.pipeline.find((s) => s.sid === 'ProtectStateBucket')!;
    assert.equal(deny.effect, 'Deny');
    assert.ok(deny.actions.includes('s3:DeleteBucket'));
  });

  test('IAM writes are confined to the stack prefix, and roles are passed only to ECS tasks and flow logs', () => {
    const stack = iotStack();
    const { terraform } = ciRolePolicies(stack.context, stack.ciInputs).deploy;
    const roles = terraform.find((s) => s.sid === 'IamManageStackRoles')!;
    assert.deepEqual(roles.resources, ['arn:{partition}:iam::{account}:role/{prefix}-*']);
    const pass = terraform.find((s) => s.sid === 'PassStackRoles')!;
    assert.deepEqual(pass.conditions, [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com', 'vpc-flow-logs.amazonaws.com'] }]);
  });

  test('a stack without a database gets no RDS permissions', () => {
    const stack = composeStack(ARM_API);
    const actions = ciRolePolicies(stack.context, stack.ciInputs).deploy.terraform.flatMap((s) => s.actions);
    assert.ok(!actions.some((a) => a.startsWith('rds:')));
    assert.ok(!actions.some((a) => a.startsWith('cloudfront:')));
  });

  test('permission entries have statement ids IAM accepts', () => {
    for (const entry of TERRAFORM_PERMISSIONS) for (const grant of entry.write) assert.match(grant.sid ?? `${entry.sid}Write`, /^[A-Za-z0-9]+$/);
  });
});

test('the WAF statement also covers the load balancer it protects (associate and disassociate are authorised on it)', () => {
  const stack = composeStack(ARM_API);
  const waf = ciRolePolicies(stack.context, stack.ciInputs).deploy.terraform.find((s) => s.sid === 'WafWrite')!;
  assert.ok(waf.actions.includes('wafv2:AssociateWebACL') && waf.actions.includes('wafv2:DisassociateWebACL'));
  assert.ok(waf.resources.includes('arn:{partition}:elasticloadbalancing:{region}:{account}:loadbalancer/app/{prefix}-*/*'));
});
