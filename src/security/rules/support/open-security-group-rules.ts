/** Shared by the open ingress and egress rules. */
import { isAnywhere } from '../../cidr.js';
import { isUnknown, str } from '../../../terraform/index.js';
import type { RuleContext } from '../../rule.js';
import { securityGroupRules, type Direction } from '../../security-group-rules.js';

export function reportOpenRules(context: RuleContext, direction: Direction): void {
  const rules = securityGroupRules(context.resource);
  if (isUnknown(rules) || rules === undefined) return;
  for (const rule of rules) {
    if (rule.direction !== direction || isUnknown(rule.cidrs)) continue;
    for (const cidr of rule.cidrs) {
      const block = str(cidr);
      if (typeof block !== 'string' || !isAnywhere(block)) continue;
      const what = rule.ports === '' ? 'traffic' : rule.ports;
      context.report(cidr.site, `${context.resource.name} allows ${what} ${direction === 'ingress' ? 'from' : 'to'} ${block}.`);
    }
  }
}
