/**
 * Seed 004 (Transparent Trust): a reusable module for one Next.js service with the inputs the
 * platform team brings, the optional settings with the seed's defaults, and its outputs.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Block } from '../../src/hcl/ast.js';
import { attrText, container, containerEntry, nestedBlocks } from '../helpers/generate.js';
import { blockNamed, exampleTerraform, resourceOf, resourcesOf, type ExampleTerraform, assertZeroFindings } from '../helpers/examples.js';

let tt: ExampleTerraform;
before(() => {
  tt = exampleTerraform('transparent-trust', 'infrastructure/ecs');
});
const variable = (name: string): Block => {
  const found = tt.blocks.find((b) => b.file === 'variables.tf' && b.block.type === 'variable' && b.block.labels[0] === name)?.block;
  assert.ok(found, `variable ${name}`);
  return found;
};

test('ecsform check reports zero findings on the module and its example root', async () => {
  await assertZeroFindings(tt);
});

test('the required inputs of the Variables table are required variables', () => {
  const required = ['vpc_id', 'private_subnet_ids', 'ecs_execution_role_arn', 'ecs_task_role_arn', 'database_secret_arn', 'nextauth_secret_arn', 'anthropic_secret_arn', 'google_oauth_secret_arn', 'encryption_key_secret_arn', 'redis_secret_arn', 'nextauth_url', 'alb_security_group_id', 'target_group_arn'];
  for (const name of required) assert.equal(attrText(variable(name), 'default'), undefined, `${name} must be required`);
});

test('the optional inputs have the seed\'s defaults', () => {
  const defaults: Record<string, string> = {
    project_name: '"transparent-trust"',
    environment: '"production"',
    aws_region: '"us-east-1"',
    task_cpu: '512',
    task_memory: '1024',
    desired_count: '2',
    enable_autoscaling: 'true',
    autoscaling_min_capacity: '2',
    autoscaling_max_capacity: '10',
    autoscaling_cpu_target: '70',
    autoscaling_memory_target: '80',
    enable_container_insights: 'true',
    use_fargate_spot: 'false',
    log_retention_days: '30',
    enable_alarms: 'true',
    enable_execute_command: 'false',
  };
  for (const [name, value] of Object.entries(defaults)) assert.equal(attrText(variable(name), 'default'), value, name);
});

test('one Next.js service on port 3000 registered with the target group you bring; health at /api/health', () => {
  const service = resourceOf(tt, 'aws_ecs_service', 'app');
  const lb = nestedBlocks(service, 'load_balancer')[0]!;
  assert.deepEqual([attrText(lb, 'target_group_arn'), attrText(lb, 'container_port')], ['var.target_group_arn', '3000']);
  assert.equal(attrText(nestedBlocks(service, 'network_configuration')[0]!, 'subnets'), 'var.private_subnet_ids');
  const task = resourceOf(tt, 'aws_ecs_task_definition', 'app');
  assert.deepEqual([attrText(task, 'execution_role_arn'), attrText(task, 'task_role_arn')], ['var.ecs_execution_role_arn', 'var.ecs_task_role_arn']);
  assert.match(tt.files.get('service.tf')!, /http:\/\/localhost:3000\/api\/health/);
  const app = container(task);
  assert.equal(containerEntry(app, 'environment', 'NEXTAUTH_URL'), 'var.nextauth_url');
  assert.equal(containerEntry(app, 'secrets', 'GOOGLE_CLIENT_SECRET'), '"${var.google_oauth_secret_arn}:client_secret::"');
  const ingress = resourcesOf(tt, 'aws_vpc_security_group_ingress_rule');
  assert.deepEqual(ingress.map((r) => [attrText(r, 'from_port'), attrText(r, 'referenced_security_group_id')]), [['3000', 'var.alb_security_group_id']]);
});

test('autoscaling on CPU and memory behind the enable_autoscaling switch', () => {
  for (const metric of ['cpu', 'memory']) assert.equal(attrText(resourceOf(tt, 'aws_appautoscaling_policy', `app_${metric}`), 'count'), 'var.enable_autoscaling ? 1 : 0');
  assert.equal(attrText(resourceOf(tt, 'aws_appautoscaling_target', 'app'), 'min_capacity'), 'var.autoscaling_min_capacity');
});

test('alarms (CPU, memory, running tasks) notify an SNS topic: yours or one the module creates', () => {
  const alarms = resourcesOf(tt, 'aws_cloudwatch_metric_alarm').map((a) => a.labels[1]).sort();
  assert.deepEqual(alarms, ['app_cpu-high', 'app_memory-high', 'app_tasks-below-desired'].sort());
  assert.equal(attrText(variable('alarm_sns_topic_arn'), 'default'), '""');
  assert.equal(attrText(resourceOf(tt, 'aws_sns_topic', 'alarms'), 'count'), 'var.alarm_sns_topic_arn == "" ? 1 : 0');
});

test('Fargate Spot and ECS Exec switches', () => {
  const service = resourceOf(tt, 'aws_ecs_service', 'app');
  // One strategy whose provider follows the switch: toggling it is an in-place update with a new deployment.
  assert.equal(attrText(nestedBlocks(service, 'capacity_provider_strategy')[0]!, 'capacity_provider'), 'var.use_fargate_spot ? "FARGATE_SPOT" : "FARGATE"');
  assert.equal(attrText(service, 'force_new_deployment'), 'true');
  assert.equal(attrText(service, 'enable_execute_command'), 'var.enable_execute_command');
});

test('a customer KMS key (rotated) encrypts ECR and the logs; images are scanned on push', () => {
  assert.equal(attrText(resourceOf(tt, 'aws_kms_key', 'main'), 'enable_key_rotation'), 'true');
  const repo = resourceOf(tt, 'aws_ecr_repository', 'services');
  assert.equal(attrText(nestedBlocks(repo, 'encryption_configuration')[0]!, 'kms_key'), 'aws_kms_key.main.arn');
  assert.equal(attrText(nestedBlocks(repo, 'image_scanning_configuration')[0]!, 'scan_on_push'), 'true');
  assert.equal(attrText(resourceOf(tt, 'aws_cloudwatch_log_group', 'services'), 'kms_key_id'), 'aws_kms_key.main.arn');
});

test('outputs include cluster_name, service_name, ecr_repository_url, cloudwatch_log_group_name, deployment_info and useful_commands', () => {
  for (const name of ['cluster_name', 'service_name', 'ecr_repository_url', 'cloudwatch_log_group_name', 'deployment_info', 'useful_commands']) {
    assert.ok(blockNamed(tt, 'output', [name]), name);
  }
});

test('the module ships an example root that calls it and a README generated from the same declarations', () => {
  assert.match(tt.files.get('examples/complete/main.tf')!, /source += "\.\.\/\.\."/);
  assert.ok(resourcesOf(tt, 'aws_ecs_cluster').length === 1);
});
