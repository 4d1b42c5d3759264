/** The structure and provider-schema check, on small configurations. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeFindings, summarize, verifyFiles } from './fixtures.js';

async function schemaFindings(text: string, path = 'main.tf'): Promise<string[]> {
  const { findings } = await verifyFiles({ [path]: text }, ['schema']);
  return summarize(findings);
}

async function assertSchema(text: string, expected: string[]): Promise<void> {
  const { findings } = await verifyFiles({ 'main.tf': text }, ['schema']);
  assert.deepEqual(summarize(findings), expected, describeFindings(findings));
}

describe('schema check', () => {
  test('attributes of type list of objects may be written as blocks, and their fields are checked', async () => {
    await assertSchema(
      `resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
    cidr      = ["0.0.0.0/0"]
  }
  egress = []
}
`,
      ['SCHEMA_UNKNOWN_ARGUMENT main.tf:12'],
    );
  });

  test('a dynamic block satisfies a required block, and one static block plus a dynamic one is not a repetition', async () => {
    await assertSchema(
      `resource "aws_lb_listener" "x" {
  load_balancer_arn = "arn"
  dynamic "default_action" {
    for_each = ["a", "b"]
    content {
      type = "fixed-response"
      fixed_response {
        content_type = "text/plain"
      }
    }
  }
}

resource "aws_ecs_service" "x" {
  name = "x"
  network_configuration {
    subnets = ["a"]
  }
  dynamic "network_configuration" {
    for_each = []
    content {
      subnets = ["b"]
    }
  }
}
`,
      [],
    );
  });

  test('dynamic blocks: unknown target, missing for_each and content, nested dynamic with iterators', async () => {
    await assertSchema(
      `resource "aws_ecs_service" "x" {
  name = "x"
  dynamic "load_balancers" {
    for_each = []
    content {}
  }
  dynamic "load_balancer" {
    iterator = lb
  }
  dynamic "name" {
    for_each = []
    content {}
  }
}

resource "aws_lb_listener_rule" "x" {
  listener_arn = "arn"
  action {
    type = "forward"
    dynamic "forward" {
      for_each = [1]
      iterator = f
      content {
        dynamic "target_group" {
          for_each = [1]
          iterator = tg
          content {
            arn    = "arn"
            weight = "heavy"
          }
        }
      }
    }
  }
  condition {}
}
`,
      [
        'SCHEMA_UNKNOWN_BLOCK main.tf:3',
        'SCHEMA_MISSING_ARGUMENT main.tf:7',
        'SCHEMA_MISSING_BLOCK main.tf:7',
        'SCHEMA_UNKNOWN_BLOCK main.tf:10',
        'SCHEMA_TYPE_MISMATCH main.tf:29',
      ],
    );
  });

  test('meta-arguments, lifecycle, provisioners and timeouts', async () => {
    await assertSchema(
      `resource "aws_db_instance" "x" {
  count          = 2
  provider       = aws.west
  instance_class = "db.t4g.micro"
  depends_on     = [aws_vpc.main]

  timeouts {
    create = "60m"
  }

  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
    ignore_changes        = [tags, engine_version]
    replace_triggered_by  = [aws_vpc.main.id]
    precondition {
      condition     = true
      error_message = "never"
    }
    postcondition {
      condition     = self.port > 0
      error_message = "no port"
    }
  }

  connection {
    host = self.address
  }

  provisioner "local-exec" {
    command = "echo \${self.address}"
  }
}

data "aws_region" "x" {
  lifecycle {
    create_before_destroy = true
    postcondition {
      condition = true
    }
  }
}

resource "aws_vpc" "x" {
  lifecycle {
    prevent_destroy = "yes"
    ignore_change   = all
  }
}
`,
      [
        'SCHEMA_UNKNOWN_ARGUMENT main.tf:37',
        'SCHEMA_MISSING_ARGUMENT main.tf:38',
        'SCHEMA_TYPE_MISMATCH main.tf:46',
        'SCHEMA_UNKNOWN_ARGUMENT main.tf:47',
      ],
    );
  });

  test("Terraform's conversions are accepted; impossible ones are not", async () => {
    await assertSchema(
      `resource "aws_ecs_service" "x" {
  name                               = 42
  desired_count                      = "3"
  enable_execute_command             = "true"
  deployment_maximum_percent         = -1.5e2
  wait_for_steady_state              = true
  health_check_grace_period_seconds  = "\${var.grace}"
  propagate_tags                     = true
  triggers                           = { redeploy = 1, at = "\${timestamp()}" }
  deployment_minimum_healthy_percent = var.minimum
}

resource "aws_ecs_service" "y" {
  name                   = ["x"]
  desired_count          = true
  enable_execute_command = 1
  triggers               = ["a"]
  force_delete           = "maybe"
}

resource "aws_ecs_task_definition" "z" {
  family                   = "x"
  container_definitions    = jsonencode([])
  requires_compatibilities = "FARGATE"
  cpu                      = [256]
  memory                   = { size = 512 }
  tags                     = { a = [1] }
  placement_constraints {
    type       = "memberOf"
    expression = <<-EOT
      attribute:ecs.availability-zone in [us-east-1a]
    EOT
  }
}
`,
      [
        'SCHEMA_TYPE_MISMATCH main.tf:14',
        'SCHEMA_TYPE_MISMATCH main.tf:15',
        'SCHEMA_TYPE_MISMATCH main.tf:16',
        'SCHEMA_TYPE_MISMATCH main.tf:17',
        'SCHEMA_TYPE_MISMATCH main.tf:18',
        'SCHEMA_TYPE_MISMATCH main.tf:24',
        'SCHEMA_TYPE_MISMATCH main.tf:25',
        'SCHEMA_TYPE_MISMATCH main.tf:26',
        'SCHEMA_TYPE_MISMATCH main.tf:27',
      ],
    );
  });

  test('read-only, write-only, repeated arguments and blocks', async () => {
    await assertSchema(
      `resource "aws_db_instance" "x" {
  instance_class      = "db.t4g.micro"
  password_wo         = "secret"
  password_wo_version = 1
  endpoint            = "x"
  instance_class      = "db.t4g.small"
  blue_green_update {
    enabled = true
  }
  blue_green_update {
    enabled = false
  }
}
`,
      ['SCHEMA_READONLY_ARGUMENT main.tf:5', 'SCHEMA_ARGUMENT_REPEATED main.tf:6', 'SCHEMA_BLOCK_REPEATED main.tf:10'],
    );
  });

  test('a block written as an argument and an argument written as a block get a hint', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `resource "aws_ecs_service" "x" {
  name                  = "x"
  network_configuration = { subnets = [] }
  desired_count {
  }
}
`,
      },
      ['schema'],
    );
    assert.deepEqual(summarize(findings), ['SCHEMA_UNKNOWN_ARGUMENT main.tf:3', 'SCHEMA_UNKNOWN_BLOCK main.tf:4']);
    assert.match(findings[0]!.hint ?? '', /is a block/);
    assert.match(findings[1]!.hint ?? '', /is an argument/);
  });

  test('unknown types get a did-you-mean, or point at the data source of that name', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `resource "aws_ecs_servic" "x" {}

resource "aws_availability_zones" "y" {}

data "aws_ecs_task_set" "z" {}
`,
      },
      ['schema'],
    );
    assert.deepEqual(summarize(findings), ['SCHEMA_UNKNOWN_TYPE main.tf:1', 'SCHEMA_UNKNOWN_TYPE main.tf:3', 'SCHEMA_UNKNOWN_TYPE main.tf:5']);
    assert.equal(findings[0]!.hint, 'Did you mean "aws_ecs_service"?');
    assert.match(findings[1]!.hint ?? '', /exists as a data source/);
    assert.match(findings[2]!.hint ?? '', /is a resource type/);
    assert.equal(findings[0]!.column, 10);
  });

  test('opaque blocks are not looked into', async () => {
    await assertSchema(
      `resource "aws_wafv2_web_acl" "x" {
  name  = "x"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "r"
    priority = 1
    statement {
      anything_at_all {
        whatever = 1
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "r"
      sampled_requests_enabled   = true
    }
    action {
      block {}
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "acl"
    sampled_requests_enabled   = true
  }
}
`,
      [],
    );
  });

  test('other providers are stated as unchecked once per provider and module; terraform_data too', async () => {
    const { findings } = await verifyFiles(
      {
        'a/main.tf': 'resource "random_password" "a" {\n  length = "long"\n  bogus  = 1\n}\n\nresource "random_id" "b" {\n  lifecycle {\n    bogus = 1\n  }\n}\n',
        'a/other.tf': 'resource "null_resource" "c" {}\n\nresource "terraform_data" "d" {}\n',
        'b/main.tf': 'resource "random_pet" "e" {}\n',
      },
      ['schema'],
    );
    assert.deepEqual(summarize(findings), [
      'SCHEMA_PROVIDER_UNCHECKED a/main.tf:1',
      'SCHEMA_UNKNOWN_ARGUMENT a/main.tf:8',
      'SCHEMA_PROVIDER_UNCHECKED a/other.tf:1',
      'SCHEMA_PROVIDER_UNCHECKED a/other.tf:3',
      'SCHEMA_PROVIDER_UNCHECKED b/main.tf:1',
    ]);
    assert.match(findings[0]!.message, /2 block\(s\) of the "random" provider \(random_password\.a, random_id\.b\)/);
  });

  test("Terraform's own blocks: top level, variable, output, module, locals", async () => {
    await assertSchema(
      `resouce "aws_vpc" "x" {}

name = "x"

variable "a" {
  descripton = "typo"
  type       = string
  validation {
    condition = true
  }
}

variable "b" "c" {}

output "o" {
  description = "no value"
}

module "m" {
  anything = 1
}

locals {
  anything = 1
}

resource "aws_vpc" {}

terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "b"
  }
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "us-east-1"
  alias  = "east"
  assume_role {
    role_arn = "arn"
  }
}
`,
      [
        'SCHEMA_UNKNOWN_BLOCK main.tf:1',
        'SCHEMA_UNKNOWN_ARGUMENT main.tf:3',
        'SCHEMA_UNKNOWN_ARGUMENT main.tf:6',
        'SCHEMA_MISSING_ARGUMENT main.tf:8',
        'SCHEMA_BLOCK_LABELS main.tf:13',
        'SCHEMA_MISSING_ARGUMENT main.tf:15',
        'SCHEMA_MISSING_ARGUMENT main.tf:19',
        'SCHEMA_BLOCK_LABELS main.tf:27',
      ],
    );
  });

  test('data sources in check blocks are checked', async () => {
    assert.deepEqual(
      await schemaFindings(`check "health" {
  data "aws_lb" "main" {
    nme = "x"
  }
  assert {
    condition     = data.aws_lb.main.dns_name != ""
    error_message = "no DNS name"
  }
}
`),
      ['SCHEMA_UNKNOWN_ARGUMENT main.tf:3'],
    );
  });

  test('a misspelled argument gets a did-you-mean hint among settable names', async () => {
    const { findings } = await verifyFiles({ 'main.tf': 'resource "aws_ecs_cluster" "x" {\n  nam = "x"\n}\n' }, ['schema']);
    assert.deepEqual(summarize(findings), ['SCHEMA_MISSING_ARGUMENT main.tf:1', 'SCHEMA_UNKNOWN_ARGUMENT main.tf:2']);
    assert.equal(findings[1]!.hint, 'Did you mean "name"?');
    assert.equal(findings[1]!.path, 'aws_ecs_cluster.x.nam');
  });
});

describe('input handling', () => {
  test('.tf.json files are stated as ignored; other files are skipped silently', async () => {
    const { findings, modules } = await verifyFiles({ 'main.tf.json': '{}', 'README.md': '# x', 'x/main.tf': 'locals {}\n' }, ['schema']);
    assert.deepEqual(summarize(findings), ['VERIFY_JSON_IGNORED main.tf.json:']);
    assert.deepEqual(
      modules.map((m) => m.dir),
      ['x'],
    );
  });

  test('no Terraform at all is stated', async () => {
    const { findings } = await verifyFiles({});
    assert.deepEqual(summarize(findings), ['VERIFY_NO_TERRAFORM :']);
  });
});
