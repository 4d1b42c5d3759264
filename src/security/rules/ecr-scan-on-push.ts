import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { ECR_SCAN_ON_PUSH } from '../rule-ids.js';

export const ecrScanOnPush = defineRule({
  id: ECR_SCAN_ON_PUSH,
  title: 'Images not scanned on push',
  severity: 'high',
  families: ['ecr', 'supply-chain'],
  equivalents: { checkov: ['CKV_AWS_163'], trivy: ['AWS-0030'], securityHub: ['ECR.1'] },
  rationale: 'Without a scan on push, images with known vulnerabilities are deployed without anyone being told.',
  fix: 'Add `image_scanning_configuration { scan_on_push = true }` (or enhanced scanning for the registry).',
  appliesTo: ['aws_ecr_repository'],
  check(context) {
    // Registry-level scanning (basic or enhanced) covers every repository.
    if (context.module.resources('aws_ecr_registry_scanning_configuration').length > 0) return;
    const scanning = context.resource.first('image_scanning_configuration');
    if (!scanning) {
      if (!context.resource.hasDynamic('image_scanning_configuration')) context.report(context.resource.site, `${context.resource.name} does not scan images on push: no image_scanning_configuration.`);
      return;
    }
    requireTrue(context, 'scan_on_push', 'does not scan images on push', scanning);
  },
});
