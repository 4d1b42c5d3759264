/** `--rules`: ids and families, `all` and `none`, and a did-you-mean for anything else. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRuleSelection, SECURITY_RULES } from '../../src/security/index.js';

test('ids, families, all and none', () => {
  const pick = (spec: string) => {
    const selection = resolveRuleSelection(spec);
    assert.ok(selection.ok, spec);
    return [...selection.rules].sort();
  };
  assert.deepEqual(pick('ECS_PRIVILEGED'), ['ECS_PRIVILEGED']);
  assert.deepEqual(pick('ecs_privileged, kms'), ['ECS_PRIVILEGED', 'KMS_KEY_POLICY_PUBLIC', 'KMS_KEY_ROTATION']);
  assert.deepEqual(pick('secrets'), ['ECS_ENV_SECRET', 'ECS_SECRETS_EXECUTION_ROLE', 'SECRET_ROTATION']);
  assert.equal(pick('all').length, SECURITY_RULES.length);
  assert.deepEqual(pick('none'), []);
});

test('an unknown name is an error with a did-you-mean', () => {
  const selection = resolveRuleSelection('iam,ECS_PRIVILEGD');
  assert.ok(!selection.ok);
  assert.equal(selection.unknown, 'ECS_PRIVILEGD');
  assert.equal(selection.suggestion, 'ECS_PRIVILEGED');
  assert.match(selection.message, /did you mean ECS_PRIVILEGED\?/);
});
