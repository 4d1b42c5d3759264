/**
 * A static site (a single-page app) in a private S3 bucket served by CloudFront through origin
 * access control: HTTPS only, modern TLS, security headers, and client-side routing.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, block, ref, str, tmpl } from '../../hcl/build.js';
import type { StaticSite } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { planPrivateBucket } from './s3-buckets.js';
import { CF_ACCESS_LOGGING, CF_VIEWER_TLS, CF_WAF, S3_ACCESS_LOGGING, S3_CMK } from '../../security/index.js';

/** CloudFront origin access control names are at most 64 characters; policy names 128. */
const ORIGIN_ACCESS_CONTROL_NAME_LIMIT = 64;
const CLOUDFRONT_POLICY_NAME_LIMIT = 128;

export interface StaticSiteRefs {
  readonly urlOf: (site: string) => Expr;
  readonly bucketOf: (site: string) => Expr;
  readonly distributionIdOf: (site: string) => Expr;
}

export function planStaticSites(ctx: PlanContext): StaticSiteRefs {
  for (const site of ctx.model.staticSites) planSite(ctx, site);
  const id = (name: string) => ctx.model.staticSites.find((s) => s.name === name)!.id;
  return {
    urlOf: (name) => tmpl`https://${ref(`aws_cloudfront_distribution.${id(name)}.domain_name`)}`,
    bucketOf: (name) => ref(`aws_s3_bucket.${id(name)}.id`),
    distributionIdOf: (name) => ref(`aws_cloudfront_distribution.${id(name)}.id`),
  };
}

function planSite(ctx: PlanContext, site: StaticSite): void {
  const distribution = `aws_cloudfront_distribution.${site.id}`;
  planPrivateBucket(ctx, {
    id: site.id,
    suffix: site.awsName,
    kms: false,
    versioning: true,
    family: 'static_site',
    exceptions: [
      `ecsform:ignore ${S3_CMK} The files are public web assets served through CloudFront; SSE-S3 avoids a KMS request per object.`,
      `ecsform:ignore ${S3_ACCESS_LOGGING} Only CloudFront reads this bucket, so its log would only show CloudFront; viewer requests belong in CloudFront access logs (not configured: see ${CF_ACCESS_LOGGING}).`,
    ],
    policyStatements: [
      block('statement', [], [
        attr('sid', 'CloudFrontReadsSite'),
        attr('actions', ['s3:GetObject']),
        attr('resources', [tmpl`${ref(`aws_s3_bucket.${site.id}.arn`)}/*`]),
        block('principals', [], [attr('type', 'Service'), attr('identifiers', ['cloudfront.amazonaws.com'])]),
        block('condition', [], [attr('test', 'StringEquals'), attr('variable', 'AWS:SourceArn'), attr('values', [ref(`${distribution}.arn`)])]),
      ]),
    ],
  });
  const cachePolicy = ctx.data('aws_cloudfront_cache_policy', 'caching_optimized', [attr('name', 'Managed-CachingOptimized')], 'static_site');
  const customDomain = site.aliases.length > 0 && site.certificateArn !== undefined;
  ctx.add(
    'static_site',
    [
      block('resource', ['aws_cloudfront_origin_access_control', site.id], [
        attr('name', ctx.limitedName(`origin_access_${site.id}`, site.awsName, ORIGIN_ACCESS_CONTROL_NAME_LIMIT)),
        attr('description', str(`Lets CloudFront read the ${site.name} bucket`)),
        attr('origin_access_control_origin_type', 's3'),
        attr('signing_behavior', 'always'),
        attr('signing_protocol', 'sigv4'),
      ]),
      block('resource', ['aws_cloudfront_response_headers_policy', site.id], [
        attr('name', ctx.limitedName(`headers_policy_${site.id}`, `${site.awsName}-security-headers`, CLOUDFRONT_POLICY_NAME_LIMIT)),
        block('security_headers_config', [], [
          block('strict_transport_security', [], [attr('access_control_max_age_sec', 31536000), attr('include_subdomains', true), attr('preload', true), attr('override', true)]),
          block('content_type_options', [], [attr('override', true)]),
          block('frame_options', [], [attr('frame_option', 'DENY'), attr('override', true)]),
          block('referrer_policy', [], [attr('referrer_policy', 'strict-origin-when-cross-origin'), attr('override', true)]),
        ]),
      ]),
      block('resource', ['aws_cloudfront_distribution', site.id], [
        attr('enabled', true),
        attr('is_ipv6_enabled', true),
        attr('comment', tmpl`${ref('local.name_prefix')} ${site.name}`),
        attr('default_root_object', 'index.html'),
        attr('price_class', site.priceClass),
        site.aliases.length > 0 ? attr('aliases', [...site.aliases]) : undefined,
        block('origin', [], [
          attr('domain_name', ref(`aws_s3_bucket.${site.id}.bucket_regional_domain_name`)),
          attr('origin_id', 's3'),
          attr('origin_access_control_id', ref(`aws_cloudfront_origin_access_control.${site.id}.id`)),
        ]),
        block('default_cache_behavior', [], [
          attr('target_origin_id', 's3'),
          attr('allowed_methods', ['GET', 'HEAD', 'OPTIONS']),
          attr('cached_methods', ['GET', 'HEAD']),
          attr('viewer_protocol_policy', 'redirect-to-https'),
          attr('compress', true),
          attr('cache_policy_id', ref(`${cachePolicy}.id`)),
          attr('response_headers_policy_id', ref(`aws_cloudfront_response_headers_policy.${site.id}.id`)),
        ]),
        ...(site.spa
          ? [403, 404].map((code) => block('custom_error_response', [], [attr('error_code', code), attr('response_code', 200), attr('response_page_path', '/index.html'), attr('error_caching_min_ttl', 10)]))
          : []),
        block('restrictions', [], [block('geo_restriction', [], [attr('restriction_type', 'none')])]),
        block(
          'viewer_certificate',
          [],
          customDomain
            ? [attr('acm_certificate_arn', site.certificateArn!), attr('ssl_support_method', 'sni-only'), attr('minimum_protocol_version', 'TLSv1.2_2021')]
            : [attr('cloudfront_default_certificate', true)],
        ),
        ctx.tags(site.awsName),
      ], [
        ...(site.spa ? [`Unknown paths answer index.html so the single-page app can route them (Compose service ${site.name}).`] : []),
        ...(customDomain ? [] : [`ecsform:ignore ${CF_VIEWER_TLS} No custom domain is configured, so the default *.cloudfront.net certificate serves HTTPS; set static_site.aliases and certificate_arn to use your own.`]),
        `ecsform:ignore ${CF_WAF} The site serves static files only; attach a WAFv2 web ACL (in us-east-1) with web_acl_id for rate limiting or bot control.`,
      ]),
    ],
    `Static site: ${site.name}`,
  );
}
