import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { TARGET_GROUP_TYPES } from './support/load-balancers.js';
import { LB_TARGET_GROUP_HEALTH_CHECK } from '../rule-ids.js';

export const lbTargetGroupHealthCheck = defineRule({
  id: LB_TARGET_GROUP_HEALTH_CHECK,
  title: 'HTTP target group without a health check path',
  severity: 'low',
  families: ['elb', 'resilience'],
  equivalents: { checkov: ['CKV_AWS_261'] },
  rationale: 'Without an explicit path the load balancer probes `/`, which may not say whether the application can serve: broken tasks keep receiving traffic.',
  fix: 'Add `health_check { path = "/health" }` pointing at an endpoint that checks what the service depends on.',
  appliesTo: TARGET_GROUP_TYPES,
  check(context) {
    const protocol = str(context.resource.attr('protocol'));
    if (protocol !== 'HTTP' && protocol !== 'HTTPS') return;
    if (context.resource.hasDynamic('health_check')) return;
    const healthCheck = context.resource.first('health_check');
    const path = str(healthCheck?.attr('path'));
    if (isUnknown(path) || (path !== undefined && path !== '')) return;
    context.report(healthCheck?.site ?? context.resource.site, `${context.resource.name} has no health check path: the load balancer probes "/".`);
  },
});
