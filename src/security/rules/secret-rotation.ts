import { num } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { SECRET_ROTATION } from '../rule-ids.js';

/** Checkov CKV_AWS_304 wants rotation at least this often. */
const MAXIMUM_DAYS = 90;

export const secretRotation = defineRule({
  id: SECRET_ROTATION,
  title: 'Secret never rotated',
  severity: 'medium',
  families: ['secretsmanager', 'secrets'],
  equivalents: { checkov: ['CKV2_AWS_57', 'CKV_AWS_304'], securityHub: ['SecretsManager.1'], cdkNag: ['AwsSolutions-SMG4'] },
  rationale: 'A secret that is never rotated stays valid for as long as anyone who ever saw it keeps a copy.',
  fix: `Add an \`aws_secretsmanager_secret_rotation\` with a rotation function and \`rotation_rules { automatically_after_days = ${MAXIMUM_DAYS} }\` or sooner.`,
  appliesTo: ['aws_secretsmanager_secret'],
  check(context) {
    const rotations = companions(context, 'aws_secretsmanager_secret_rotation', 'secret_id');
    if (rotations.length === 0) {
      context.report(context.resource.site, `${context.resource.name} is never rotated: no aws_secretsmanager_secret_rotation.`);
      return;
    }
    for (const rotation of rotations) {
      const node = rotation.first('rotation_rules')?.attr('automatically_after_days');
      const days = num(node);
      if (node && typeof days === 'number' && days > MAXIMUM_DAYS) {
        context.report(node.site, `${context.resource.name} is rotated only every ${days} days (more than ${MAXIMUM_DAYS}).`);
      }
    }
  },
});
