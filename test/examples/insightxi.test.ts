/**
 * Seed 003 (InsightXI): three HTTP services behind one ALB, existing ECR repositories looked up,
 * log groups with for_each, Cloud Map names, CPU autoscaling, and the API key in Secrets Manager.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { attrText, container, containerEntry, containerNames, nestedBlocks } from '../helpers/generate.js';
import { blockNamed, exampleTerraform, resourceOf, resourcesOf, type ExampleTerraform, assertZeroFindings } from '../helpers/examples.js';

const SERVICES = { database_service: 8001, orchestrator_service: 8002, sportmonks_service: 8000 } as const;
let ixi: ExampleTerraform;
before(() => {
  ixi = exampleTerraform('insightxi', 'terraform');
});

test('ecsform check reports zero findings (the ALB has a WAF)', async () => {
  await assertZeroFindings(ixi);
});

test('three services on ports 8000-8002, each behind the one ALB with its own target group', () => {
  assert.equal(resourcesOf(ixi, 'aws_lb').length, 1);
  for (const [service, port] of Object.entries(SERVICES)) {
    const lb = nestedBlocks(resourceOf(ixi, 'aws_ecs_service', service), 'load_balancer')[0]!;
    assert.equal(attrText(lb, 'container_port'), String(port));
    assert.equal(attrText(lb, 'target_group_arn'), `aws_lb_target_group.${service}.arn`);
    assert.equal(attrText(resourceOf(ixi, 'aws_lb_target_group', service), 'port'), String(port));
    assert.equal(attrText(resourceOf(ixi, 'aws_ecs_task_definition', service), 'cpu'), '256');
  }
});

test('existing ECR repositories are looked up with data "aws_ecr_repository", not created', () => {
  const lookup = blockNamed(ixi, 'data', ['aws_ecr_repository', 'services'])!;
  assert.equal(attrText(lookup, 'for_each'), 'toset(["database-service", "orchestrator-service", "sportmonks-service"])');
  assert.equal(resourcesOf(ixi, 'aws_ecr_repository').length, 0);
  assert.match(containerEntry(container(resourceOf(ixi, 'aws_ecs_task_definition', 'sportmonks_service')), 'environment', 'BASE_URL')!, /sportmonks\.com/);
  const image = container(resourceOf(ixi, 'aws_ecs_task_definition', 'sportmonks_service'));
  assert.ok(image.kind === 'object');
});

test('log groups use for_each over the services', () => {
  const logs = resourceOf(ixi, 'aws_cloudwatch_log_group', 'services');
  assert.equal(attrText(logs, 'for_each'), 'toset(["database-service", "orchestrator-service", "sportmonks-service"])');
  assert.equal(attrText(logs, 'retention_in_days'), 'var.log_retention_days');
});

test('Cloud Map: the orchestrator reaches the others as <service>.insightxi.local', () => {
  assert.equal(attrText(resourceOf(ixi, 'aws_service_discovery_private_dns_namespace', 'main'), 'name'), '"insightxi.local"');
  for (const service of ['database_service', 'sportmonks_service']) {
    assert.equal(attrText(nestedBlocks(resourceOf(ixi, 'aws_ecs_service', service), 'service_registries')[0]!, 'registry_arn'), `aws_service_discovery_service.${service}.arn`);
  }
  const orchestrator = container(resourceOf(ixi, 'aws_ecs_task_definition', 'orchestrator_service'));
  assert.equal(containerEntry(orchestrator, 'environment', 'SPORTMONKS_SERVICE_URL'), '"http://sportmonks-service.${aws_service_discovery_private_dns_namespace.main.name}:8000"');
});

test('CPU target-tracking autoscaling is enabled for each service', () => {
  for (const service of Object.keys(SERVICES)) {
    const policy = resourceOf(ixi, 'aws_appautoscaling_policy', `${service}_cpu`);
    const config = nestedBlocks(policy, 'target_tracking_scaling_policy_configuration')[0]!;
    assert.equal(attrText(nestedBlocks(config, 'predefined_metric_specification')[0]!, 'predefined_metric_type'), '"ECSServiceAverageCPUUtilization"');
    assert.equal(attrText(config, 'target_value'), '70');
    assert.deepEqual([attrText(resourceOf(ixi, 'aws_appautoscaling_target', service), 'min_capacity'), attrText(resourceOf(ixi, 'aws_appautoscaling_target', service), 'max_capacity')], ['1', '4']);
  }
});

test('the API key moved from plaintext to Secrets Manager (the seed\'s own security note)', () => {
  const sportmonks = container(resourceOf(ixi, 'aws_ecs_task_definition', 'sportmonks_service'));
  assert.deepEqual(containerNames(sportmonks, 'secrets'), ['API_KEY']);
  assert.ok(!containerNames(sportmonks, 'environment').includes('API_KEY'));
  resourceOf(ixi, 'aws_secretsmanager_secret', 'api_key');
});

test('one shared task security group, like the seed', () => {
  assert.deepEqual(resourcesOf(ixi, 'aws_security_group').map((g) => g.labels[1]).sort(), ['alb', 'ecs_tasks']);
});
