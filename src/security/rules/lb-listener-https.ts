import { type BlockView, isUnknown, str, Unknown } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LISTENER_TYPES, listenerProtocol } from './support/load-balancers.js';
import { LB_LISTENER_HTTPS } from '../rule-ids.js';

export const lbListenerHttps = defineRule({
  id: LB_LISTENER_HTTPS,
  title: 'Plain HTTP listener that does not redirect',
  severity: 'critical',
  families: ['elb', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_2', 'CKV2_AWS_20'], trivy: ['AWS-0054'], securityHub: ['ELB.1'] },
  rationale: 'Requests over plain HTTP, with their cookies and tokens, can be read and changed by anyone on the path.',
  fix: 'Serve HTTPS, and make the port-80 listener `default_action { type = "redirect", redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }`.',
  appliesTo: LISTENER_TYPES,
  check(context) {
    const node = context.resource.attr('protocol');
    if (listenerProtocol(context.resource, context.module) !== 'HTTP') return;
    if (context.resource.hasDynamic('default_action')) return;
    const actions = context.resource.blocks('default_action');
    const verdicts = actions.map(redirectsToHttps);
    if (verdicts.some(isUnknown) || verdicts.includes(true)) return;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} serves plain HTTP without redirecting to HTTPS.`);
  },
});

function redirectsToHttps(action: BlockView): boolean | Unknown {
  const type = str(action.attr('type'));
  if (isUnknown(type)) return type;
  if (type !== 'redirect') return false;
  if (action.hasDynamic('redirect')) return new Unknown('a dynamic redirect block');
  const protocol = str(action.first('redirect')?.attr('protocol'));
  return isUnknown(protocol) ? protocol : protocol === 'HTTPS';
}
