/**
 * A customer-managed KMS key (rotated yearly) for ECR, CloudWatch Logs and Secrets Manager, when
 * x-ecsform.kms asks for one. CloudWatch Logs, and CloudWatch alarms publishing to the encrypted
 * SNS topic, need explicit grants in the key policy; the other services use the key on behalf of
 * principals whose IAM policies allow it.
 */
import { attr, block, ref, tmpl } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { regionName } from './shared.js';

export function planKms(ctx: PlanContext): void {
  if (!ctx.model.encryption.customerKey) return;
  const account = ctx.data('aws_caller_identity', 'current');
  const partition = ctx.data('aws_partition', 'current');
  const policy = ctx.data('aws_iam_policy_document', 'kms', [
    block('statement', [], [
      attr('sid', 'AccountAdministers'),
      attr('actions', ['kms:*']),
      attr('resources', ['*']),
      block('principals', [], [attr('type', 'AWS'), attr('identifiers', [tmpl`arn:${ref(`${partition}.partition`)}:iam::${ref(`${account}.account_id`)}:root`])]),
    ], 'In a key policy, "*" means this key; IAM policies of the account decide who may use it.'),
    block('statement', [], [
      attr('sid', 'CloudWatchLogsEncrypts'),
      attr('actions', ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*']),
      attr('resources', ['*']),
      block('principals', [], [attr('type', 'Service'), attr('identifiers', [tmpl`logs.${regionName()}.amazonaws.com`])]),
      block('condition', [], [
        attr('test', 'ArnLike'),
        attr('variable', 'kms:EncryptionContext:aws:logs:arn'),
        attr('values', [tmpl`arn:${ref(`${partition}.partition`)}:logs:${regionName()}:${ref(`${account}.account_id`)}:log-group:*`]),
      ]),
    ]),
    block('statement', [], [
      attr('sid', 'CloudWatchAlarmsPublish'),
      attr('actions', ['kms:Decrypt', 'kms:GenerateDataKey*']),
      attr('resources', ['*']),
      block('principals', [], [attr('type', 'Service'), attr('identifiers', ['cloudwatch.amazonaws.com'])]),
      block('condition', [], [attr('test', 'StringEquals'), attr('variable', 'aws:SourceAccount'), attr('values', [ref(`${account}.account_id`)])]),
    ], 'CloudWatch alarms publish to the encrypted SNS topic.'),
  ], 'kms');
  ctx.add(
    'kms',
    [
      block('resource', ['aws_kms_key', 'main'], [
        attr('description', tmpl`${ref('local.name_prefix')}: ECR images, CloudWatch Logs and Secrets Manager secrets`),
        attr('enable_key_rotation', true),
        attr('deletion_window_in_days', 30),
        attr('policy', ref(`${policy}.json`)),
        ctx.tags(),
      ]),
      block('resource', ['aws_kms_alias', 'main'], [attr('name', tmpl`alias/${ref('local.name_prefix')}`), attr('target_key_id', ref('aws_kms_key.main.key_id'))]),
    ],
    'Customer-managed KMS key',
  );
}
