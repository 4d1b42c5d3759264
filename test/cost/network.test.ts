/** NAT gateways, Elastic IPs and load balancers, with their public IPv4 addresses. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertUsd, costOf, estimateOf, notEstimated } from './helpers.js';

const H = 730;

const SUBNETS = `
variable "zones" {
  type    = number
  default = 3
}

resource "aws_subnet" "public" {
  count      = var.zones
  vpc_id     = "vpc-1"
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
`;

describe('network', () => {
  test('a NAT gateway per count: hours and data processed; its Elastic IP is a public IPv4', async () => {
    const estimate = await estimateOf(
      {
        'nat.tf': `${SUBNETS}
resource "aws_eip" "nat" {
  count  = 2
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  count         = 2
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}
`,
      },
      { nat_gateway: { data_processed_gb_per_gateway: 100 } },
    );
    const nat = costOf(estimate, 'aws_nat_gateway.main');
    assert.equal(nat.instances, 2);
    assertUsd(nat.monthlyUsd, 2 * (H * 0.045 + 100 * 0.045), 'two gateways, 100 GB each');
    assertUsd(costOf(estimate, 'aws_eip.nat').monthlyUsd, 2 * H * 0.005, 'two EIPs');
  });

  test('an internet-facing ALB: hours, LCUs, and a public IPv4 per subnet (from the splat of a counted subnet)', async () => {
    const estimate = await estimateOf(
      {
        'alb.tf': `${SUBNETS}
resource "aws_lb" "web" {
  load_balancer_type = "application"
  subnets            = aws_subnet.public[*].id
}
`,
      },
      { load_balancer: { alb_lcus: 2.5 } },
    );
    const cost = costOf(estimate, 'aws_lb.web');
    assertUsd(cost.monthlyUsd, H * 0.0225 + 2.5 * H * 0.008 + 3 * H * 0.005, 'ALB in 3 subnets, 2.5 LCU');
    assert.deepEqual(cost.details, ['internet-facing ALB in 3 subnets']);
  });

  test('an internal ALB has no public IPs; an NLB prices NLCUs and counts subnet_mapping blocks', async () => {
    const estimate = await estimateOf({
      'lb.tf': `
resource "aws_alb" "internal" {
  internal = true
  subnets  = ["subnet-a", "subnet-b"]
}

resource "aws_lb" "tcp" {
  load_balancer_type = "network"
  subnet_mapping {
    subnet_id = "subnet-a"
  }
  subnet_mapping {
    subnet_id = "subnet-b"
  }
}
`,
    });
    assertUsd(costOf(estimate, 'aws_alb.internal').monthlyUsd, H * 0.0225 + H * 0.008, 'internal ALB');
    assertUsd(costOf(estimate, 'aws_lb.tcp').monthlyUsd, H * 0.0225 + H * 0.006 + 2 * H * 0.005, 'NLB in 2 subnets');
  });

  test('subnets that are only known after apply: the IPs are listed as not estimated, the rest still counts', async () => {
    const estimate = await estimateOf({
      'lb.tf': `
data "aws_subnets" "public" {}

resource "aws_lb" "web" {
  subnets = data.aws_subnets.public.ids
}
`,
    });
    assertUsd(costOf(estimate, 'aws_lb.web').monthlyUsd, H * 0.0225 + H * 0.008, 'hours and LCUs');
    assert.match(notEstimated(estimate, 'aws_lb.web')[0]!.reason, /Public IPv4 addresses of the internet-facing ALB \(one per subnet\): the number of subnets is unknown: data\.aws_subnets\.public is only known after apply/);
  });

  test('a gateway load balancer has no price', async () => {
    const estimate = await estimateOf({ 'lb.tf': 'resource "aws_lb" "gw" {\n  load_balancer_type = "gateway"\n}\n' });
    assert.match(notEstimated(estimate, 'aws_lb.gw')[0]!.reason, /load_balancer_type "gateway" has no price/);
  });
});
