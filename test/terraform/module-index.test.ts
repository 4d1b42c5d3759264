/** The module index handed to later consumers: declarations, addresses, comments, suppressions. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ignoreDirectives, type ModuleIndex } from '../../src/terraform/index.js';
import { summarize, verifyFiles } from '../verify/fixtures.js';

const MAIN = `terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
    random = "~> 3.0"
  }
}

provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "name" {
  description = "Name."
  type        = string
  default     = "app"
}

locals {
  prefix = "\${var.name}-x"
}

# Public on purpose: this bucket serves the SPA through CloudFront.
# ecsform:ignore S3_PUBLIC_READ the SPA is public by design
resource "aws_s3_bucket" "site" {
  provider = aws.west
  bucket   = local.prefix
}

data "aws_iam_policy_document" "p" {
  count = 1
}

ephemeral "aws_secretsmanager_random_password" "pw" {}

module "child" {
  source   = "./child"
  for_each = toset(["a"])
}

output "bucket" {
  value = aws_s3_bucket.site.id
}
`;

async function index(): Promise<ModuleIndex> {
  const { modules } = await verifyFiles({ 'main.tf': MAIN, 'child/main.tf': 'output "x" {\n  value = 1\n}\n' }, []);
  const root = modules.find((m) => m.dir === '.');
  assert.ok(root);
  return root;
}

describe('module index', () => {
  test('declarations by kind and address', async () => {
    const root = await index();
    assert.deepEqual([...root.variables.keys()], ['name']);
    assert.equal(root.variables.get('name')?.default?.kind, 'template');
    assert.deepEqual([...root.locals.keys()], ['prefix']);
    assert.deepEqual([...root.resources.keys()], ['aws_s3_bucket.site', 'data.aws_iam_policy_document.p', 'ephemeral.aws_secretsmanager_random_password.pw']);
    const bucket = root.resources.get('aws_s3_bucket.site');
    assert.equal(bucket?.mode, 'managed');
    assert.equal(bucket?.providerName, 'aws');
    assert.equal(bucket?.file, 'main.tf');
    assert.ok(bucket?.meta.provider);
    assert.ok(root.resources.get('data.aws_iam_policy_document.p')?.meta.count);
    assert.deepEqual([...root.outputs.keys()], ['bucket']);
    const child = root.moduleCalls.get('child');
    assert.equal(child?.source, './child');
    assert.ok(child?.meta.forEach);
    assert.deepEqual(
      root.providerConfigs.map((p) => p.address),
      ['provider.aws', 'provider.aws.west'],
    );
    assert.deepEqual(root.requiredProviders.get('aws'), { ...root.requiredProviders.get('aws'), source: 'hashicorp/aws', version: '>= 6.0' });
    assert.equal(root.requiredProviders.get('random')?.version, '~> 3.0');
    assert.equal(root.requiredProviders.get('random')?.source, undefined);
    assert.equal(root.terraformBlocks.length, 1);
    assert.ok(root.complete);
  });

  test('find() returns the declaration with its leading comments, and suppressions can be read from them', async () => {
    const root = await index();
    const site = root.find('aws_s3_bucket.site');
    assert.ok(site && site.node.kind === 'block');
    assert.equal(site.node.range?.start.line, 33);
    assert.deepEqual(
      site.leadingComments.map((c) => c.text),
      ['Public on purpose: this bucket serves the SPA through CloudFront.', 'ecsform:ignore S3_PUBLIC_READ the SPA is public by design'],
    );
    assert.deepEqual(
      ignoreDirectives(site.leadingComments).map((d) => [d.ruleId, d.reason]),
      [['S3_PUBLIC_READ', 'the SPA is public by design']],
    );
    assert.equal(root.find('local.prefix')?.node.kind, 'attribute');
    assert.equal(root.find('var.name')?.node.kind, 'block');
    assert.equal(root.find('module.child')?.node.kind, 'block');
    assert.equal(root.find('output.bucket')?.node.kind, 'block');
    assert.equal(root.find('provider.aws.west')?.node.kind, 'block');
    assert.equal(root.find('aws_s3_bucket.other'), undefined);
    assert.equal(root.find('constructor'), undefined);
  });

  test('duplicates keep the first declaration and are reported at the second', async () => {
    const { modules, findings } = await verifyFiles(
      {
        'a.tf': 'variable "x" {}\n\nlocals {\n  y = 1\n}\n\nresource "aws_vpc" "v" {}\n',
        'b.tf': 'variable "x" {}\n\nlocals {\n  y = 2\n}\n\nresource "aws_vpc" "v" {}\n\noutput "o" {\n  value = 1\n}\n\noutput "o" {\n  value = 2\n}\n',
      },
      ['hygiene'],
    );
    assert.equal(modules[0]?.duplicates.length, 4);
    assert.deepEqual(
      summarize(findings.filter((f) => f.code === 'HYGIENE_DUPLICATE')),
      ['HYGIENE_DUPLICATE b.tf:1', 'HYGIENE_DUPLICATE b.tf:4', 'HYGIENE_DUPLICATE b.tf:7', 'HYGIENE_DUPLICATE b.tf:13'],
    );
    assert.match(findings.find((f) => f.code === 'HYGIENE_DUPLICATE')?.message ?? '', /first declaration is at a\.tf:1/);
  });

  test('ignore directives: several per comment, with and without a reason', () => {
    const directives = ignoreDirectives([
      { text: 'ecsform:ignore A_RULE', style: '#' },
      { text: 'not a directive', style: '//' },
      { text: 'ecsform:ignore B_RULE one reason\necsform:ignore C_RULE another', style: '/*' },
    ]);
    assert.deepEqual(
      directives.map((d) => [d.ruleId, d.reason]),
      [
        ['A_RULE', ''],
        ['B_RULE', 'one reason'],
        ['C_RULE', 'another'],
      ],
    );
  });
});
