/**
 * The monthly cost of each example, computed by hand from data/prices-us-east-1.json and the
 * default usage assumptions, one line item per expression, so a reviewer can check the arithmetic.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateCost } from '../../src/cost/index.js';
import { assertUsd, example } from './helpers.js';

const H = 730; // hours a month

function sum(items: Record<string, number>): number {
  return Object.values(items).reduce((a, b) => a + b, 0);
}

describe('monthly cost of the examples, by hand', () => {
  test('iot-platform: 11 Fargate services, ALB, CloudFront, RDS, one NAT gateway', async () => {
    const { modules } = await example('iot-platform');
    const expected = {
      // 9 services of 256 CPU / 512 MiB, keycloak 1024 / 2048, ui_iot 512 / 1024; 1 task each, x86, on-demand
      fargateVcpu: (9 * 0.25 + 1 + 0.5) * H * 0.04048, // 3.75 vCPU → $110.814
      fargateMemory: (9 * 0.5 + 2 + 1) * H * 0.004445, // 7.5 GB → $24.336375
      natHours: 1 * H * 0.045, // $32.85
      natData: 20 * 0.045, // 20 GB default → $0.90
      natElasticIp: 1 * H * 0.005, // $3.65
      albHours: H * 0.0225, // $16.425
      albLcus: 1 * H * 0.008, // 1 LCU default → $5.84
      albPublicIps: 2 * H * 0.005, // internet-facing in 2 public subnets → $7.30
      mqttPublicIp: 1 * H * 0.005, // assign_public_ip, 1 task → $3.65
      cloudMapInstances: 2 * 0.1, // keycloak and mqtt register 1 task each → $0.20
      cloudMapZone: 0.5, // private DNS namespace iot.internal
      rdsInstance: H * 0.016, // db.t4g.micro PostgreSQL, Single-AZ → $11.68
      rdsStorage: 20 * 0.115, // 20 GB gp3 → $2.30
      secrets: 10 * 0.4, // 10 aws_secretsmanager_secret → $4.00
      secretApiCalls: 10 * (10_000 / 10_000) * 0.05, // 10k calls each (default) → $0.50
      logIngestion: (11 + 1) * 1 * 0.5, // 11 service groups + flow logs, 1 GB each → $6.00
      logStorage: (11 + 1) * 1 * (30 / 30) * 0.03, // 30-day retention keeps 1 month → $0.36
      ecr: 9 * 1 * 0.1, // 9 repositories × 1 GB → $0.90
      cloudFrontData: 10 * 0.085, // 10 GB → $0.85
      cloudFrontRequests: (1_000_000 / 10_000) * 0.01, // 1M HTTPS requests → $1.00
      s3: 2 * 1 * 0.023, // ui and alb_logs buckets × 1 GB → $0.046
    };
    const estimate = await estimateCost(modules);
    assertUsd(estimate.totalMonthlyUsd, sum(expected), 'iot-platform total'); // $234.101375
    assertUsd(estimate.totalMonthlyUsd, 234.10, 'iot-platform total, as quoted in the README');
    assert.deepEqual(
      estimate.notEstimated.map((n) => n.address),
      ['aws_ecs_cluster.main'], // Container Insights: metric price not confirmed
    );
    assert.deepEqual(
      estimate.byService.slice(0, 3).map((s) => s.service),
      ['Fargate', 'NAT Gateway', 'Load balancing'],
    );
  });

  test('sockerless-ecs: the platform only (VPC, NAT, EFS, Cloud Map, ECR, logs), through its example', async () => {
    const { modules } = await example('sockerless-ecs');
    const expected = {
      natHours: H * 0.045, // $32.85
      natData: 20 * 0.045, // $0.90
      natElasticIp: H * 0.005, // $3.65
      efs: 5 * 0.3, // 5 GB Standard (default) → $1.50
      logIngestion: 2 * 1 * 0.5, // containers + flow logs groups → $1.00
      logStorage: 2 * 1 * 0.03, // 30-day retention → $0.06
      cloudMapZone: 0.5, // sockerless.local
      ecr: 1 * 1 * 0.1, // the agent repository → $0.10
    };
    const estimate = await estimateCost(modules);
    assertUsd(estimate.totalMonthlyUsd, sum(expected), 'sockerless-ecs total'); // $40.56
    assert.ok(estimate.resources.every((r) => r.address.startsWith('module.sockerless.')), 'priced through examples/complete');
    assert.deepEqual(estimate.notEstimated.map((n) => n.address).sort(), ['module.sockerless.aws_ecs_cluster.main', 'module.sockerless.aws_efs_backup_policy.main']);
  });

  test('insightxi: 3 services behind one ALB, existing ECR repositories', async () => {
    const { modules } = await example('insightxi');
    const expected = {
      fargateVcpu: 3 * 0.25 * H * 0.04048, // 3 tasks of 256 CPU → $22.1628
      fargateMemory: 3 * 0.5 * H * 0.004445, // 3 tasks of 512 MiB → $4.867275
      natHours: H * 0.045,
      natData: 20 * 0.045,
      natElasticIp: H * 0.005,
      albHours: H * 0.0225,
      albLcus: 1 * H * 0.008,
      albPublicIps: 2 * H * 0.005,
      cloudMapInstances: 2 * 0.1, // database-service and sportmonks-service
      cloudMapZone: 0.5,
      secret: 2 * (0.4 + 0.05), // api-key and database-url, and their API calls
      logIngestion: (3 + 1) * 0.5, // 3 service groups + flow logs
      logStorage: (3 + 1) * 0.03,
      s3: 0.023, // ALB access logs bucket; the ECR repositories are data sources: not created, not priced
      waf: 5 + 4 * 1 + 1 * 0.6, // one web ACL, 3 managed rule groups + the rate limit, 1M requests → $9.60
    };
    const estimate = await estimateCost(modules);
    assertUsd(estimate.totalMonthlyUsd, sum(expected), 'insightxi total'); // $107.338075
  });

  test('transparent-trust: one service on your VPC, autoscaling, alarms, KMS', async () => {
    const { modules } = await example('transparent-trust');
    const expected = {
      fargateVcpu: 2 * 0.5 * H * 0.04048, // desired_count 2 (default) of 512 CPU → $29.5504
      fargateMemory: 2 * 1 * H * 0.004445, // 1024 MiB → $6.4897
      kmsKey: 1, // one customer-managed key
      kmsRequests: (10_000 / 10_000) * 0.03,
      logIngestion: 2 * 0.5, // service and ECS Exec groups
      logStorage: 2 * 0.03,
      alarms: 3 * 0.1, // cpu-high, memory-high, tasks-below-desired
      ecr: 0.1,
    };
    const estimate = await estimateCost(modules);
    assertUsd(estimate.totalMonthlyUsd, sum(expected), 'transparent-trust total'); // $38.5301
    // Your VPC, secrets and ALB are inputs: nothing of theirs is priced; the SNS topic has no price.
    assert.deepEqual(estimate.notEstimated.map((n) => n.address).sort(), ['module.transparent_trust.aws_ecs_cluster.main', 'module.transparent_trust.aws_sns_topic.alarms']);
  });
});
