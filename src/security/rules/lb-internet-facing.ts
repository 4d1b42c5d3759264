import { bool, isUnknown } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LOAD_BALANCER_TYPES, loadBalancerType } from './support/load-balancers.js';
import { LB_INTERNET_FACING } from '../rule-ids.js';

export const lbInternetFacing = defineRule({
  id: LB_INTERNET_FACING,
  title: 'Internet-facing load balancer',
  severity: 'high',
  families: ['elb', 'public-access'],
  equivalents: { trivy: ['AWS-0053'] },
  rationale: 'An internet-facing load balancer is reachable by anyone: every listener and rule behind it is attack surface, so it should be a deliberate choice.',
  fix: 'Set `internal = true` unless the application is meant to be public; if it is, suppress with the reason (`# ecsform:ignore LB_INTERNET_FACING ...`).',
  appliesTo: LOAD_BALANCER_TYPES,
  check(context) {
    if (loadBalancerType(context.resource) === 'gateway') return;
    const node = context.resource.attr('internal');
    const internal = bool(node);
    if (internal === true || isUnknown(internal)) return;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} is reachable from the internet: internal is ${internal === undefined ? 'not set' : 'false'}.`);
  },
});
