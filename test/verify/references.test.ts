/** The reference check (and cycles, module calls), on small configurations. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeFindings, summarize, verifyFiles } from './fixtures.js';

async function assertReferences(files: Record<string, string>, expected: string[]): Promise<void> {
  const { findings } = await verifyFiles(files, ['references']);
  assert.deepEqual(summarize(findings), expected, describeFindings(findings));
}

describe('reference check', () => {
  test('for variables shadow only inside their own expression; template directives too', async () => {
    await assertReferences(
      {
        'main.tf': `variable "names" {
  default = ["a"]
}

locals {
  upper   = [for name in var.names : upper(name)]
  pairs   = { for i, name in var.names : name => i if i > 0 }
  leaked  = name
  text    = "%{for n in var.names}\${n},%{endfor}"
  leaked2 = "\${n}"
  nested  = [for a in var.names : [for b in var.names : "\${a}\${b}"]]
  both    = try(local.upper[0], local.missing, "none")
}
`,
      },
      ['REF_UNDECLARED main.tf:8', 'REF_UNDECLARED main.tf:10', 'REF_UNDECLARED main.tf:12'],
    );
  });

  test('count, each, self and path are scoped as Terraform scopes them', async () => {
    await assertReferences(
      {
        'main.tf': `resource "aws_vpc" "counted" {
  count      = 2
  cidr_block = "10.\${count.index}.0.0/16"
  tags       = { Name = each.key }
}

resource "aws_vpc" "each" {
  for_each   = toset(["a"])
  cidr_block = each.value
  tags       = { Name = "\${each.key}-\${count.index}", Module = path.module, Root = path.root, Ws = terraform.workspace }

  lifecycle {
    precondition {
      condition     = self.id != ""
      error_message = "x"
    }
    postcondition {
      condition     = self.id != ""
      error_message = "x"
    }
  }

  provisioner "local-exec" {
    command = "echo \${self.id} \${path.nowhere}"
  }
}

output "o" {
  value = each.value
}

module "m" {
  source = "registry.example.com/x/y/aws"
  count  = 2
  name   = "m-\${count.index}"
  other  = each.key
}
`,
      },
      [
        'REF_EACH_OUTSIDE_FOR_EACH main.tf:4',
        'REF_COUNT_OUTSIDE_COUNT main.tf:10',
        'REF_SELF_OUTSIDE_PROVISIONER main.tf:14',
        'REF_UNDECLARED main.tf:24',
        'REF_EACH_OUTSIDE_FOR_EACH main.tf:29',
        'REF_EACH_OUTSIDE_FOR_EACH main.tf:36',
      ],
    );
  });

  test('dynamic iterators: the label by default, the custom name when given, only inside the block', async () => {
    await assertReferences(
      {
        'main.tf': `resource "aws_security_group" "x" {
  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port = ingress.value
      to_port   = ingress.key
    }
  }
  dynamic "egress" {
    for_each = [80]
    iterator = port
    labels   = [port.key]
    content {
      from_port = port.value
      to_port   = egress.value
    }
  }
  description = ingress.value
}
`,
      },
      ['REF_UNDECLARED main.tf:15', 'REF_UNDECLARED main.tf:18'],
    );
  });

  test('attributes are checked through count, for_each, splats, nested blocks and object types', async () => {
    await assertReferences(
      {
        'main.tf': `resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = "v"
  cidr_block = "10.0.\${count.index}.0/24"
}

resource "aws_ecr_repository" "r" {
  for_each = toset(["a"])
  name     = each.key
}

resource "aws_db_instance" "db" {
  instance_class = "db.t4g.micro"
}

resource "aws_lb" "main" {}

locals {
  ok = [
    aws_subnet.private[*].id,
    aws_subnet.private.*.arn,
    aws_subnet.private[0].cidr_block,
    aws_ecr_repository.r["a"].repository_url,
    aws_db_instance.db.master_user_secret[0].secret_arn,
    aws_db_instance.db.master_user_secret[*].kms_key_id,
    aws_db_instance.db.tags["Name"],
    aws_db_instance.db.tags.Name,
    aws_lb.main.access_logs[0].bucket,
    length(aws_subnet.private),
    [for s in aws_subnet.private : s.id],
    values(aws_ecr_repository.r)[*].arn,
  ]
  bad = [
    aws_subnet.private[*].idd,
    aws_subnet.private.id,
    aws_ecr_repository.r.repository_url,
    aws_db_instance.db.master_user_secret[0].secret,
    aws_db_instance.db[0].arn,
    aws_lb.main.access_logs.bucket,
    aws_lb.main.dns_name.value,
  ]
}
`,
      },
      [
        'REF_UNKNOWN_ATTRIBUTE main.tf:34',
        'REF_MISSING_INSTANCE_KEY main.tf:35',
        'REF_MISSING_INSTANCE_KEY main.tf:36',
        'REF_UNKNOWN_ATTRIBUTE main.tf:37',
        'REF_UNEXPECTED_INSTANCE_KEY main.tf:38',
        'REF_UNKNOWN_ATTRIBUTE main.tf:39',
        'REF_UNKNOWN_ATTRIBUTE main.tf:40',
      ],
    );
  });

  test('data sources, ephemeral resources and other providers', async () => {
    await assertReferences(
      {
        'main.tf': `data "aws_caller_identity" "current" {}

ephemeral "aws_secretsmanager_random_password" "p" {}

resource "random_password" "r" {
  length = 16
}

locals {
  a = data.aws_caller_identity.current.account_id
  b = data.aws_caller_identity.current.acount_id
  c = data.aws_caller_identity.other.arn
  d = ephemeral.aws_secretsmanager_random_password.p.random_password
  e = random_password.r.anything_goes
  f = aws_caller_identity.current.arn
  g = data.aws_caller_identity
}
`,
      },
      ['REF_UNKNOWN_ATTRIBUTE main.tf:11', 'REF_UNDECLARED main.tf:12', 'REF_UNDECLARED main.tf:15', 'REF_UNDECLARED main.tf:16'],
    );
  });

  test('depends_on, replace_triggered_by and functions', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `resource "aws_vpc" "a" {
  cidr_block = provider::aws::arn_parse("arn:aws:iam::123456789012:role/x").account_id
  tags       = { a = lenght("x") }

  depends_on = [aws_vpc.b, aws_vpc.c]

  lifecycle {
    ignore_changes       = [tags, cidr_block]
    replace_triggered_by = [aws_vpc.b.id, aws_vpc.d]
  }
}

resource "aws_vpc" "b" {}
`,
      },
      ['references'],
    );
    assert.deepEqual(summarize(findings), ['REF_UNKNOWN_FUNCTION main.tf:3', 'REF_UNDECLARED main.tf:5', 'REF_UNDECLARED main.tf:9']);
    assert.equal(findings[0]!.hint, 'Did you mean "length"?');
  });

  test('did-you-mean hints for variables, locals and resources', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `variable "region" {}

locals {
  prefix = "x"
}

data "aws_lb" "main" {}

locals {
  all = [var.regoin, local.prefx, aws_lb.main.arn]
}
`,
      },
      ['references'],
    );
    assert.deepEqual(
      findings.map((f) => f.hint),
      ['Did you mean var.region?', 'Did you mean local.prefix?', 'It is declared as a data source: data.aws_lb.main.'],
    );
  });

  test('outputs and inputs of local modules are checked; remote modules are not', async () => {
    await assertReferences(
      {
        'root/main.tf': `module "svc" {
  source = "../modules/svc"
  name   = "x"
  nmae   = "y"
}

module "many" {
  source   = "../modules/svc"
  for_each = toset(["a"])
  name     = each.key
}

module "partial" {
  source = "../modules/svc"
}

module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

module "gone" {
  source = "./modules/missing"
}

module "outside" {
  source = "../../elsewhere"
}

locals {
  a = module.svc.arn
  b = module.svc.id
  c = module.many["a"].arn
  d = module.many["a"].nope
  e = module.remote.anything
  f = module.nothere.x
}
`,
        'modules/svc/main.tf': `variable "name" {}

variable "size" {
  default = 1
}

output "arn" {
  value = "arn:\${var.name}:\${var.size}"
}
`,
      },
      [
        'MODULE_UNKNOWN_INPUT root/main.tf:4',
        'MODULE_MISSING_INPUT root/main.tf:13',
        'MODULE_SOURCE_MISSING root/main.tf:23',
        'REF_UNKNOWN_ATTRIBUTE root/main.tf:32',
        'REF_UNKNOWN_ATTRIBUTE root/main.tf:34',
        'REF_UNDECLARED root/main.tf:36',
      ],
    );
  });

  test('a module whose files do not all parse reports no undeclared names (they may live in the broken file)', async () => {
    const { findings } = await verifyFiles(
      {
        'broken.tf': 'variable "x" {\n',
        'main.tf': 'locals {\n  a = var.x\n  b = aws_vpc.main.id\n}\n',
      },
      ['syntax', 'references'],
    );
    assert.deepEqual(summarize(findings), ['HCL_SYNTAX broken.tf:1']);
  });
});

describe('cycles', () => {
  test('each cycle is reported once, with its path, at the reference leaving its first node', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `locals {
  a = local.b
  b = local.c
  c = local.a
  d = local.d
}

resource "aws_security_group" "a" {
  description = aws_security_group.b.id
}

resource "aws_security_group" "b" {
  description = "b"

  depends_on = [aws_security_group.a]
}

resource "aws_vpc" "self" {
  tags = { Name = aws_vpc.self.id }
}

resource "aws_vpc" "fine" {
  cidr_block = local.a == "" ? aws_security_group.a.id : "x"

  provisioner "local-exec" {
    command = self.id
  }
}
`,
      },
      ['references'],
    );
    assert.deepEqual(summarize(findings), ['REF_CYCLE main.tf:2', 'REF_CYCLE main.tf:5', 'REF_CYCLE main.tf:9', 'REF_CYCLE main.tf:19']);
    assert.equal(findings[0]!.message, 'Dependency cycle: local.a → local.b → local.c → local.a.');
    assert.equal(findings[1]!.message, 'local.d refers to itself.');
    assert.equal(findings[2]!.message, 'Dependency cycle: aws_security_group.a → aws_security_group.b → aws_security_group.a.');
  });

  test('a cycle through a local module is followed input by output', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `module "m" {
  source = "./m"
  input  = aws_vpc.a.id
}

resource "aws_vpc" "a" {
  tags = { Echo = module.m.echo }
}
`,
        'm/main.tf': `variable "input" {}

locals {
  copied = var.input
}

output "echo" {
  value = local.copied
}
`,
      },
      ['references'],
    );
    assert.deepEqual(summarize(findings), ['REF_CYCLE main.tf:7']);
    assert.equal(findings[0]!.message, 'Dependency cycle: aws_vpc.a → module.m.output.echo → module.m.var.input → aws_vpc.a.');
  });

  test('module calls are not collapsed into one node', async () => {
    await assertReferences(
      {
        'main.tf': `module "m" {
  source = "./m"
  input  = aws_vpc.a.id
}

resource "aws_vpc" "a" {
  tags = { Other = module.m.unrelated }
}
`,
        'm/main.tf': `variable "input" {}

output "unrelated" {
  value = "constant"
}

output "echo" {
  value = var.input
}
`,
      },
      [],
    );
  });
});
