/** `aws_ecs_service` on Fargate: sizes, architecture, Spot, capacity strategies, public IPs, Cloud Map. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertUsd, costOf, estimateOf, notEstimated } from './helpers.js';

const H = 730;

/** A task definition and a service using it; `service` and `task` are extra lines for each block. */
function fargate(service = 'launch_type = "FARGATE"', task = '', extra = ''): Record<string, string> {
  return {
    'main.tf': `
resource "aws_ecs_cluster" "main" {
  name = "c"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  container_definitions    = "[]"
  ${task}
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  ${service}
}
${extra}
`,
  };
}

describe('Fargate', () => {
  test('x86 on-demand: vCPU-hours and GB-hours of every task', async () => {
    const cost = costOf(await estimateOf(fargate()), 'aws_ecs_service.app');
    assertUsd(cost.monthlyUsd, 2 * 0.5 * H * 0.04048 + 2 * 1 * H * 0.004445, 'two 0.5 vCPU / 1 GB tasks');
    assert.deepEqual(cost.components.map((c) => c.name), ['vCPU (x86, on-demand)', 'Memory (x86, on-demand)']);
    assert.match(cost.details[0]!, /2 tasks of 0\.5 vCPU, 1 GB \(X86_64, on-demand; launch_type FARGATE\)/);
  });

  test('ARM64 uses the ARM rates, which are third-party', async () => {
    const cost = costOf(await estimateOf(fargate(undefined, 'runtime_platform {\n    cpu_architecture = "ARM64"\n  }')), 'aws_ecs_service.app');
    assertUsd(cost.monthlyUsd, 2 * 0.5 * H * 0.03238 + 2 * 1 * H * 0.00356, 'ARM');
    assert.ok(cost.components.every((c) => c.status === 'third-party'));
  });

  test('FARGATE_SPOT takes the Spot discount, marked as an assumption', async () => {
    const estimate = await estimateOf(fargate('capacity_provider_strategy {\n    capacity_provider = "FARGATE_SPOT"\n    weight = 1\n  }'));
    const cost = costOf(estimate, 'aws_ecs_service.app');
    assertUsd(cost.monthlyUsd, (2 * 0.5 * H * 0.04048 + 2 * 1 * H * 0.004445) * (1 - 0.7), 'Spot at 70% off');
    assert.ok(cost.components.every((c) => c.status === 'assumption' && c.assumptions.includes('fargate.spot_discount')));
    const custom = costOf(await estimateOf(fargate('capacity_provider_strategy {\n    capacity_provider = "FARGATE_SPOT"\n    weight = 1\n  }'), { fargate: { spot_discount: 0.5 } }), 'aws_ecs_service.app');
    assertUsd(custom.monthlyUsd, (2 * 0.5 * H * 0.04048 + 2 * 1 * H * 0.004445) * 0.5, 'Spot at 50% off from the usage file');
  });

  test('a strategy with base and weights splits tasks as ECS places them', async () => {
    const strategy = `capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }`;
    const cost = costOf(await estimateOf(fargate(strategy.replace('desired_count', 'x'))), 'aws_ecs_service.app');
    // 2 tasks: 1 is the FARGATE base; the other splits 1:3 → 1.25 on-demand, 0.75 Spot.
    const perTask = 0.5 * H * 0.04048 + 1 * H * 0.004445;
    assertUsd(cost.monthlyUsd, 1.25 * perTask + 0.75 * perTask * 0.3, 'mixed');
    assert.match(cost.details[0]!, /62\.5% on-demand, 37\.5% Spot/);
  });

  test('a dynamic strategy and launch_type driven by a variable default', async () => {
    const files = fargate(
      `launch_type = var.spot ? null : "FARGATE"
  dynamic "capacity_provider_strategy" {
    for_each = var.spot ? [1] : []
    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = 1
    }
  }`,
      '',
      'variable "spot" {\n  type    = bool\n  default = true\n}\n',
    );
    const cost = costOf(await estimateOf(files), 'aws_ecs_service.app');
    assert.ok(cost.components.every((c) => c.name.includes('Spot')));
  });

  test('without launch type or strategy, the cluster default strategy applies', async () => {
    const files = fargate(
      '',
      '',
      `resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}`,
    );
    const cost = costOf(await estimateOf(files), 'aws_ecs_service.app');
    assert.match(cost.details[0]!, /Spot; the cluster default capacity provider strategy/);
    const none = await estimateOf(fargate(''));
    assert.match(notEstimated(none, 'aws_ecs_service.app')[0]!.reason, /Neither launch_type nor capacity_provider_strategy is set/);
  });

  test('ephemeral storage above 20 GB, a public IP per task, a Cloud Map instance per task', async () => {
    const files = fargate(
      `launch_type = "FARGATE"
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
  service_registries {
    registry_arn = aws_service_discovery_service.app.arn
  }`,
      'ephemeral_storage {\n    size_in_gib = 50\n  }',
      'resource "aws_service_discovery_service" "app" {\n  name = "app"\n}\n',
    );
    const cost = costOf(await estimateOf(files), 'aws_ecs_service.app');
    const byName = new Map(cost.components.map((c) => [c.name, c]));
    assertUsd(byName.get('Ephemeral storage above 20 GB (x86, on-demand)')!.monthlyUsd, 2 * 30 * H * 0.000111, 'storage');
    assertUsd(byName.get('Public IPv4 per task (assign_public_ip)')!.monthlyUsd, 2 * H * 0.005, 'public IPs');
    assertUsd(byName.get('Cloud Map registered instances')!.monthlyUsd, 2 * 0.1, 'Cloud Map');
    assert.equal(byName.get('Cloud Map registered instances')!.status, 'probable');
  });

  test('for_each services take each one\'s size from its own task definition', async () => {
    const files = {
      'main.tf': `
locals {
  services = { api = { cpu = 256, memory = 512 }, web = { cpu = "1 vCPU", memory = "2 GB" } }
}

resource "aws_ecs_task_definition" "this" {
  for_each              = local.services
  family                = each.key
  cpu                   = each.value.cpu
  memory                = each.value.memory
  container_definitions = "[]"
}

resource "aws_ecs_service" "this" {
  for_each        = local.services
  name            = each.key
  task_definition = aws_ecs_task_definition.this[each.key].arn
  desired_count   = 1
  launch_type     = "FARGATE"
}
`,
    };
    const cost = costOf(await estimateOf(files), 'aws_ecs_service.this');
    assert.equal(cost.instances, 2);
    assertUsd(cost.monthlyUsd, (0.25 + 1) * H * 0.04048 + (0.5 + 2) * H * 0.004445, 'api + web');
  });

  test('what cannot be known is not estimated, with the reason', async () => {
    const unknownCount = await estimateOf({ 'main.tf': `${fargate()['main.tf']!.replace('desired_count   = 2', 'desired_count   = var.tasks')}\nvariable "tasks" {\n  type = number\n}\n` });
    assert.match(notEstimated(unknownCount, 'aws_ecs_service.app')[0]!.reason, /desired_count: var\.tasks has no default and no value was supplied/);
    const ec2 = await estimateOf(fargate('launch_type = "EC2"'));
    assert.match(notEstimated(ec2, 'aws_ecs_service.app')[0]!.reason, /launch_type is EC2/);
    const windows = await estimateOf(fargate(undefined, 'runtime_platform {\n    operating_system_family = "WINDOWS_SERVER_2022_CORE"\n  }'));
    assert.match(notEstimated(windows, 'aws_ecs_service.app')[0]!.reason, /Linux Fargate prices only/);
    const external = await estimateOf({ 'main.tf': 'resource "aws_ecs_service" "x" {\n  name = "x"\n  task_definition = "family:3"\n  desired_count = 1\n  launch_type = "FARGATE"\n}\n' });
    assert.match(notEstimated(external, 'aws_ecs_service.x')[0]!.reason, /does not refer to an aws_ecs_task_definition of this configuration/);
  });

  test('no desired_count: 0 tasks, said so', async () => {
    const files = { 'main.tf': fargate()['main.tf']!.replace('desired_count   = 2', '') };
    const cost = costOf(await estimateOf(files), 'aws_ecs_service.app');
    assert.equal(cost.monthlyUsd, 0);
    assert.ok(cost.details.some((d) => /desired_count is not set/.test(d)));
  });
});
