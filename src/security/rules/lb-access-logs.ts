import { bool, isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LOAD_BALANCER_TYPES } from './support/load-balancers.js';
import { LB_ACCESS_LOGS } from '../rule-ids.js';

export const lbAccessLogs = defineRule({
  id: LB_ACCESS_LOGS,
  title: 'Load balancer access logs off',
  severity: 'medium',
  families: ['elb', 'logging'],
  equivalents: { checkov: ['CKV_AWS_91'], securityHub: ['ELB.5'], cdkNag: ['AwsSolutions-ELB2'] },
  rationale: 'Access logs are the record of who called what, when and with which result: without them an incident cannot be traced.',
  fix: 'Add `access_logs { bucket = ..., enabled = true }` writing to an S3 bucket the load balancer may write to.',
  appliesTo: LOAD_BALANCER_TYPES,
  check(context) {
    if (context.resource.hasDynamic('access_logs')) return;
    const logs = context.resource.first('access_logs');
    if (!logs) {
      context.report(context.resource.site, `${context.resource.name} keeps no access logs: no access_logs block.`);
      return;
    }
    const enabled = bool(logs.attr('enabled'));
    const bucket = str(logs.attr('bucket'));
    if (isUnknown(enabled) || isUnknown(bucket)) return;
    if (enabled === false || bucket === undefined || bucket === '') {
      context.report(logs.attr('enabled')?.site ?? logs.site, `${context.resource.name} keeps no access logs: ${enabled === false ? 'access_logs.enabled is false' : 'access_logs has no bucket'}.`);
    }
  },
});
