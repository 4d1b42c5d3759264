/**
 * How rules read values: variables at their defaults, count/for_each instances, unknown values
 * never guessed, positions inside `jsonencode`, policies in heredocs and behind conditionals.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runSecurityRules } from '../../src/security/index.js';
import { describeFindings, indexText } from './helpers.js';

const run = (text: string, rule: string) => runSecurityRules(indexText(text), { rules: new Set([rule]) });

describe('reading Terraform for the rules', () => {
  test('a value only known after apply is not judged', () => {
    const text = `variable "public" {
  description = "No default: the caller decides."
  type        = bool
}

resource "aws_subnet" "a" {
  vpc_id                  = "vpc-1"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = var.public
}

resource "aws_subnet" "b" {
  vpc_id                  = "vpc-1"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = data.aws_ssm_parameter.flag.value
}
`;
    assert.deepEqual(run(text, 'SUBNET_PUBLIC_IP'), []);
  });

  test('count: every instance is checked, a shared finding is reported once for the resource', () => {
    const text = `resource "aws_subnet" "public" {
  count = 3

  vpc_id                  = "vpc-1"
  cidr_block              = cidrsubnet("10.0.0.0/16", 8, count.index)
  map_public_ip_on_launch = count.index == 0
}

resource "aws_subnet" "all" {
  count = 2

  vpc_id                  = "vpc-1"
  cidr_block              = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
  map_public_ip_on_launch = true
}
`;
    const findings = run(text, 'SUBNET_PUBLIC_IP');
    assert.deepEqual(findings.map((f) => f.path), ['aws_subnet.public[0]', 'aws_subnet.all'], describeFindings(findings));
  });

  test('for_each keys become instance addresses; an empty for_each creates nothing', () => {
    const text = `variable "create" {
  description = "Create the repositories."
  type        = bool
  default     = false
}

resource "aws_ecr_repository" "services" {
  for_each = toset(["api", "worker"])

  name                 = each.key
  image_tag_mutability = each.key == "api" ? "IMMUTABLE" : "MUTABLE"
}

resource "aws_ecr_repository" "optional" {
  for_each = var.create ? toset(["x"]) : toset([])

  name = each.key
}
`;
    const findings = run(text, 'ECR_IMMUTABLE_TAGS');
    assert.deepEqual(findings.map((f) => [f.path, f.line]), [['aws_ecr_repository.services["worker"]', 11]], describeFindings(findings));
  });

  test('container definitions: findings point inside jsonencode; unknown definitions are skipped', () => {
    const text = `resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name       = "app"
      image      = "app:1"
      privileged = true
    },
  ])
}

resource "aws_ecs_task_definition" "from_file" {
  family                = "from-file"
  container_definitions = file("\${path.module}/containers.json")
}
`;
    const findings = run(text, 'ECS_PRIVILEGED');
    assert.deepEqual(findings.map((f) => [f.line, f.column]), [[7, 7]]);
  });

  test('a JSON policy in a heredoc is read; a conditional with a known condition reads its branch', () => {
    const text = `variable "strict" {
  description = "Use the narrow policy."
  type        = bool
  default     = false
}

data "aws_iam_policy_document" "narrow" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
}

data "aws_iam_policy_document" "wide" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "switch" {
  name   = "switch"
  policy = var.strict ? data.aws_iam_policy_document.narrow.json : data.aws_iam_policy_document.wide.json
}

resource "aws_iam_policy" "heredoc" {
  name   = "heredoc"
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
  EOT
}
`;
    const findings = run(text, 'IAM_WILDCARD_ACTION');
    assert.deepEqual(findings.map((f) => [f.path, f.line]), [['aws_iam_policy.switch', 16], ['aws_iam_policy.heredoc', 28]], describeFindings(findings));
  });

  test('KMS key policies may grant kms:* to the account root: no IAM wildcard finding', () => {
    const text = `resource "aws_kms_key" "main" {
  enable_key_rotation = true
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" }]
  })
}
`;
    const findings = runSecurityRules(indexText(text));
    assert.deepEqual(findings.filter((f) => f.code.startsWith('IAM_') || f.code === 'KMS_KEY_POLICY_PUBLIC'), []);
  });

  test('statements merged from source_policy_documents are checked; overrides replace by sid', () => {
    const text = `data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Wide"
    actions   = ["*"]
    resources = ["*"]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "narrowed" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  statement {
    sid       = "Wide"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.narrowed.json
}
`;
    assert.deepEqual(run(text, 'IAM_WILDCARD_ACTION'), []);
    assert.deepEqual(run(text, 'IAM_SERVICE_WILDCARD_ACTION').map((f) => f.line), [10]);
  });
});
