/**
 * Seeds 000 + 001 (IoT platform): every acceptance criterion as a test on the committed output
 * in examples/iot-platform/infra/terraform.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { secretNameMatch, secretValueMatch } from '../../src/aws/secret-patterns.js';
import { attrText, container, containerEntry, containerNames, nestedBlocks } from '../helpers/generate.js';
import { blockNamed, exampleTerraform, resourceOf, resourcesOf, type ExampleTerraform, assertZeroFindings } from '../helpers/examples.js';

const SERVICES = ['delivery_worker', 'dispatcher', 'evaluator_iot', 'ingest_iot', 'keycloak', 'mqtt', 'ops_worker', 'provision_api', 'subscription_worker', 'ui_iot', 'webhook_receiver'];
const WORKERS = ['delivery_worker', 'dispatcher', 'evaluator_iot', 'ingest_iot', 'ops_worker', 'subscription_worker'];
const BUILT = SERVICES.filter((s) => s !== 'mqtt' && s !== 'keycloak');

let iot: ExampleTerraform;
before(() => {
  iot = exampleTerraform('iot-platform', 'infra/terraform');
});

describe('seed 001: file layout', () => {
  test('exactly the files of the seed', () => {
    assert.deepEqual([...iot.files.keys()].sort(), ['alb.tf', 'cloudfront.tf', 'cloudwatch.tf', 'ecr.tf', 'ecs.tf', 'iam.tf', 'main.tf', 'outputs.tf', 'rds.tf', 'secrets.tf', 'security_groups.tf', 'variables.tf', 'vpc.tf']);
  });

  test('ecsform check reports zero findings; what a dev stack defers is suppressed above the resource, with the reason', async () => {
    await assertZeroFindings(iot);
    const above = (file: string, header: string) => {
      const text = iot.files.get(file)!;
      const at = text.indexOf(header);
      return text.slice(text.lastIndexOf('\n\n', at), at);
    };
    assert.match(above('rds.tf', 'resource "aws_db_instance" "keycloak_db"'), /# ecsform:ignore RDS_MULTI_AZ Dev environment;/);
    assert.match(above('alb.tf', 'resource "aws_lb" "main"'), /# ecsform:ignore LB_WAF Dev environment;/);
    assert.match(above('cloudfront.tf', 'resource "aws_cloudfront_distribution" "ui"'), /# ecsform:ignore CF_ACCESS_LOGGING Dev environment;/);
  });
});

describe('seed 000: ECS cluster, task definitions and IAM', () => {
  test('iam.tf has the execution role, the task role and a secrets policy', () => {
    assert.ok(resourcesOf(iot, 'aws_iam_role', 'iam.tf').some((b) => b.labels[1] === 'ecs_execution'));
    assert.ok(resourcesOf(iot, 'aws_iam_role', 'iam.tf').some((b) => b.labels[1] === 'ecs_task'));
    const policy = blockNamed(iot, 'data', ['aws_iam_policy_document', 'ecs_execution'])!;
    const readSecrets = nestedBlocks(policy, 'statement').find((s) => attrText(s, 'sid') === '"ReadSecrets"')!;
    assert.equal(attrText(readSecrets, 'actions'), '["secretsmanager:GetSecretValue"]');
    assert.doesNotMatch(attrText(readSecrets, 'resources')!, /\*/, 'secrets policy is scoped to the secrets, no wildcard');
  });

  test('ecs.tf has the cluster with Container Insights, and a task definition and service for all 11 services', () => {
    const cluster = resourceOf(iot, 'aws_ecs_cluster', 'main');
    assert.equal(attrText(nestedBlocks(cluster, 'setting')[0]!, 'value'), '"enabled"');
    assert.deepEqual(resourcesOf(iot, 'aws_ecs_task_definition', 'ecs.tf').map((b) => b.labels[1]).sort(), SERVICES);
    assert.deepEqual(resourcesOf(iot, 'aws_ecs_service', 'ecs.tf').map((b) => b.labels[1]).sort(), SERVICES);
  });

  test('CPU and memory follow the seed table', () => {
    const expected: Record<string, [string, string]> = { ui_iot: ['512', '1024'], keycloak: ['1024', '2048'] };
    for (const service of SERVICES) {
      const task = resourceOf(iot, 'aws_ecs_task_definition', service);
      assert.deepEqual([attrText(task, 'cpu'), attrText(task, 'memory')], expected[service] ?? ['256', '512'], service);
    }
  });

  test('every sensitive variable comes from Secrets Manager, none is a plain environment value', () => {
    for (const service of SERVICES) {
      const c = container(resourceOf(iot, 'aws_ecs_task_definition', service));
      for (const name of containerNames(c, 'environment')) {
        assert.equal(secretNameMatch(name), undefined, `${service}: ${name} is plain but named like a secret`);
        const value = containerEntry(c, 'environment', name)!;
        assert.equal(secretValueMatch(value.replace(/^"|"$/g, '')), undefined, `${service}: ${name} has a secret-looking value`);
      }
    }
    const keycloak = container(resourceOf(iot, 'aws_ecs_task_definition', 'keycloak'));
    assert.deepEqual(containerNames(keycloak, 'secrets'), ['KC_DB_PASSWORD', 'KC_DB_USERNAME', 'KEYCLOAK_ADMIN_PASSWORD']);
    for (const service of BUILT) assert.equal(containerEntry(container(resourceOf(iot, 'aws_ecs_task_definition', service)), 'secrets', 'DATABASE_URL'), 'aws_secretsmanager_secret.timescale_url.arn', service);
  });

  test('worker services have no load_balancer block; web services have one', () => {
    for (const worker of WORKERS) assert.equal(nestedBlocks(resourceOf(iot, 'aws_ecs_service', worker), 'load_balancer').length, 0, worker);
    for (const web of ['keycloak', 'provision_api', 'ui_iot', 'webhook_receiver']) assert.equal(nestedBlocks(resourceOf(iot, 'aws_ecs_service', web), 'load_balancer').length, 1, web);
  });

  test('Keycloak: KC_DB, the JDBC URL of the RDS endpoint and KC_HOSTNAME are plain; user and password come from the RDS secret keys', () => {
    const keycloak = container(resourceOf(iot, 'aws_ecs_task_definition', 'keycloak'));
    assert.equal(containerEntry(keycloak, 'environment', 'KC_DB'), '"postgres"');
    assert.equal(containerEntry(keycloak, 'environment', 'KC_DB_URL'), '"jdbc:postgresql://${aws_db_instance.keycloak_db.address}:5432/keycloak"');
    assert.equal(containerEntry(keycloak, 'environment', 'KC_HOSTNAME'), 'var.domain_name');
    assert.equal(containerEntry(keycloak, 'secrets', 'KC_DB_USERNAME'), '"${aws_db_instance.keycloak_db.master_user_secret[0].secret_arn}:username::"');
    assert.equal(containerEntry(keycloak, 'secrets', 'KC_DB_PASSWORD'), '"${aws_db_instance.keycloak_db.master_user_secret[0].secret_arn}:password::"');
    assert.equal(containerEntry(keycloak, 'secrets', 'KC_DB_URL'), undefined, 'KC_DB_URL is defined once (ECS rejects a name in both lists)');
  });

  test('Mosquitto runs the public image in a public subnet with a public IP', () => {
    const task = container(resourceOf(iot, 'aws_ecs_task_definition', 'mqtt'));
    assert.ok(task.kind === 'object');
    const image = task.items.find((i) => i.key.kind === 'traversal' && i.key.root === 'image')!;
    assert.equal(image.value.kind === 'template' && image.value.parts[0]?.kind === 'string' ? image.value.parts[0].value : '', 'eclipse-mosquitto:2.0');
    const network = nestedBlocks(resourceOf(iot, 'aws_ecs_service', 'mqtt'), 'network_configuration')[0]!;
    assert.equal(attrText(network, 'subnets'), 'aws_subnet.public[*].id');
    assert.equal(attrText(network, 'assign_public_ip'), 'true');
    const ingress = resourcesOf(iot, 'aws_vpc_security_group_ingress_rule').filter((r) => attrText(r, 'security_group_id') === 'aws_security_group.mqtt.id');
    assert.deepEqual(ingress.map((r) => `${attrText(r, 'from_port')} ${attrText(r, 'cidr_ipv4')}`).sort(), ['1883 "0.0.0.0/0"', '8883 "0.0.0.0/0"']);
  });

  test('every log group is /ecs/<prefix>/<service> with a retention', () => {
    const logs = resourceOf(iot, 'aws_cloudwatch_log_group', 'services');
    assert.equal(attrText(logs, 'name'), '"/ecs/${local.name_prefix}/${each.key}"');
    assert.equal(attrText(logs, 'retention_in_days'), 'var.log_retention_days');
    assert.equal((attrText(logs, 'for_each')!.match(/"/g) ?? []).length / 2, 11);
  });
});

describe('seed 001: the rest of the landing zone', () => {
  test('VPC with public and private subnets in 2 AZs, IGW, NAT and route tables', () => {
    assert.equal(blockNamed(iot, 'variable', ['availability_zone_count']) && attrText(blockNamed(iot, 'variable', ['availability_zone_count'])!, 'default'), '2');
    for (const [type, name] of [['aws_vpc', 'main'], ['aws_subnet', 'public'], ['aws_subnet', 'private'], ['aws_internet_gateway', 'main'], ['aws_nat_gateway', 'main'], ['aws_route_table', 'public'], ['aws_route_table', 'private']] as const) {
      resourceOf(iot, type, name);
    }
  });

  test('least-privilege security groups alb, ecs_api, ecs_worker, mqtt and rds', () => {
    assert.deepEqual(resourcesOf(iot, 'aws_security_group').map((b) => b.labels[1]).sort(), ['alb', 'ecs_api', 'ecs_worker', 'mqtt', 'rds']);
    const rdsIngress = resourcesOf(iot, 'aws_vpc_security_group_ingress_rule').filter((r) => attrText(r, 'security_group_id') === 'aws_security_group.rds.id');
    assert.deepEqual(rdsIngress.map((r) => [attrText(r, 'from_port'), attrText(r, 'referenced_security_group_id')]), [['5432', 'aws_security_group.ecs_api.id']]);
    const albEgress = resourcesOf(iot, 'aws_vpc_security_group_egress_rule').filter((r) => attrText(r, 'security_group_id') === 'aws_security_group.alb.id');
    assert.ok(albEgress.every((r) => attrText(r, 'cidr_ipv4') === undefined), 'the ALB only talks to its targets');
  });

  test('an ECR repository per built service, scanned on push, with a lifecycle policy', () => {
    const repos = resourceOf(iot, 'aws_ecr_repository', 'services');
    assert.equal((attrText(repos, 'for_each')!.match(/"[a-z-]+"/g) ?? []).length, 9);
    assert.equal(attrText(nestedBlocks(repos, 'image_scanning_configuration')[0]!, 'scan_on_push'), 'true');
    resourceOf(iot, 'aws_ecr_lifecycle_policy', 'services');
  });

  test('Timescale Cloud is an external secret; the Keycloak admin password is generated and never stored in state', () => {
    assert.match(attrText(resourceOf(iot, 'aws_secretsmanager_secret', 'timescale_url'), 'description')!, /Timescale Cloud connection string/);
    const version = resourceOf(iot, 'aws_secretsmanager_secret_version', 'keycloak_admin_password');
    assert.equal(attrText(version, 'secret_string_wo'), 'ephemeral.aws_secretsmanager_random_password.keycloak_admin_password.random_password');
    assert.equal(resourcesOf(iot, 'aws_secretsmanager_secret_version').every((v) => attrText(v, 'secret_string') === undefined), true);
  });

  test('RDS PostgreSQL for Keycloak: private, encrypted, password managed by RDS', () => {
    const db = resourceOf(iot, 'aws_db_instance', 'keycloak_db');
    assert.equal(attrText(db, 'engine'), '"postgres"');
    assert.equal(attrText(db, 'publicly_accessible'), 'false');
    assert.equal(attrText(db, 'storage_encrypted'), 'true');
    assert.equal(attrText(db, 'manage_master_user_password'), 'true');
    assert.equal(attrText(db, 'password'), undefined);
  });

  test('ALB with target groups, health checks and path-prefix rules; HTTP redirects to HTTPS', () => {
    const groups = resourcesOf(iot, 'aws_lb_target_group');
    assert.deepEqual(groups.map((g) => g.labels[1]).sort(), ['keycloak', 'provision_api', 'ui_iot', 'webhook_receiver']);
    assert.equal(attrText(nestedBlocks(resourceOf(iot, 'aws_lb_target_group', 'keycloak'), 'health_check')[0]!, 'path'), '"/auth/health/ready"');
    const http = resourceOf(iot, 'aws_lb_listener', 'http');
    assert.equal(attrText(nestedBlocks(http, 'default_action')[0]!, 'type'), '"redirect"');
    assert.match(attrText(resourceOf(iot, 'aws_lb_listener', 'https'), 'ssl_policy')!, /TLS13/);
    assert.equal(resourcesOf(iot, 'aws_lb_listener_rule').length, 5);
  });

  test('S3 + CloudFront with origin access control for the SPA', () => {
    const distribution = resourceOf(iot, 'aws_cloudfront_distribution', 'ui');
    assert.equal(attrText(nestedBlocks(distribution, 'origin')[0]!, 'origin_access_control_id'), 'aws_cloudfront_origin_access_control.ui.id');
    assert.equal(attrText(nestedBlocks(distribution, 'default_cache_behavior')[0]!, 'viewer_protocol_policy'), '"redirect-to-https"');
    const block = resourceOf(iot, 'aws_s3_bucket_public_access_block', 'ui');
    for (const flag of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) assert.equal(attrText(block, flag), 'true');
  });

  test('outputs: ALB URL, CloudFront URL and ECR repository URLs', () => {
    for (const output of ['alb_url', 'cloudfront_url', 'ecr_repository_urls']) assert.ok(blockNamed(iot, 'output', [output]), output);
  });
});
