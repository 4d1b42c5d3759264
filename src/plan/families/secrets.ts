/**
 * Secrets Manager entries for every credential. No value from the Compose file is ever written:
 * a secret is created empty (you set the value), generated during apply with a write-only
 * argument (never stored in state), taken from a variable (it exists already), or managed by RDS.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, binary, block, call, num, ref, str, tmpl } from '../../hcl/build.js';
import type { Secret } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { kmsKeyAttr } from './shared.js';
import { SECRET_CMK, SECRET_ROTATION } from '../../security/index.js';

export interface SecretRefs {
  /** ARN of a secret, for `valueFrom` and IAM. */
  readonly arnOf: (secretName: string) => Expr;
  /** Secrets whose value you must set after the first apply. */
  readonly toSet: readonly Secret[];
}

export function planSecrets(ctx: PlanContext): SecretRefs {
  const secrets = ctx.model.secrets;
  const created = secrets.filter((s) => s.source === 'user' || s.source === 'external' || s.source === 'generate');
  if (created.length > 0) {
    const recovery = ctx.variable('secret_recovery_window_days', {
      description: 'Days a deleted secret can still be restored (0 deletes it at once; otherwise 7 to 30).',
      type: types.number,
      default: ctx.model.secretRecoveryWindowDays,
      validations: [{ condition: binary('||', binary('==', ref('var.secret_recovery_window_days'), 0), binary('&&', binary('>=', ref('var.secret_recovery_window_days'), 7), binary('<=', ref('var.secret_recovery_window_days'), 30))), message: 'secret_recovery_window_days must be 0 or between 7 and 30.' }],
    });
    for (const secret of created) planSecret(ctx, secret, recovery);
  }
  for (const secret of secrets.filter((s) => s.source === 'existing')) {
    ctx.variable(`${secret.id}_secret_arn`, {
      description: `ARN of the existing Secrets Manager secret holding ${secret.description.charAt(0).toLowerCase()}${secret.description.slice(1)} (used by ${usage(secret)}).`,
      type: types.string,
      validations: [{ condition: call('can', call('regex', str('^arn:aws[a-z-]*:secretsmanager:'), ref(`var.${secret.id}_secret_arn`))), message: `${secret.id}_secret_arn must be a Secrets Manager secret ARN.` }],
    });
  }
  return {
    arnOf: (name) => {
      const secret = secrets.find((s) => s.name === name)!;
      switch (secret.source) {
        case 'existing':
          return ref(`var.${secret.id}_secret_arn`);
        case 'database':
          return ref(`aws_db_instance.${ctx.model.databases.find((d) => d.name === secret.database)!.id}.master_user_secret[0].secret_arn`);
        default:
          return ref(`aws_secretsmanager_secret.${secret.id}.arn`);
      }
    },
    toSet: secrets.filter((s) => s.source === 'user' || s.source === 'external'),
  };
}

function planSecret(ctx: PlanContext, secret: Secret, recovery: Expr): void {
  const rotation = `ecsform:ignore ${SECRET_ROTATION} Rotation needs a function that knows the system the credential belongs to; rotate by setting a new value.`;
  const kms = ctx.model.encryption.customerKey ? [] : [`ecsform:ignore ${SECRET_CMK} Encrypted with the AWS-managed key aws/secretsmanager; set x-ecsform.kms: true for a customer-managed key.`];
  const how =
    secret.source === 'generate'
      ? 'Value: generated during apply and written with a write-only argument, so it is never stored in state.'
      : `Value: set it after the first apply (aws secretsmanager put-secret-value --secret-id <arn> --secret-string ...).`;
  ctx.add(
    'secrets',
    block(
      'resource',
      ['aws_secretsmanager_secret', secret.id],
      [
        attr('name', tmpl`${ref('local.name_prefix')}/${secret.name}`),
        attr('description', str(`${secret.description}. Used by ${usage(secret)}.`)),
        attr('recovery_window_in_days', recovery),
        ...kmsKeyAttr(ctx),
        ctx.tags(),
      ],
      [how, rotation, ...kms],
    ),
    `Secret: ${secret.name}`,
  );
  if (secret.source === 'generate') {
    ctx.add('secrets', [
      block('ephemeral', ['aws_secretsmanager_random_password', secret.id], [attr('password_length', num(32)), attr('exclude_punctuation', true)]),
      block('resource', ['aws_secretsmanager_secret_version', secret.id], [
        attr('secret_id', ref(`aws_secretsmanager_secret.${secret.id}.id`)),
        attr('secret_string_wo', ref(`ephemeral.aws_secretsmanager_random_password.${secret.id}.random_password`)),
        attr('secret_string_wo_version', num(1)),
      ], 'Increase secret_string_wo_version to generate a new value.'),
    ]);
  }
}

function usage(secret: Secret): string {
  const parts = secret.usedBy.map((u) => `${u.service} (${u.variable})`);
  return parts.length <= 3 ? parts.join(', ') : `${parts.slice(0, 3).join(', ')} and ${parts.length - 3} more`;
}

