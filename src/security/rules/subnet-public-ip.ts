import { defineRule } from '../rule.js';
import { forbidTrue } from './support/flags.js';
import { SUBNET_PUBLIC_IP } from '../rule-ids.js';

export const subnetPublicIp = defineRule({
  id: SUBNET_PUBLIC_IP,
  title: 'Subnet gives instances public IPs',
  severity: 'high',
  families: ['network', 'public-access'],
  equivalents: { checkov: ['CKV_AWS_130'], trivy: ['AWS-0164'], securityHub: ['EC2.15'] },
  rationale: 'Everything launched in the subnet gets a public address by default, reachable from the internet wherever a security group allows.',
  fix: 'Set `map_public_ip_on_launch = false`; give public addresses explicitly to what needs them (load balancers and NAT gateways do not need this).',
  appliesTo: ['aws_subnet'],
  check(context) {
    forbidTrue(context, 'map_public_ip_on_launch', 'gives everything launched in it a public IP');
  },
});
