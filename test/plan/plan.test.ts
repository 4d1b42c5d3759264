/** Structural tests of the Terraform the plan produces for features the examples do not cover. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../../src/check/index.js';
import { attrText, blocksOf, container, containerEntry, evaluatedAttr, generateFrom, nestedBlocks, resource, resources } from '../helpers/generate.js';

async function verifies(result: ReturnType<typeof generateFrom>): Promise<void> {
  const verification = await check({ files: result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content })) });
  assert.deepEqual(verification.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`), []);
}

describe('Service Connect', () => {
  const result = generateFrom(`x-ecsform:
  service_discovery: { mode: service-connect, namespace: shop.local }
services:
  web: { image: "example/web:1", ports: ["80:8080"], environment: { API_URL: "http://api:9000" } }
  api: { image: "example/api:1", expose: ["9000"] }
`);

  test('the called service publishes its port under its Compose name; callers join as clients', () => {
    const api = nestedBlocks(resource(result, 'aws_ecs_service', 'api'), 'service_connect_configuration')[0]!;
    const published = nestedBlocks(api, 'service')[0]!;
    assert.equal(attrText(published, 'port_name'), '"api-9000"');
    assert.deepEqual([attrText(nestedBlocks(published, 'client_alias')[0]!, 'dns_name'), attrText(nestedBlocks(published, 'client_alias')[0]!, 'port')], ['"api"', '9000']);
    const web = nestedBlocks(resource(result, 'aws_ecs_service', 'web'), 'service_connect_configuration')[0]!;
    assert.equal(attrText(web, 'enabled'), 'true');
    assert.equal(nestedBlocks(web, 'service').length, 0);
    assert.equal(containerEntry(container(resource(result, 'aws_ecs_task_definition', 'web')), 'environment', 'API_URL'), '"http://api:9000"');
    assert.equal(attrText(nestedBlocks(resource(result, 'aws_ecs_cluster', 'main'), 'service_connect_defaults')[0]!, 'namespace'), 'aws_service_discovery_private_dns_namespace.main.arn');
  });

  test('it verifies against the provider schema', () => verifies(result));
});

describe('named volumes, Spot, ARM64 and an NLB', () => {
  const result = generateFrom(`services:
  broker:
    image: "eclipse-mosquitto:2.0"
    ports: ["1883:1883"]
    volumes: [data:/mosquitto/data]
    platform: linux/arm64
    x-ecsform: { kind: tcp, spot: true }
volumes:
  data:
`);

  test('EFS with an access point per volume, mounted with transit encryption and IAM', () => {
    const task = resource(result, 'aws_ecs_task_definition', 'broker');
    const efs = nestedBlocks(nestedBlocks(task, 'volume')[0]!, 'efs_volume_configuration')[0]!;
    assert.equal(attrText(efs, 'transit_encryption'), '"ENABLED"');
    assert.equal(attrText(nestedBlocks(efs, 'authorization_config')[0]!, 'access_point_id'), 'aws_efs_access_point.data.id');
    const posix = nestedBlocks(resource(result, 'aws_efs_access_point', 'data'), 'posix_user')[0]!;
    assert.deepEqual([attrText(posix, 'uid'), attrText(posix, 'gid')], ['1000', '1000']);
  });

  test('Spot capacity and ARM64 runtime platform', () => {
    const service = resource(result, 'aws_ecs_service', 'broker');
    assert.equal(attrText(nestedBlocks(service, 'capacity_provider_strategy')[0]!, 'capacity_provider'), '"FARGATE_SPOT"');
    assert.equal(attrText(service, 'launch_type'), undefined);
    assert.equal(attrText(nestedBlocks(resource(result, 'aws_ecs_task_definition', 'broker'), 'runtime_platform')[0]!, 'cpu_architecture'), '"ARM64"');
    assert.equal(resources(result, 'aws_ecs_cluster_capacity_providers').length, 1);
  });

  test('the TCP port goes through a network load balancer', () => {
    assert.equal(attrText(resource(result, 'aws_lb', 'nlb'), 'load_balancer_type'), '"network"');
    assert.equal(attrText(resource(result, 'aws_lb_listener', 'broker_1883_tcp'), 'protocol'), '"TCP"');
  });

  test('it verifies against the provider schema', () => verifies(result));
});

describe('NLB listeners: published ports, TCP and UDP on one port', () => {
  const result = generateFrom(`services:
  dns:
    image: example/dns
    ports: ["53:5353/tcp", "53:5353/udp", "8883:1883"]
    x-ecsform: { kind: tcp }
`);

  test('clients connect on the published port; targets receive the container port', () => {
    const listener = resource(result, 'aws_lb_listener', 'dns_8883_tcp');
    assert.equal(attrText(listener, 'port'), '8883');
    assert.equal(attrText(resource(result, 'aws_lb_target_group', 'dns_8883_tcp'), 'port'), '1883');
    const ingress = resources(result, 'aws_vpc_security_group_ingress_rule').filter((r) => r.labels[1]!.startsWith('nlb_'));
    assert.deepEqual(ingress.map((r) => attrText(r, 'from_port')).sort(), ['53', '53', '8883'], 'the NLB accepts the published ports');
  });

  test('a port published for TCP and UDP is one TCP_UDP listener', () => {
    assert.equal(attrText(resource(result, 'aws_lb_listener', 'dns_53_tcp_udp'), 'protocol'), '"TCP_UDP"');
    assert.equal(attrText(resource(result, 'aws_lb_target_group', 'dns_53_tcp_udp'), 'protocol'), '"TCP_UDP"');
    assert.equal(resources(result, 'aws_lb_listener').length, 2);
  });

  test('it verifies against the provider schema', () => verifies(result));
});

describe('target group names fit in 32 characters at the defaults', () => {
  const result = generateFrom(`name: analytics-platform
services:
  orchestrator-service: { image: example/o, ports: ["8080:8080"] }
  orchestrator-service-v2: { image: example/o2, ports: ["8081:8081"] }
`);

  test('a long service name is cut and ends in a hash, so similar names stay distinct', () => {
    const names = resources(result, 'aws_lb_target_group').map((r) => String(evaluatedAttr(result, r, 'name')));
    for (const name of names) assert.ok(name.length <= 32, `${name} is at most 32 characters`);
    assert.equal(new Set(names).size, 2);
    assert.match(names[0]!, /^analytics-platform-dev-orch-[0-9a-f]{4}$/);
  });
});

describe('names fit AWS limits for every project_name and environment the variables admit', () => {
  const result = generateFrom(`name: shop
x-ecsform:
  kms: false
services:
  web: { image: example/web, ports: ["8080:8080"] }
  orchestrator-service: { image: example/o, ports: ["8081:8081"], x-ecsform: { routes: [{ path: /o }] } }
  mqtt: { image: eclipse-mosquitto:2, ports: ["1883:1883"], x-ecsform: { kind: tcp, exposure: nlb } }
  reporting-database: { image: postgres:16, environment: { POSTGRES_PASSWORD: x } }
`);
  const longest = { project_name: 'p'.repeat(32), environment: 'e'.repeat(16) };
  const limited: Array<[string, string, string, number]> = [
    ['aws_lb', 'main', 'name', 32],
    ['aws_lb', 'nlb', 'name', 32],
    ['aws_lb_target_group', 'web', 'name', 32],
    ['aws_lb_target_group', 'orchestrator_service', 'name', 32],
    ['aws_lb_target_group', 'mqtt_1883_tcp', 'name', 32],
    ['aws_db_instance', 'reporting_database', 'identifier', 63],
  ];

  for (const [type, name, attribute, limit] of limited) {
    test(`${type}.${name}: at most ${limit} characters, unchanged when it fits`, () => {
      const atDefaults = String(evaluatedAttr(result, resource(result, type, name), attribute));
      assert.ok(atDefaults.startsWith('shop-dev-'), `${atDefaults} is the readable name at the defaults`);
      const long = String(evaluatedAttr(result, resource(result, type, name), attribute, longest));
      assert.ok(long.length <= limit, `${long} (${long.length}) fits ${limit}`);
      assert.match(long, /^p+(-[a-z0-9-]*)?-[0-9a-f]{8}$/, 'cut, then a hash of the whole name');
    });
  }

  test('two long names that share their beginning stay distinct', () => {
    const names = ['web', 'orchestrator_service'].map((n) => evaluatedAttr(result, resource(result, 'aws_lb_target_group', n), 'name', longest));
    assert.notEqual(names[0], names[1]);
  });

  test('the generated code verifies', () => verifies(result));
});

describe('WAF in front of the ALB', () => {
  const result = generateFrom(`x-ecsform:
  load_balancer: { waf: true, waf_rate_limit: 500 }
services:
  web: { image: "example/web:1", ports: ["80:8080"] }
`);

  test('managed rule groups, a per-IP rate limit, and the association with the ALB', () => {
    const acl = resource(result, 'aws_wafv2_web_acl', 'alb');
    assert.equal(attrText(acl, 'scope'), '"REGIONAL"');
    const rules = nestedBlocks(acl, 'rule').map((r) => attrText(r, 'name'));
    assert.deepEqual(rules, ['"AWSManagedRulesCommonRuleSet"', '"AWSManagedRulesKnownBadInputsRuleSet"', '"AWSManagedRulesAmazonIpReputationList"', '"rate-limit-per-ip"']);
    assert.equal(attrText(resource(result, 'aws_wafv2_web_acl_association', 'alb'), 'resource_arn'), 'aws_lb.main.arn');
  });

  test('it verifies, and the security rules no longer report the ALB as unprotected', async () => {
    await verifies(result);
    const { findings } = await check({ files: result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content })) });
    assert.equal(findings.filter((f) => f.code === 'LB_WAF').length, 0);
  });
});

describe('creation order AWS enforces', () => {
  const result = generateFrom(`x-ecsform:
  kms: true
  alarms: { enabled: true }
services:
  api:
    image: example/api
    ports: ["8080:8080"]
    x-ecsform: { routes: [{ path: /api }], spot: true, exec: true }
`);

  test('a service waits for the listener rule that attaches its target group, and for the Spot capacity provider', () => {
    const deps = attrText(resource(result, 'aws_ecs_service', 'api'), 'depends_on')!;
    assert.match(deps, /aws_lb_listener_rule\.api\b/);
    assert.match(deps, /aws_ecs_cluster_capacity_providers\.main/);
  });

  test('the ALB waits for the bucket policy that lets it write access logs', () => {
    assert.equal(attrText(resource(result, 'aws_lb', 'main'), 'depends_on'), '[aws_s3_bucket_policy.alb_logs]');
  });

  test('the alarm topic uses the customer-managed key, whose policy lets CloudWatch alarms publish', () => {
    assert.equal(attrText(resource(result, 'aws_sns_topic', 'alarms'), 'kms_master_key_id'), 'aws_kms_key.main.arn');
    const kmsPolicy = result.files.find((f) => f.content.includes('data "aws_iam_policy_document" "kms"'))!.content;
    assert.match(kmsPolicy, /sid += "CloudWatchAlarmsPublish"[\s\S]*?identifiers = \["cloudwatch\.amazonaws\.com"\]/);
  });

  test('ECS Exec sessions encrypted with the key: the task role may decrypt', () => {
    const iam = result.files.find((f) => f.content.includes('data "aws_iam_policy_document" "ecs_task"'))!.content;
    assert.match(iam, /sid += "EcsExecDecryptSessions"\s+actions += \["kms:Decrypt"\]\s+resources = \[aws_kms_key\.main\.arn\]/);
  });

  test('it verifies against the provider schema', () => verifies(result));
});

test('without the customer-managed key the alarm topic is not encrypted with aws/sns, which alarms cannot use', () => {
  const result = generateFrom(`x-ecsform:
  alarms: { enabled: true }
services:
  api: { image: example/api, ports: ["8080:8080"] }
`);
  const topic = resource(result, 'aws_sns_topic', 'alarms');
  assert.equal(attrText(topic, 'kms_master_key_id'), undefined);
  assert.ok(!result.files.some((f) => f.content.includes('alias/aws/sns')));
});

test('x-ecsform suppressions are written above the resources they cover', () => {
  const result = generateFrom(`x-ecsform:
  suppress:
    - { rule: LB_WAF, resource: aws_lb.main, reason: A WAF is managed by the security team. }
    - { rule: SG_EGRESS_OPEN, reason: "Everywhere, so it has no single place to be written." }
services:
  api:
    image: example/api
    ports: ["8080:8080"]
    x-ecsform:
      suppress: [{ rule: ECS_READONLY_ROOT_FILESYSTEM, reason: The framework writes to /app/tmp. }]
`);
  const comments = (type: string, name: string) => (resource(result, type, name).leadingComments ?? []).map((c) => c.text);
  assert.ok(comments('aws_lb', 'main').includes('ecsform:ignore LB_WAF A WAF is managed by the security team.'));
  assert.ok(comments('aws_ecs_task_definition', 'api').includes('ecsform:ignore ECS_READONLY_ROOT_FILESYSTEM The framework writes to /app/tmp.'));
  assert.ok(!comments('aws_ecs_task_definition', 'api').some((c) => c.includes('SG_EGRESS_OPEN')), 'a project-wide suppression is not copied onto every resource');
});

test('a suppression for one service does not reach a service whose id starts with the same letters', () => {
  const result = generateFrom(`services:
  web:
    image: example/web
    ports: ["8080:8080"]
    x-ecsform:
      suppress: [{ rule: ECS_READONLY_ROOT_FILESYSTEM, reason: Writes to /tmp. }]
  web_admin:
    image: example/admin
    ports: ["8081:8081"]
`);
  const ignores = (type: string, name: string) => (resource(result, type, name).leadingComments ?? []).filter((c) => c.text === 'ecsform:ignore ECS_READONLY_ROOT_FILESYSTEM Writes to /tmp.');
  assert.equal(ignores('aws_ecs_task_definition', 'web').length, 1);
  assert.equal(ignores('aws_ecs_task_definition', 'web_admin').length, 0);
});

test('with no room for a readable part, a target group name is the hash alone', () => {
  const result = generateFrom(`name: customer-portal-backen
services:
  frontend: { image: example/f, ports: ["8080:8080"] }
`);
  const name = String(evaluatedAttr(result, resource(result, 'aws_lb_target_group', 'frontend'), 'name'));
  assert.match(name, /^customer-portal-backen-dev-[0-9a-f]{4}$/, 'customer-portal-backen-dev (26) leaves 5 characters: the hash and its dash');
});

describe('ALB access logs in every region', () => {
  const result = generateFrom(`x-ecsform: { region: eu-central-2 }
services:
  web: { image: example/web, ports: ["8080:8080"] }
`);

  test('the ELB account is looked up only in the regions that have one', () => {
    const lookup = blocksOf(result).find((b) => b.block.type === 'data' && b.block.labels[0] === 'aws_elb_service_account')!.block;
    assert.equal(evaluatedAttr(result, lookup, 'count'), 0, 'eu-central-2 opened in 2022: no ELB account, the lookup would fail');
    assert.equal(evaluatedAttr(result, lookup, 'count', { aws_region: 'eu-west-1' }), 1);
  });

  test('the log delivery service may write the logs', () => {
    const policy = blocksOf(result).find((b) => b.block.type === 'data' && b.block.labels[0] === 'aws_iam_policy_document' && b.block.labels[1] === 'alb_logs')!.block;
    const statement = nestedBlocks(policy, 'statement').find((s) => attrText(s, 'sid') === '"LogDeliveryWritesAccessLogs"')!;
    assert.equal(attrText(nestedBlocks(statement, 'principals')[0]!, 'identifiers'), '["logdelivery.elasticloadbalancing.amazonaws.com"]');
  });
});

describe('a listener you bring', () => {
  const result = generateFrom(`x-ecsform: { load_balancer: { existing: listener } }
services:
  web: { image: example/web, ports: ["8080:8080"], x-ecsform: { routes: [{ path: / }] } }
  api: { image: example/api, ports: ["9000:9000"], x-ecsform: { routes: [{ path: /api }] } }
`);

  test('the service routed at / gets a rule for every path, after the more specific ones', () => {
    const rules = resources(result, 'aws_lb_listener_rule');
    const web = rules.find((r) => attrText(nestedBlocks(r, 'action')[0]!, 'target_group_arn') === 'aws_lb_target_group.web.arn');
    assert.ok(web, 'the / service is reachable through the listener');
    const paths = nestedBlocks(nestedBlocks(web, 'condition')[0]!, 'path_pattern').map((p) => attrText(p, 'values'));
    assert.deepEqual(paths, ['["/*"]']);
    const api = rules.find((r) => attrText(nestedBlocks(r, 'action')[0]!, 'target_group_arn') === 'aws_lb_target_group.api.arn')!;
    assert.ok(Number(attrText(api, 'priority')) < Number(attrText(web, 'priority')), '/api is matched before /*');
  });

  test('the service waits for its rule', () => {
    const service = resource(result, 'aws_ecs_service', 'web');
    assert.match(attrText(service, 'depends_on') ?? '', /aws_lb_listener_rule\.web/);
  });
});

describe('Fargate Spot switches in place', () => {
  const result = generateFrom(`services:
  api: { image: example/api, ports: ["8080:8080"] }
  worker: { image: example/worker, x-ecsform: { spot: true } }
`);

  test('every service has a capacity provider strategy, never launch_type, and deploys anew when it changes', () => {
    for (const [name, provider] of [['api', '"FARGATE"'], ['worker', '"FARGATE_SPOT"']] as const) {
      const service = resource(result, 'aws_ecs_service', name);
      assert.equal(attrText(service, 'launch_type'), undefined, 'going from launch_type to a strategy replaces the service');
      assert.equal(attrText(nestedBlocks(service, 'capacity_provider_strategy')[0]!, 'capacity_provider'), provider);
      assert.equal(attrText(service, 'force_new_deployment'), 'true', 'ECS changes a strategy only with a new deployment');
    }
    assert.equal(attrText(resource(result, 'aws_ecs_cluster_capacity_providers', 'main'), 'capacity_providers'), '["FARGATE", "FARGATE_SPOT"]');
  });
});
