import { isUnknown, num } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LOGS_RETENTION } from '../rule-ids.js';

export const logsRetention = defineRule({
  id: LOGS_RETENTION,
  title: 'Log group kept forever',
  severity: 'low',
  families: ['cloudwatch', 'logging'],
  equivalents: { checkov: ['CKV_AWS_66'] },
  rationale: 'Without a retention period logs (and any secret that leaked into them) are kept, and paid for, forever.',
  fix: 'Set `retention_in_days` to what your audit policy requires (365 for CKV_AWS_338).',
  appliesTo: ['aws_cloudwatch_log_group'],
  check(context) {
    const node = context.resource.attr('retention_in_days');
    const days = num(node);
    if (isUnknown(days) || (days !== undefined && days > 0)) return;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} keeps its logs forever: retention_in_days is ${days === undefined ? 'not set' : '0'}.`);
  },
});
