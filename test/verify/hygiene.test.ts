/** Module hygiene beyond the mutation tests. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeFindings, summarize, verifyFiles } from './fixtures.js';

describe('hygiene', () => {
  test('version constraints and provider requirements', async () => {
    const { findings } = await verifyFiles(
      {
        'a/main.tf': 'resource "aws_vpc" "v" {}\n\nresource "random_id" "r" {}\n\nresource "terraform_data" "t" {}\n',
        'b/main.tf': 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n\nresource "aws_vpc" "v" {}\n',
        'c/main.tf': 'terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    aws = {\n      source  = "example/aws"\n      version = "1.0"\n    }\n  }\n}\n\nresource "aws_vpc" "v" {}\n',
        'd/main.tf': 'terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    aws = {\n      source  = "registry.terraform.io/hashicorp/aws"\n      version = ">= 6.0"\n    }\n  }\n}\n\nresource "aws_vpc" "v" {}\n',
      },
      ['hygiene'],
    );
    assert.deepEqual(
      summarize(findings),
      ['HYGIENE_REQUIRED_VERSION a/main.tf:', 'HYGIENE_REQUIRED_PROVIDERS a/main.tf:1', 'HYGIENE_REQUIRED_PROVIDERS a/main.tf:3', 'HYGIENE_REQUIRED_VERSION b/main.tf:1', 'HYGIENE_REQUIRED_PROVIDERS b/main.tf:9', 'HYGIENE_REQUIRED_PROVIDERS c/main.tf:11'],
      describeFindings(findings),
    );
    assert.match(findings[5]!.message, /has source "example\/aws", not "hashicorp\/aws"/);
    assert.match(findings[4]!.message, /no version constraint/);
  });

  test('documentation: empty descriptions count as missing; a variable read only by its own validation is unused', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': `variable "a" {
  description = ""
  type        = string

  validation {
    condition     = length(var.a) > 0
    error_message = "Empty."
  }
}

variable "b" {
  description = "Used."
}

output "o" {
  description = " "
  value       = var.b
}
`,
      },
      ['hygiene'],
    );
    assert.deepEqual(summarize(findings), [
      'HYGIENE_REQUIRED_VERSION main.tf:',
      'HYGIENE_UNUSED_VARIABLE main.tf:1',
      'HYGIENE_VARIABLE_DESCRIPTION main.tf:1',
      'HYGIENE_VARIABLE_TYPE main.tf:11',
      'HYGIENE_OUTPUT_DESCRIPTION main.tf:15',
    ]);
  });

  test('interpolation-only strings are found anywhere, but not templates with more in them', async () => {
    const { findings } = await verifyFiles(
      {
        'main.tf': 'locals {\n  a = "${var.x}"\n  b = ["${var.x}", "${var.x}-y"]\n  c = <<-EOT\n    ${var.x}\n  EOT\n  d = { k = "${var.x}" }\n}\n',
      },
      ['hygiene'],
    );
    assert.deepEqual(
      summarize(findings.filter((f) => f.code === 'HYGIENE_INTERPOLATION_ONLY')),
      ['HYGIENE_INTERPOLATION_ONLY main.tf:2', 'HYGIENE_INTERPOLATION_ONLY main.tf:3', 'HYGIENE_INTERPOLATION_ONLY main.tf:7'],
    );
  });
});
