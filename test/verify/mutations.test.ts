/**
 * Mutation tests: take a valid fixture, apply one textual change, and assert exactly what is
 * reported: the code, the file and the line, and nothing else.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check, CORRECTNESS_CHECKS } from '../../src/check/index.js';
import { describeFindings, loadFixture, summarize, TERRAFORM_FIXTURES } from './fixtures.js';

interface Mutation {
  readonly name: string;
  readonly fixture: string;
  readonly file: string;
  /** Must occur exactly once in the file. */
  readonly from: string;
  readonly to: string;
  /**
   * `[code, marker]`: the finding's line is the line of `marker` in the mutated file, which must be
   * unique there unless `'last'` asks for its last occurrence.
   */
  readonly expect: ReadonlyArray<readonly [string, string] | readonly [string, string, 'last']>;
}

const SERVICE_CIRCUIT_BREAKER = '  deployment_circuit_breaker {\n    enable   = true\n    rollback = true\n  }\n';

const MUTATIONS: readonly Mutation[] = [
  // ------------------------------------------------------------------ the required mutations
  {
    name: 'misspelled argument',
    fixture: 'ecs-app',
    file: 'services.tf',
    from: '  desired_count   = each.value.desired_count',
    to: '  desried_count   = each.value.desired_count',
    expect: [['SCHEMA_UNKNOWN_ARGUMENT', 'desried_count']],
  },
  {
    name: 'missing required argument',
    fixture: 'ecs-app',
    file: 'services.tf',
    from: '  family                   = "${local.name_prefix}-${each.key}"\n',
    to: '',
    expect: [['SCHEMA_MISSING_ARGUMENT', 'resource "aws_ecs_task_definition" "this"']],
  },
  {
    name: 'a max-1 block given twice',
    fixture: 'ecs-app',
    file: 'services.tf',
    from: SERVICE_CIRCUIT_BREAKER,
    to: `${SERVICE_CIRCUIT_BREAKER}\n  deployment_circuit_breaker {\n    enable   = false\n    rollback = true\n  }\n`,
    expect: [['SCHEMA_BLOCK_REPEATED', '  deployment_circuit_breaker {\n    enable   = false']],
  },
  {
    name: 'a string where a number belongs',
    fixture: 'ecs-app',
    file: 'alb.tf',
    from: '    healthy_threshold   = 2',
    to: '    healthy_threshold   = "two"',
    expect: [['SCHEMA_TYPE_MISMATCH', '"two"']],
  },
  {
    name: 'an undeclared variable',
    fixture: 'network',
    file: 'main.tf',
    from: '  cidr_block           = var.vpc_cidr',
    to: '  cidr_block           = var.vpc_cdir',
    expect: [['REF_UNDECLARED', 'var.vpc_cdir']],
  },
  {
    name: 'a reference to a missing resource',
    fixture: 'ecs-app',
    file: 'alb.tf',
    from: '  listener_arn = aws_lb_listener.https.arn',
    to: '  listener_arn = aws_lb_listener.htps.arn',
    expect: [['REF_UNDECLARED', 'aws_lb_listener.htps']],
  },
  {
    name: 'a reference to a missing attribute',
    fixture: 'network',
    file: 'outputs.tf',
    from: '  value       = aws_vpc.main.id',
    to: '  value       = aws_vpc.main.vpc_id',
    expect: [['REF_UNKNOWN_ATTRIBUTE', 'aws_vpc.main.vpc_id']],
  },
  {
    name: 'a cycle',
    fixture: 'network',
    file: 'main.tf',
    from: 'merge(var.tags, { Module = "network" })',
    to: 'merge(var.tags, { Module = aws_vpc.main.id })',
    expect: [['REF_CYCLE', 'Module = aws_vpc.main.id']],
  },
  {
    name: 'each.key in a counted resource',
    fixture: 'network',
    file: 'main.tf',
    from: '  tags = merge(local.tags, { Name = "${var.name}-nat-${count.index}" })\n}\n\nresource "aws_nat_gateway"',
    to: '  tags = merge(local.tags, { Name = "${var.name}-nat-${each.key}" })\n}\n\nresource "aws_nat_gateway"',
    expect: [['REF_EACH_OUTSIDE_FOR_EACH', '-nat-${each.key}']],
  },
  {
    name: 'bad indentation',
    fixture: 'ecs-app',
    file: 'outputs.tf',
    from: '  value       = aws_lb.main.dns_name',
    to: ' value       = aws_lb.main.dns_name',
    expect: [['HCL_FORMAT', ' value       = aws_lb.main.dns_name']],
  },
  {
    name: 'an unclosed brace',
    fixture: 'network',
    file: 'outputs.tf',
    from: '  value       = aws_eip.nat[*].public_ip\n}\n',
    to: '  value       = aws_eip.nat[*].public_ip\n',
    expect: [['HCL_SYNTAX', 'output "nat_public_ips" {']],
  },
  {
    name: 'an unused variable',
    fixture: 'network',
    file: 'variables.tf',
    from: 'variable "tags" {',
    to: 'variable "unused" {\n  description = "Declared, never read."\n  type        = string\n  default     = ""\n}\n\nvariable "tags" {',
    expect: [['HYGIENE_UNUSED_VARIABLE', 'variable "unused"']],
  },
  {
    name: 'a missing description',
    fixture: 'network',
    file: 'variables.tf',
    from: '  description = "Tags added to every resource."\n  type        = map(string)\n  default     = {}\n',
    to: '  type    = map(string)\n  default = {}\n',
    expect: [['HYGIENE_VARIABLE_DESCRIPTION', 'variable "tags"']],
  },

  // ------------------------------------------------------------------ more of each check
  {
    name: 'attributes of a counted resource read without an index',
    fixture: 'network',
    file: 'outputs.tf',
    from: '  value       = aws_subnet.public[*].id',
    to: '  value       = aws_subnet.public.id',
    expect: [['REF_MISSING_INSTANCE_KEY', 'aws_subnet.public.id']],
  },
  {
    name: 'a single resource indexed',
    fixture: 'network',
    file: 'outputs.tf',
    from: '  value       = aws_vpc.main.id',
    to: '  value       = aws_vpc.main[0].id',
    expect: [['REF_UNEXPECTED_INSTANCE_KEY', 'aws_vpc.main[0]']],
  },
  {
    name: 'a nested attribute through a list of objects',
    fixture: 'database',
    file: 'outputs.tf',
    from: 'master_user_secret[0].secret_arn',
    to: 'master_user_secret[0].secret_arm',
    expect: [['REF_UNKNOWN_ATTRIBUTE', 'secret_arm']],
  },
  {
    name: 'an attribute of a list read without an index',
    fixture: 'database',
    file: 'outputs.tf',
    from: 'master_user_secret[0].secret_arn',
    to: 'master_user_secret.secret_arn',
    expect: [['REF_UNKNOWN_ATTRIBUTE', 'master_user_secret.secret_arn']],
  },
  {
    name: 'an output the local module does not declare',
    fixture: 'ecs-app',
    file: 'outputs.tf',
    from: '  value       = module.cluster.cluster_arn',
    to: '  value       = module.cluster.cluster_ar',
    expect: [['REF_UNKNOWN_ATTRIBUTE', 'module.cluster.cluster_ar']],
  },
  {
    name: 'an input the local module does not declare',
    fixture: 'ecs-app',
    file: 'cluster.tf',
    from: '  fargate_spot_weight       = var.environment',
    to: '  fargate_spot_weigth       = var.environment',
    expect: [['MODULE_UNKNOWN_INPUT', 'fargate_spot_weigth']],
  },
  {
    name: 'count.index outside count',
    fixture: 'network',
    file: 'main.tf',
    from: '  tags = merge(local.tags, { Name = "${var.name}-public" })',
    to: '  tags = merge(local.tags, { Name = "${var.name}-public-${count.index}" })',
    expect: [['REF_COUNT_OUTSIDE_COUNT', '-public-${count.index}']],
  },
  {
    name: 'an outer dynamic iterator read inside a nested dynamic block (valid)',
    fixture: 'routing',
    file: 'main.tf',
    from: '              weight = tg.value.weight',
    to: '              weight = fwd.value.weight + tg.value.weight',
    expect: [],
  },
  {
    name: 'a custom iterator name used after its block',
    fixture: 'ecs-app',
    file: 'security.tf',
    from: '    description = "HTTPS to AWS APIs and registries"',
    to: '    description = "HTTPS to AWS APIs and ${service.key}"',
    expect: [['REF_UNDECLARED', 'AWS APIs and ${service.key}']],
  },
  {
    name: 'a read-only attribute set',
    fixture: 'network',
    file: 'main.tf',
    from: '  enable_dns_support   = true',
    to: '  enable_dns_support   = true\n  arn                  = "arn:aws:ec2:::vpc/x"',
    expect: [['SCHEMA_READONLY_ARGUMENT', 'arn                  =']],
  },
  {
    name: 'an unknown resource type',
    fixture: 'network',
    file: 'main.tf',
    from: 'resource "aws_internet_gateway" "main" {',
    to: 'resource "aws_internet_gatway" "main" {',
    // Renaming the type renames the resource: its references no longer resolve, as in Terraform.
    expect: [
      ['SCHEMA_UNKNOWN_TYPE', 'resource "aws_internet_gatway"'],
      ['REF_UNDECLARED', '  depends_on = [aws_internet_gateway.main]'],
      ['REF_UNDECLARED', '    gateway_id = aws_internet_gateway.main.id'],
    ],
  },
  {
    name: 'a misspelled nested block',
    fixture: 'ecs-app',
    file: 'alb.tf',
    from: '  health_check {',
    to: '  health_chek {',
    expect: [['SCHEMA_UNKNOWN_BLOCK', 'health_chek']],
  },
  {
    name: 'a required block missing',
    fixture: 'ecs-app',
    file: 'alb.tf',
    from: '  condition {\n    host_header {\n      values = [coalesce(each.value.host_header, "${each.key}.example.com")]\n    }\n  }\n',
    to: '',
    expect: [['SCHEMA_MISSING_BLOCK', 'resource "aws_lb_listener_rule" "service"']],
  },
  {
    name: 'a list where for_each needs a map or set',
    fixture: 'ecs-app',
    file: 'logs.tf',
    from: '  for_each = toset(keys(var.services))',
    to: '  for_each = ["api", "worker"]',
    expect: [['SCHEMA_TYPE_MISMATCH', '["api", "worker"]']],
  },
  {
    name: 'an interpolation-only string',
    fixture: 'iam-policies',
    file: 'main.tf',
    from: '  role   = aws_iam_role.task.id',
    to: '  role   = "${aws_iam_role.task.id}"',
    expect: [['HYGIENE_INTERPOLATION_ONLY', '"${aws_iam_role.task.id}"']],
  },
  {
    name: 'an unknown function',
    fixture: 'iam-policies',
    file: 'main.tf',
    from: 'trimprefix(prefix, "/")',
    to: 'trim_prefix(prefix, "/")',
    expect: [['REF_UNKNOWN_FUNCTION', 'trim_prefix']],
  },
  {
    name: 'self outside a provisioner',
    fixture: 'iam-policies',
    file: 'main.tf',
    from: '  role       = aws_iam_role.task.name',
    to: '  role       = self.name',
    expect: [['REF_SELF_OUTSIDE_PROVISIONER', 'self.name']],
  },
  {
    name: 'a duplicated resource',
    fixture: 'iam-policies',
    file: 'data.tf',
    from: 'data "aws_region" "current" {}',
    to: 'data "aws_region" "current" {}\n\ndata "aws_partition" "current" {}',
    expect: [['HYGIENE_DUPLICATE', 'data "aws_partition" "current" {}', 'last']],
  },
  {
    name: 'an unused local',
    fixture: 'database',
    file: 'main.tf',
    from: '  port                  = 5432',
    to: '  port                  = 5432\n  unused                = "x"',
    expect: [['HYGIENE_UNUSED_LOCAL', 'unused                =']],
  },
];

