import { type BlockView, isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { S3_CMK } from '../rule-ids.js';

const KMS_ALGORITHMS: ReadonlySet<string> = new Set(['aws:kms', 'aws:kms:dsse']);

export const s3Cmk = defineRule({
  id: S3_CMK,
  title: 'Bucket not encrypted with KMS',
  severity: 'high',
  families: ['s3', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_145'], trivy: ['AWS-0132'] },
  rationale: 'With SSE-S3 anyone allowed to read an object reads it decrypted; with KMS, reading also needs the key, and every use is audited.',
  fix: 'Add an `aws_s3_bucket_server_side_encryption_configuration` with `sse_algorithm = "aws:kms"` and `kms_master_key_id`.',
  appliesTo: ['aws_s3_bucket'],
  check(context) {
    const configurations: BlockView[] = [...companions(context, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket'), ...context.resource.blocks('server_side_encryption_configuration')];
    if (configurations.length === 0) {
      context.report(context.resource.site, `${context.resource.name} is encrypted with S3-managed keys (SSE-S3): no KMS encryption configuration.`);
      return;
    }
    for (const configuration of configurations) {
      for (const rule of configuration.blocks('rule')) {
        for (const defaults of rule.blocks('apply_server_side_encryption_by_default')) {
          const node = defaults.attr('sse_algorithm');
          const algorithm = str(node);
          if (isUnknown(algorithm) || (algorithm !== undefined && KMS_ALGORITHMS.has(algorithm))) continue;
          context.report(node?.site ?? defaults.site, `${context.resource.name} is encrypted with S3-managed keys: sse_algorithm is ${algorithm === undefined ? 'not set' : `"${algorithm}"`}.`);
        }
      }
    }
  },
});
