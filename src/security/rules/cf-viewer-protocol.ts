import { str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { CF_VIEWER_PROTOCOL } from '../rule-ids.js';

export const cfViewerProtocol = defineRule({
  id: CF_VIEWER_PROTOCOL,
  title: 'CloudFront serves plain HTTP',
  severity: 'critical',
  families: ['cloudfront', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_34'], trivy: ['AWS-0012'], securityHub: ['CloudFront.3'] },
  rationale: 'With `allow-all` viewers may use unencrypted HTTP, so pages, cookies and tokens can be read or changed in transit.',
  fix: 'Set `viewer_protocol_policy = "redirect-to-https"` (or "https-only") on every cache behavior.',
  appliesTo: ['aws_cloudfront_distribution'],
  check(context) {
    const behaviors = [...context.resource.blocks('default_cache_behavior'), ...context.resource.blocks('ordered_cache_behavior')];
    for (const behavior of behaviors) {
      const node = behavior.attr('viewer_protocol_policy');
      if (node && str(node) === 'allow-all') context.report(node.site, `${context.resource.name} serves plain HTTP: viewer_protocol_policy is "allow-all" in ${behavior.block.type}.`);
    }
  },
});
