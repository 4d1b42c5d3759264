/** How the estimate reads a whole configuration: modules, count/for_each, unknowns, unpriced types, regions. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertUsd, costOf, estimateOf, notEstimated } from './helpers.js';

const H = 730;

describe('reading a configuration', () => {
  test('a local module is priced through its call, with the call arguments as variable values', async () => {
    const estimate = await estimateOf({
      'main.tf': `
module "net" {
  source   = "./modules/net"
  gateways = 2
}
`,
      'modules/net/main.tf': `
variable "gateways" {
  type    = number
  default = 1
}

resource "aws_nat_gateway" "this" {
  count     = var.gateways
  subnet_id = "subnet-1"
}
`,
    });
    const cost = costOf(estimate, 'module.net.aws_nat_gateway.this');
    assert.equal(cost.instances, 2, 'the argument, not the default');
    assert.equal(estimate.resources.length, 1, 'the called module is not also priced as a root');
  });

  test('an argument only known after apply keeps the variable unknown: never its default', async () => {
    const estimate = await estimateOf({
      'main.tf': `
data "aws_availability_zones" "all" {}

module "net" {
  source   = "./modules/net"
  gateways = length(data.aws_availability_zones.all.names)
}
`,
      'modules/net/main.tf': `
variable "gateways" {
  type    = number
  default = 1
}

resource "aws_nat_gateway" "this" {
  count     = var.gateways
  subnet_id = "subnet-1"
}
`,
    });
    assert.equal(estimate.resources.length, 0);
    assert.match(notEstimated(estimate, 'module.net.aws_nat_gateway.this')[0]!.reason, /count: var\.gateways is set by module\.net, where data\.aws_availability_zones\.all is only known after apply/);
  });

  test('a registry module is listed as not estimated', async () => {
    const estimate = await estimateOf({ 'main.tf': 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "6.6.0"\n}\n' });
    assert.match(notEstimated(estimate, 'module.vpc')[0]!.reason, /source "terraform-aws-modules\/vpc\/aws" is not a directory of the input/);
  });

  test('count from a for_each-free conditional and for_each over a variable default', async () => {
    const estimate = await estimateOf({
      'main.tf': `
variable "repos" {
  type    = set(string)
  default = ["api", "web"]
}

variable "enabled" {
  type    = bool
  default = false
}

resource "aws_ecr_repository" "this" {
  for_each = var.repos
  name     = each.key
}

resource "aws_kms_key" "optional" {
  count = var.enabled ? 1 : 0
}
`,
    });
    assert.equal(costOf(estimate, 'aws_ecr_repository.this').instances, 2);
    assert.equal(estimate.resources.some((r) => r.address === 'aws_kms_key.optional'), false, 'count 0 creates nothing');
  });

  test('types without a price are listed, free ones are not, data sources never', async () => {
    const estimate = await estimateOf({
      'main.tf': `
resource "aws_sqs_queue" "jobs" {}

resource "aws_sns_topic" "alerts" {}

resource "aws_iam_role" "r" {
  assume_role_policy = "{}"
}

resource "aws_security_group" "sg" {}

data "aws_ecr_repository" "existing" {
  name = "x"
}
`,
    });
    assert.deepEqual(
      estimate.notEstimated.map((n) => [n.address, n.reason]),
      [
        ['aws_sns_topic.alerts', 'SNS charges per request and delivery; the price file has no SNS prices.'],
        ['aws_sqs_queue.jobs', 'No price for aws_sqs_queue in the price file.'],
      ],
    );
    assert.equal(estimate.totalMonthlyUsd, 0);
  });

  test('a provider in another region is a warning: prices are for us-east-1', async () => {
    const estimate = await estimateOf({ 'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_kms_key" "k" {}\n' });
    assert.deepEqual(estimate.warnings, ['provider.aws in . deploys to eu-west-1, but the prices are for us-east-1: expect differences.']);
  });

  test('file and line of every priced resource, and hours_per_month from the usage', async () => {
    const estimate = await estimateOf({ 'net.tf': '\n\nresource "aws_nat_gateway" "n" {\n  subnet_id = "s"\n}\n' }, { hours_per_month: 744, nat_gateway: { data_processed_gb_per_gateway: 0 } });
    const cost = costOf(estimate, 'aws_nat_gateway.n');
    assert.deepEqual([cost.file, cost.line], ['net.tf', 3]);
    assertUsd(cost.monthlyUsd, 744 * 0.045, 'a 31-day month');
    assert.notEqual(744, H);
  });
});
