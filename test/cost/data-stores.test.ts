/** RDS, EFS, ECR, S3, Secrets Manager and KMS. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertUsd, costOf, estimateOf, notEstimated } from './helpers.js';

const H = 730;

describe('data stores', () => {
  test('RDS: instance hours by class and gp3 storage; Multi-AZ doubles both', async () => {
    const estimate = await estimateOf({
      'rds.tf': `
variable "multi_az" {
  type    = bool
  default = true
}

resource "aws_db_instance" "db" {
  engine            = "postgres"
  instance_class    = "db.t4g.small"
  allocated_storage = 50
  storage_type      = "gp3"
  multi_az          = var.multi_az
}
`,
    });
    const cost = costOf(estimate, 'aws_db_instance.db');
    assertUsd(cost.monthlyUsd, 2 * H * 0.032 + 2 * 50 * 0.115, 'Multi-AZ db.t4g.small with 50 GB');
    assert.equal(cost.components[0]!.status, 'third-party');
    assert.equal(cost.components[0]!.adjustment, 'Multi-AZ: a standby doubles the price');
  });

  test('RDS: a class or storage type without a price is not estimated; the rest is', async () => {
    const estimate = await estimateOf({
      'rds.tf': `
resource "aws_db_instance" "big" {
  engine            = "mysql"
  instance_class    = "db.r6g.large"
  allocated_storage = 100
  storage_type      = "gp3"
}

resource "aws_db_instance" "old" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}
`,
    });
    assertUsd(costOf(estimate, 'aws_db_instance.big').monthlyUsd, 100 * 0.115, 'storage only');
    assert.match(notEstimated(estimate, 'aws_db_instance.big')[0]!.reason, /no price for mysql db\.r6g\.large/);
    const old = costOf(estimate, 'aws_db_instance.old');
    assertUsd(old.monthlyUsd, H * 0.018, 'db.t3.micro');
    assert.equal(old.components[0]!.status, 'unconfirmed');
    assert.match(notEstimated(estimate, 'aws_db_instance.old')[0]!.reason, /storage_type is not set/);
  });

  test('EFS: Standard or One Zone storage; Elastic throughput is not estimated', async () => {
    const estimate = await estimateOf(
      {
        'efs.tf': `
resource "aws_efs_file_system" "shared" {
  throughput_mode = "elastic"
}

resource "aws_efs_file_system" "zonal" {
  availability_zone_name = "us-east-1a"
}
`,
      },
      { efs: { storage_gb_per_file_system: 40 } },
    );
    assertUsd(costOf(estimate, 'aws_efs_file_system.shared').monthlyUsd, 40 * 0.3, 'Standard');
    assertUsd(costOf(estimate, 'aws_efs_file_system.zonal').monthlyUsd, 40 * 0.16, 'One Zone');
    assert.match(notEstimated(estimate, 'aws_efs_file_system.shared')[0]!.reason, /Elastic throughput/);
  });

  test('ECR and S3 storage per repository and bucket', async () => {
    const estimate = await estimateOf(
      {
        'storage.tf': `
resource "aws_ecr_repository" "repos" {
  for_each = toset(["a", "b", "c"])
  name     = each.key
}

resource "aws_s3_bucket" "assets" {
  bucket = "assets"
}
`,
      },
      { ecr: { storage_gb_per_repository: 2 }, s3: { storage_gb_per_bucket: 100 } },
    );
    assertUsd(costOf(estimate, 'aws_ecr_repository.repos').monthlyUsd, 3 * 2 * 0.1, 'ECR');
    assertUsd(costOf(estimate, 'aws_s3_bucket.assets').monthlyUsd, 100 * 0.023, 'S3');
  });

  test('Secrets Manager: a secret-month per secret and replica, plus API calls', async () => {
    const estimate = await estimateOf(
      {
        'secrets.tf': `
resource "aws_secretsmanager_secret" "token" {
  name = "token"
  replica {
    region = "eu-west-1"
  }
}
`,
      },
      { secrets_manager: { api_calls_per_secret: 50_000 } },
    );
    assertUsd(costOf(estimate, 'aws_secretsmanager_secret.token').monthlyUsd, 2 * 0.4 + 5 * 0.05, 'secret + replica + 50k calls');
  });

  test('KMS: a key-month per key, plus requests', async () => {
    const estimate = await estimateOf({ 'kms.tf': 'resource "aws_kms_key" "main" {}\n\nresource "aws_kms_alias" "main" {\n  name          = "alias/x"\n  target_key_id = aws_kms_key.main.key_id\n}\n' });
    assertUsd(costOf(estimate, 'aws_kms_key.main').monthlyUsd, 1 + 0.03, 'key + 10k requests');
    assert.equal(estimate.notEstimated.length, 0, 'an alias is free');
  });
});