function lineOf(text: string, marker: string, last: boolean): number {
  const at = last ? text.lastIndexOf(marker) : text.indexOf(marker);
  assert.ok(at >= 0, `marker ${JSON.stringify(marker)} not found`);
  if (!last) assert.equal(text.indexOf(marker, at + 1), -1, `marker ${JSON.stringify(marker)} is not unique`);
  return text.slice(0, at).split('\n').length;
}

describe('mutations of valid fixtures', () => {
  for (const mutation of MUTATIONS) {
    test(mutation.name, async () => {
      const files = loadFixture(join(TERRAFORM_FIXTURES, 'valid', mutation.fixture));
      const target = files.find((f) => f.path === mutation.file);
      assert.ok(target, `${mutation.file} not in ${mutation.fixture}`);
      assert.equal(target.text.split(mutation.from).length, 2, `"from" must occur exactly once in ${mutation.file}`);
      target.text = target.text.replace(mutation.from, () => mutation.to);
      const { findings } = await check({ files }, { checks: CORRECTNESS_CHECKS });
      const expected = mutation.expect.map(([code, marker, last]) => `${code} ${mutation.file}:${lineOf(target.text, marker, last === 'last')}`);
      assert.deepEqual(summarize(findings), expected, `findings:\n${describeFindings(findings)}`);
    });
  }
});
