import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { SECURITY_GROUP_RULE_TYPES, securityGroupRules } from '../security-group-rules.js';
import { SG_DESCRIPTION } from '../rule-ids.js';

/** What the provider writes when no description is given. */
const PROVIDER_DEFAULT = 'Managed by Terraform';

export const sgDescription = defineRule({
  id: SG_DESCRIPTION,
  title: 'Security group or rule without a description',
  severity: 'low',
  families: ['network'],
  equivalents: { checkov: ['CKV_AWS_23'], trivy: ['AWS-0099', 'AWS-0124'], cdkNag: ['AwsSolutions-EC27'] },
  rationale: 'A rule nobody can explain is a rule nobody dares remove; the description says who needs it and why.',
  fix: 'Set `description` on the group and on every rule, saying what the traffic is for.',
  appliesTo: SECURITY_GROUP_RULE_TYPES,
  check(context) {
    if (context.resource.type === 'aws_security_group') {
      const node = context.resource.attr('description');
      const text = str(node);
      if (!isUnknown(text) && (text === undefined || text.trim() === '' || text === PROVIDER_DEFAULT)) {
        context.report(node?.site ?? context.resource.site, `${context.resource.name} has no description of its own${text === PROVIDER_DEFAULT ? ` ("${PROVIDER_DEFAULT}")` : ''}.`);
      }
    }
    const rules = securityGroupRules(context.resource);
    if (isUnknown(rules) || rules === undefined) return;
    for (const rule of rules) {
      const text = str(rule.description);
      if (isUnknown(text) || (text !== undefined && text.trim() !== '')) continue;
      context.report(rule.description?.site ?? rule.site, `${context.resource.name} has ${rule.direction} rule ${rule.ports === '' ? '' : `(${rule.ports}) `}without a description.`);
    }
  },
});
