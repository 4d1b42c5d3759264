import { defineRule } from '../rule.js';
import { VPC_FLOW_LOGS } from '../rule-ids.js';

export const vpcFlowLogs = defineRule({
  id: VPC_FLOW_LOGS,
  title: 'VPC without flow logs',
  severity: 'medium',
  families: ['network', 'logging'],
  equivalents: { checkov: ['CKV2_AWS_11'], trivy: ['AWS-0178'], securityHub: ['EC2.6'], cdkNag: ['AwsSolutions-VPC7'] },
  rationale: 'Flow logs are the record of which addresses talked to which: without them network activity during an incident cannot be reconstructed.',
  fix: 'Add an `aws_flow_log` with `vpc_id` of this VPC and `traffic_type = "ALL"` (to CloudWatch Logs or S3).',
  appliesTo: ['aws_vpc'],
  check(context) {
    if (context.module.referrers('aws_flow_log', 'vpc_id', context.resource.decl).length > 0) return;
    context.report(context.resource.site, `${context.resource.name} has no aws_flow_log.`);
  },
});
