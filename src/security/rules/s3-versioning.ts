import { bool, isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { companions } from './support/flags.js';
import { S3_VERSIONING } from '../rule-ids.js';

export const s3Versioning = defineRule({
  id: S3_VERSIONING,
  title: 'Bucket versioning off',
  severity: 'medium',
  families: ['s3', 'resilience'],
  equivalents: { checkov: ['CKV_AWS_21'], trivy: ['AWS-0090'], securityHub: ['S3.10'] },
  rationale: 'Without versioning an overwritten or deleted object is gone, whether by mistake or by an attacker.',
  fix: 'Add an `aws_s3_bucket_versioning` with `versioning_configuration { status = "Enabled" }` (and a lifecycle rule expiring old versions).',
  appliesTo: ['aws_s3_bucket'],
  check(context) {
    const name = context.resource.name;
    const configurations = companions(context, 'aws_s3_bucket_versioning', 'bucket');
    // The inline `versioning` block of AWS provider 3.x.
    const legacy = context.resource.first('versioning');
    if (configurations.length === 0 && !legacy) {
      context.report(context.resource.site, `${name} keeps no object versions: no aws_s3_bucket_versioning.`);
      return;
    }
    for (const configuration of configurations) {
      const node = configuration.first('versioning_configuration')?.attr('status');
      const status = str(node);
      if (isUnknown(status) || status === 'Enabled') continue;
      context.report(node?.site ?? configuration.site, `${name} keeps no object versions: ${configuration.name} status is ${status === undefined ? 'not set' : `"${status}"`}.`);
    }
    const legacyEnabled = legacy?.attr('enabled');
    if (legacy && bool(legacyEnabled) !== true && !isUnknown(bool(legacyEnabled))) context.report(legacyEnabled?.site ?? legacy.site, `${name} keeps no object versions: versioning.enabled is not true.`);
  },
});
