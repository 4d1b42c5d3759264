import type { PolicyStatement } from '../policy/statement.js';
import { readPolicy } from '../policy/read-policy.js';
import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { S3_SECURE_TRANSPORT } from '../rule-ids.js';

export const s3SecureTransport = defineRule({
  id: S3_SECURE_TRANSPORT,
  title: 'Bucket accepts requests over plain HTTP',
  severity: 'medium',
  families: ['s3', 'encryption'],
  equivalents: { securityHub: ['S3.5'], cdkNag: ['AwsSolutions-S10'] },
  rationale: 'Unless the bucket policy denies `aws:SecureTransport = false`, clients may read and write objects over unencrypted HTTP.',
  fix: 'Add a bucket policy statement denying `s3:*` to `*` on the bucket and its objects when `aws:SecureTransport` is "false".',
  appliesTo: ['aws_s3_bucket'],
  check(context) {
    const holders = [...companions(context, 'aws_s3_bucket_policy', 'bucket'), ...(context.resource.attribute('policy') ? [context.resource] : [])];
    for (const holder of holders) {
      const document = readPolicy(holder, 'policy', context.module, `${holder.name} policy`);
      if (isUnknown(document) || document?.statements.some(deniesInsecureTransport)) return;
    }
    context.report(context.resource.site, `${context.resource.name} does not deny requests without TLS: no bucket policy statement denies aws:SecureTransport = false.`);
  },
});

function deniesInsecureTransport(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny' || isUnknown(statement.conditions)) return false;
  return statement.conditions.some(
    (condition) =>
      condition.test === 'Bool' &&
      typeof condition.variable === 'string' &&
      condition.variable.toLowerCase() === 'aws:securetransport' &&
      !isUnknown(condition.values) &&
      condition.values.some((value) => str(value) === 'false'),
  );
}
