import { bool, isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { CF_VIEWER_TLS } from '../rule-ids.js';

/** Security policies Trivy AWS-0013 accepts (Checkov accepts any TLSv1.2_/TLSv1.3_ policy). */
const MODERN_POLICIES: ReadonlySet<string> = new Set(['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025']);

export const cfViewerTls = defineRule({
  id: CF_VIEWER_TLS,
  title: 'CloudFront allows outdated TLS to viewers',
  severity: 'high',
  families: ['cloudfront', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_174'], trivy: ['AWS-0013'], securityHub: ['CloudFront.7', 'CloudFront.8', 'CloudFront.15'], cdkNag: ['AwsSolutions-CFR4'] },
  rationale: 'The default *.cloudfront.net certificate accepts TLS 1.0, and old security policies keep weak protocols and ciphers enabled.',
  fix: 'Use your own ACM certificate with `ssl_support_method = "sni-only"` and `minimum_protocol_version = "TLSv1.2_2021"` or later.',
  appliesTo: ['aws_cloudfront_distribution'],
  check(context) {
    const name = context.resource.name;
    for (const certificate of context.resource.blocks('viewer_certificate')) {
      const defaultCertificate = certificate.attr('cloudfront_default_certificate');
      const usesDefault = bool(defaultCertificate);
      if (isUnknown(usesDefault)) continue;
      if (usesDefault === true) {
        context.report(defaultCertificate?.site ?? certificate.site, `${name} uses the default CloudFront certificate, which allows TLS 1.0 to viewers.`);
        continue;
      }
      const minimumNode = certificate.attr('minimum_protocol_version');
      const minimum = str(minimumNode);
      if (!isUnknown(minimum) && (minimum === undefined || !MODERN_POLICIES.has(minimum))) {
        context.report(minimumNode?.site ?? certificate.site, `${name} allows outdated TLS to viewers: minimum_protocol_version is ${minimum === undefined ? 'not set (TLSv1)' : `"${minimum}"`}.`);
      }
      const methodNode = certificate.attr('ssl_support_method');
      if (methodNode && str(methodNode) === 'vip') context.report(methodNode.site, `${name} serves TLS from dedicated IP addresses (ssl_support_method "vip"), which also accept clients without SNI.`);
    }
  },
});
