/** Small patterns many rules share: a flag that must (not) be true, companion resources. */
import { type BlockView, bool, isUnknown, type ResourceInstance } from '../../../terraform/index.js';
import type { RuleContext } from '../../rule.js';

/**
 * Reports unless `attribute` of `view` is true. A missing attribute counts as false (the
 * provider default for every flag this is used on); an unknown one is not judged.
 */
export function requireTrue(context: RuleContext, attribute: string, problem: string, view: BlockView = context.resource): void {
  const node = view.attr(attribute);
  const value = bool(node);
  if (value === true || isUnknown(value)) return;
  context.report(node?.site ?? view.site, `${context.resource.name} ${problem}: ${attribute} is ${value === undefined ? 'not set' : 'false'}.`);
}

/** Reports when `attribute` of `view` is true. */
export function forbidTrue(context: RuleContext, attribute: string, problem: string, view: BlockView = context.resource): void {
  const node = view.attr(attribute);
  if (bool(node) === true && node) context.report(node.site, `${context.resource.name} ${problem}: ${attribute} is true.`);
}

/** Every instance of the resources of `type` whose `attribute` refers to the checked resource. */
export function companions(context: RuleContext, type: string, attribute: string): ResourceInstance[] {
  return context.module.referrers(type, attribute, context.resource.decl).flatMap((decl) => [...context.module.instancesOf(decl)]);
}
