/** WAFv2 web ACLs: the ACL, each rule (a managed rule group counts as one), and the requests inspected. */
import { isUnknown, nestedBodies } from '../../terraform/index.js';
import { charge, type ResourceEstimator } from './estimator.js';

export const estimateWebAcl: ResourceEstimator = (ctx) => {
  const rules = nestedBodies(ctx, 'rule');
  if (isUnknown(rules)) return rules;
  return {
    components: [
      charge(ctx.prices, 'waf.web_acl_month', { service: 'WAF', name: 'Web ACL', quantity: 1 }),
      charge(ctx.prices, 'waf.rule_month', { service: 'WAF', name: `Rules (${rules.length})`, quantity: rules.length }),
      charge(ctx.prices, 'waf.requests_million', { service: 'WAF', name: 'Requests inspected', quantity: ctx.usage.waf.requests_per_web_acl / 1_000_000, assumptions: ['waf.requests_per_web_acl'] }),
    ],
  };
};
