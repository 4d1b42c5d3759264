/** Diagrams inferred from plain Terraform: a hand-written module, and the generated IoT stack. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagramFromModules } from '../../src/diagram/index.js';
import { example, modulesOf } from '../cost/helpers.js';
import { byZone, edges, node } from './helpers.js';

const HAND_WRITTEN = {
  'main.tf': `
locals {
  apps = { api = 8080, admin = 9000 }
}

resource "aws_security_group" "lb" {
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "front" {
  internal        = false
  security_groups = [aws_security_group.lb.id]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  port              = 443
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app["api"].arn
  }
}

resource "aws_lb_listener_rule" "admin" {
  listener_arn = aws_lb_listener.https.arn
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app["admin"].arn
  }
  condition {
    path_pattern {
      values = ["/admin", "/admin/*"]
    }
  }
}

resource "aws_lb_target_group" "app" {
  for_each = local.apps
  port     = each.value
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}

resource "aws_secretsmanager_secret" "token" {}

resource "aws_service_discovery_private_dns_namespace" "ns" {
  name = "corp.internal"
  vpc  = "vpc-1"
}

resource "aws_service_discovery_service" "cache" {
  name = "cache"
}

resource "aws_ecs_task_definition" "app" {
  for_each = local.apps
  family   = each.key
  cpu      = 256
  memory   = 512
  container_definitions = jsonencode([{
    name = each.key
    environment = [
      { name = "DB_HOST", value = aws_db_instance.main.address },
      { name = "CACHE_URL", value = "redis://cache.\${aws_service_discovery_private_dns_namespace.ns.name}:6379" },
      { name = "PAYMENTS_URL", value = "https://api.stripe.com/v1" },
      { name = "LOCAL_URL", value = "http://localhost:3000" },
    ]
    secrets = [{ name = "TOKEN", valueFrom = aws_secretsmanager_secret.token.arn }]
  }])
}

resource "aws_ecs_service" "app" {
  for_each        = local.apps
  name            = each.key
  task_definition = aws_ecs_task_definition.app[each.key].arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app[each.key].arn
    container_name   = each.key
    container_port   = each.value
  }
}

resource "aws_ecs_task_definition" "cache" {
  family                = "cache"
  container_definitions = "[]"
}

resource "aws_ecs_service" "cache" {
  name            = "cache"
  task_definition = aws_ecs_task_definition.cache.arn
  service_registries {
    registry_arn = aws_service_discovery_service.cache.arn
  }
}

resource "aws_ecs_task_definition" "mailer" {
  family                = "mailer"
  container_definitions = jsonencode([{ name = "mailer", environment = [{ name = "SMTP_HOST", value = "smtp.example.org" }] }])
}

resource "aws_ecs_service" "mailer" {
  name            = "mailer"
  task_definition = aws_ecs_task_definition.mailer.arn
}
`,
};

describe('diagram from Terraform', () => {
  test('a hand-written module: load balancer routes, services, database, secrets, discovery, outside hosts', async () => {
    const diagram = diagramFromModules(await modulesOf(HAND_WRITTEN), 'hand-written');
    assert.deepEqual(byZone(diagram), {
      internet: ['net_internet'],
      public: ['lb_front'],
      private: ['svc_admin', 'svc_api', 'svc_cache', 'wrk_mailer', 'db_main'],
      regional: ['sec_secrets'],
      external: ['ext_api_stripe_com', 'ext_smtp_example_org'],
    });
    assert.deepEqual(edges(diagram), [
      'lb_front -> svc_admin [/admin]',
      'lb_front -> svc_api [:8080]',
      'net_internet -> lb_front [TCP 443]',
      'svc_admin -> db_main',
      'svc_admin -> ext_api_stripe_com',
      'svc_admin .-> sec_secrets',
      'svc_admin -> svc_cache',
      'svc_api -> db_main',
      'svc_api -> ext_api_stripe_com',
      'svc_api .-> sec_secrets',
      'svc_api -> svc_cache',
      'wrk_mailer -> ext_smtp_example_org',
    ]);
    assert.equal(node(diagram, 'db_main').detail, 'postgres, db.t4g.micro');
    assert.equal(node(diagram, 'svc_api').detail, 'cpu 256, memory 512');
  });

  test('the generated IoT stack reads like its model', async () => {
    const diagram = diagramFromModules((await example('iot-platform')).modules);
    const all = edges(diagram);
    for (const expected of [
      'net_internet -> cdn_ui [HTTPS]',
      'cdn_ui -> s3_ui [origin]',
      'net_internet -> lb_main [TCP 443, TCP 80]',
      'lb_main -> svc_ui_iot [/api /ws]',
      'net_internet -> svc_mqtt [TCP 1883, TCP 8883]',
      'svc_ui_iot -> svc_keycloak',
      'wrk_dispatcher -> svc_mqtt',
      'svc_keycloak -> db_keycloak_db',
      'wrk_delivery_worker -> ext_smtp_example_com',
      'nat_nat -> net_internet',
    ]) {
      assert.ok(all.includes(expected), `missing ${expected}`);
    }
    assert.equal(node(diagram, 'svc_mqtt').zone, 'public');
    assert.equal(diagram.nodes.filter((n) => n.kind === 'worker').length, 6);
  });

  test('a module with a load balancer it does not own points at an existing one', async () => {
    const diagram = diagramFromModules((await example('transparent-trust')).modules);
    assert.ok(edges(diagram).includes('lb_existing -> svc_app [:3000]'));
    assert.ok(edges(diagram).includes('svc_app .-> sec_secrets'), 'secrets passed in as ARNs still come from Secrets Manager');
  });

  test('sockerless-ecs: the platform (EFS, NAT) through its example', async () => {
    const diagram = diagramFromModules((await example('sockerless-ecs')).modules);
    assert.deepEqual(
      diagram.nodes.map((n) => n.id),
      ['net_internet', 'nat_nat', 'fs_main'],
    );
  });
});
