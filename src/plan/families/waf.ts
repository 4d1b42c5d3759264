/**
 * A WAFv2 web ACL in front of the ALB, when x-ecsform.load_balancer.waf asks for one: the AWS
 * managed rule groups most applications start with, and a per-IP rate limit.
 */
import { attr, block, num, ref, str, tmpl, type BodyInput } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

export function planWaf(ctx: PlanContext): void {
  const waf = ctx.model.loadBalancer?.waf;
  if (!waf || ctx.model.loadBalancer?.existing) return;
  const limit = ctx.variable('waf_rate_limit', { description: 'Requests one IP address may send in 5 minutes before the WAF blocks it.', type: types.number, default: waf.rateLimit });
  const visibility = (metric: string) =>
    block('visibility_config', [], [attr('cloudwatch_metrics_enabled', true), attr('metric_name', metric), attr('sampled_requests_enabled', true)]);
  const managed: BodyInput[] = MANAGED_RULE_GROUPS.map((group, i) =>
    block('rule', [], [
      attr('name', group),
      attr('priority', num((i + 1) * 10)),
      block('override_action', [], [block('none', [], [])]),
      block('statement', [], [block('managed_rule_group_statement', [], [attr('name', group), attr('vendor_name', 'AWS')])]),
      visibility(group),
    ]),
  );
  ctx.add(
    'load_balancer',
    [
      block('resource', ['aws_wafv2_web_acl', 'alb'], [
        attr('name', ctx.name('alb')),
        attr('description', str('Managed rules and a per-IP rate limit in front of the ALB')),
        attr('scope', 'REGIONAL'),
        block('default_action', [], [block('allow', [], [])]),
        ...managed,
        block('rule', [], [
          attr('name', 'rate-limit-per-ip'),
          attr('priority', num((MANAGED_RULE_GROUPS.length + 1) * 10)),
          block('action', [], [block('block', [], [])]),
          block('statement', [], [block('rate_based_statement', [], [attr('limit', limit), attr('aggregate_key_type', 'IP')])]),
          visibility('rate-limit-per-ip'),
        ]),
        block('visibility_config', [], [attr('cloudwatch_metrics_enabled', true), attr('metric_name', tmpl`${ref('local.name_prefix')}-alb`), attr('sampled_requests_enabled', true)]),
        ctx.tags(),
      ]),
      block('resource', ['aws_wafv2_web_acl_association', 'alb'], [attr('resource_arn', ref('aws_lb.main.arn')), attr('web_acl_arn', ref('aws_wafv2_web_acl.alb.arn'))]),
    ],
    'Web application firewall',
  );
}
