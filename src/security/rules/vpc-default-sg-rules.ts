import { defineRule } from '../rule.js';
import { VPC_DEFAULT_SG_RULES } from '../rule-ids.js';

export const vpcDefaultSgRules = defineRule({
  id: VPC_DEFAULT_SG_RULES,
  title: 'Default security group allows traffic',
  severity: 'high',
  families: ['network', 'public-access'],
  equivalents: { checkov: ['CKV2_AWS_12'], trivy: ['AWS-0173'], securityHub: ['EC2.2'] },
  rationale: 'Anything launched without a security group lands in the default one: if it allows traffic, forgotten resources are exposed.',
  fix: 'Manage the default security group with `aws_default_security_group` and no ingress or egress rules; give every resource its own group.',
  appliesTo: ['aws_default_security_group', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_security_group_rule'],
  check(context) {
    if (context.resource.type === 'aws_default_security_group') {
      for (const direction of ['ingress', 'egress']) {
        for (const block of context.resource.blocks(direction)) context.report(block.site, `${context.resource.name} allows ${direction} traffic in the default security group.`);
        if (context.resource.hasDynamic(direction)) context.report(context.resource.site, `${context.resource.name} may allow ${direction} traffic in the default security group (dynamic "${direction}").`);
      }
      return;
    }
    const group = context.module.target(context.resource.attribute('security_group_id')?.expr);
    if (group?.type === 'aws_default_security_group') context.report(context.resource.site, `${context.resource.name} adds a rule to the default security group ${group.address}.`);
  },
});
