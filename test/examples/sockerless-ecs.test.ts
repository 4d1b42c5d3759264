/**
 * Seed 002 (Sockerless ECS backend): the platform-only module at terraform/modules/ecs and its
 * acceptance criteria 1-26, as tests on the committed output.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Block } from '../../src/hcl/ast.js';
import { loadAwsSchema } from '../../src/terraform/index.js';
import { attrText, nestedBlocks } from '../helpers/generate.js';
import { blockNamed, exampleTerraform, resourceOf, resourcesOf, type ExampleTerraform, assertZeroFindings } from '../helpers/examples.js';

let ecs: ExampleTerraform;
before(() => {
  ecs = exampleTerraform('sockerless-ecs', 'terraform/modules/ecs');
});

const variable = (name: string): Block => {
  const found = blockNamed(ecs, 'variable', [name]);
  assert.ok(found, `variable ${name}`);
  return found;
};
const defaultOf = (name: string) => attrText(variable(name), 'default');
const statements = (document: string) => nestedBlocks(blockNamed(ecs, 'data', ['aws_iam_policy_document', document])!, 'statement');
/** Actions of every statement, including statements written as `dynamic "statement"` blocks. */
const actionsOf = (document: string) => {
  const block = blockNamed(ecs, 'data', ['aws_iam_policy_document', document])!;
  const dynamicStatements = nestedBlocks(block, 'dynamic').flatMap((d) => nestedBlocks(d, 'content'));
  return [...statements(document), ...dynamicStatements].flatMap((s) => JSON.parse(attrText(s, 'actions') ?? '[]') as string[]);
};

test('the module has the suggested file layout (plus the example root)', () => {
  const files = [...ecs.files.keys()].filter((f) => !f.startsWith('examples/')).sort();
  assert.deepEqual(files, ['cloudmap.tf', 'cloudwatch.tf', 'ecr.tf', 'efs.tf', 'iam.tf', 'locals.tf', 'main.tf', 'outputs.tf', 'security_groups.tf', 'variables.tf', 'versions.tf']);
  assert.ok(ecs.files.has('examples/complete/main.tf'));
});

test('AC 25 / DoD: ecsform check reports zero findings on the module and its example', async () => {
  await assertZeroFindings(ecs);
});

describe('VPC and networking (AC 1-6)', () => {
  test('AC 1: VPC CIDR is configurable, default 10.0.0.0/16, validated', () => {
    assert.equal(defaultOf('vpc_cidr'), '"10.0.0.0/16"');
    assert.equal(attrText(resourceOf(ecs, 'aws_vpc', 'main'), 'cidr_block'), 'var.vpc_cidr');
    assert.equal(nestedBlocks(variable('vpc_cidr'), 'validation').length, 1);
  });
  test('AC 2: public subnets per AZ (default 2) with auto-assigned public IPs', () => {
    const subnet = resourceOf(ecs, 'aws_subnet', 'public');
    assert.equal(attrText(subnet, 'count'), 'var.availability_zone_count');
    assert.equal(attrText(subnet, 'map_public_ip_on_launch'), 'true');
    assert.equal(defaultOf('availability_zone_count'), '2');
  });
  test('AC 3: private subnets per AZ', () => assert.equal(attrText(resourceOf(ecs, 'aws_subnet', 'private'), 'count'), 'var.availability_zone_count'));
  test('AC 4: NAT gateways (default one) in public subnets; private routes go through them', () => {
    const nat = resourceOf(ecs, 'aws_nat_gateway', 'main');
    assert.equal(attrText(nat, 'count'), 'var.nat_gateway_count');
    assert.equal(attrText(nat, 'subnet_id'), 'aws_subnet.public[count.index].id');
    assert.equal(defaultOf('nat_gateway_count'), '1');
    const route = nestedBlocks(nestedBlocks(resourceOf(ecs, 'aws_route_table', 'private'), 'dynamic')[0]!, 'content')[0]!;
    assert.equal(attrText(route, 'cidr_block'), '"0.0.0.0/0"');
    assert.match(attrText(route, 'nat_gateway_id')!, /aws_nat_gateway\.main/);
  });
  test('AC 5: an internet gateway is attached', () => assert.equal(attrText(resourceOf(ecs, 'aws_internet_gateway', 'main'), 'vpc_id'), 'aws_vpc.main.id'));
  test('AC 6: AZ count, subnet CIDRs and NAT count are variables', () => {
    for (const name of ['availability_zone_count', 'public_subnet_cidrs', 'private_subnet_cidrs', 'nat_gateway_count']) variable(name);
  });
});

describe('ECS cluster (AC 7-8)', () => {
  test('AC 7: configurable name, default sockerless', () => {
    assert.equal(defaultOf('cluster_name'), '"sockerless"');
    assert.equal(attrText(resourceOf(ecs, 'aws_ecs_cluster', 'main'), 'name'), 'var.cluster_name');
  });
  test('AC 8: Container Insights configurable, default enabled', () => {
    assert.equal(defaultOf('enable_container_insights'), 'true');
    assert.equal(attrText(nestedBlocks(resourceOf(ecs, 'aws_ecs_cluster', 'main'), 'setting')[0]!, 'value'), 'var.enable_container_insights ? "enabled" : "disabled"');
  });
});

describe('EFS (AC 9-12)', () => {
  test('AC 9: performance mode (generalPurpose) and throughput mode (bursting) are variables', () => {
    assert.equal(defaultOf('efs_performance_mode'), '"generalPurpose"');
    assert.equal(defaultOf('efs_throughput_mode'), '"bursting"');
  });
  test('AC 10: mount targets in every private subnet', () => {
    const mount = resourceOf(ecs, 'aws_efs_mount_target', 'private');
    assert.equal(attrText(mount, 'count'), 'var.availability_zone_count');
    assert.equal(attrText(mount, 'subnet_id'), 'aws_subnet.private[count.index].id');
  });
  test('AC 11 and 20: the EFS group allows NFS only from the task group, in separate resources', () => {
    const rules = resourcesOf(ecs, 'aws_vpc_security_group_ingress_rule').filter((r) => attrText(r, 'security_group_id') === 'aws_security_group.efs.id');
    assert.deepEqual(rules.map((r) => [attrText(r, 'from_port'), attrText(r, 'to_port'), attrText(r, 'referenced_security_group_id')]), [['2049', '2049', 'aws_security_group.ecs_tasks.id']]);
    assert.deepEqual(resourcesOf(ecs, 'aws_security_group').map((g) => g.labels[1]).sort(), ['ecs_tasks', 'efs']);
  });
  test('AC 12: encryption at rest, default true', () => {
    assert.equal(defaultOf('efs_encrypted'), 'true');
    assert.equal(attrText(resourceOf(ecs, 'aws_efs_file_system', 'main'), 'encrypted'), 'var.efs_encrypted');
  });
});

test('AC 13: log group name (default /sockerless/containers) and retention (default 30) are variables', () => {
  assert.equal(defaultOf('log_group_name'), '"/sockerless/containers"');
  assert.equal(defaultOf('log_retention_days'), '30');
  assert.equal(attrText(resourceOf(ecs, 'aws_cloudwatch_log_group', 'containers'), 'name'), 'var.log_group_name');
});

test('AC 14: Cloud Map private DNS namespace in the VPC, default sockerless.local', () => {
  assert.equal(defaultOf('cloud_map_namespace'), '"sockerless.local"');
  const namespace = resourceOf(ecs, 'aws_service_discovery_private_dns_namespace', 'main');
  assert.equal(attrText(namespace, 'vpc'), 'aws_vpc.main.id');
});

describe('IAM (AC 15-18)', () => {
  test('AC 15: execution role with the managed policy and ECR pull / log writes', () => {
    assert.match(attrText(resourceOf(ecs, 'aws_iam_role_policy_attachment', 'ecs_execution_managed'), 'policy_arn')!, /AmazonECSTaskExecutionRolePolicy/);
    assert.deepEqual(actionsOf('ecs_execution').sort(), ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetAuthorizationToken', 'ecr:GetDownloadUrlForLayer', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  });
  test('AC 16: task role with EFS client mount/write/describe, log writes and Cloud Map registration', () => {
    assert.deepEqual(actionsOf('ecs_task').sort(), [
      'elasticfilesystem:ClientMount',
      'elasticfilesystem:ClientWrite',
      'elasticfilesystem:DescribeMountTargets',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'servicediscovery:DeregisterInstance',
      'servicediscovery:RegisterInstance',
    ]);
  });
  test('AC 17: both roles trust ecs-tasks.amazonaws.com', () => {
    const principals = nestedBlocks(statements('ecs_tasks_assume')[0]!, 'principals')[0]!;
    assert.equal(attrText(principals, 'identifiers'), '["ecs-tasks.amazonaws.com"]');
    for (const role of ['ecs_execution', 'ecs_task']) assert.equal(attrText(resourceOf(ecs, 'aws_iam_role', role), 'assume_role_policy'), 'data.aws_iam_policy_document.ecs_tasks_assume.json');
  });
  test('AC 18: resources are scoped to the module\'s own ARNs; the only "*" is the token action AWS cannot scope', () => {
    for (const document of ['ecs_execution', 'ecs_task']) {
      for (const statement of statements(document)) {
        const resources = attrText(statement, 'resources') ?? attrText(nestedBlocks(statement, 'content')[0]!, 'resources');
        if (resources === '["*"]') assert.equal(attrText(statement, 'actions'), '["ecr:GetAuthorizationToken"]');
      }
    }
  });
});

test('AC 19: task group allows all from itself, the agent port from a configurable CIDR or group, all egress', () => {
  const ingress = resourcesOf(ecs, 'aws_vpc_security_group_ingress_rule').filter((r) => attrText(r, 'security_group_id') === 'aws_security_group.ecs_tasks.id');
  assert.deepEqual(ingress.map((r) => r.labels[1]).sort(), ['ecs_tasks_agent_from_cidr', 'ecs_tasks_agent_from_security_group', 'ecs_tasks_all_from_self']);
  assert.equal(defaultOf('agent_port'), '9111');
  variable('agent_cidr_blocks');
  variable('agent_security_group_ids');
  const egress = resourceOf(ecs, 'aws_vpc_security_group_egress_rule', 'ecs_tasks_all_to_internet');
  assert.deepEqual([attrText(egress, 'ip_protocol'), attrText(egress, 'cidr_ipv4')], ['"-1"', '"0.0.0.0/0"']);
});

test('AC 21-22: ECR repository (optional, default on) expiring untagged images after 7 days', () => {
  assert.equal(defaultOf('create_ecr_repositories'), 'true');
  assert.equal(defaultOf('ecr_untagged_image_expiry_days'), '7');
  assert.match(attrText(resourceOf(ecs, 'aws_ecr_lifecycle_policy', 'services'), 'policy')!, /tagStatus += "untagged"[\s\S]*countNumber = var\.ecr_untagged_image_expiry_days/);
});

test('AC 23: every variable has a description and a type; invariants have validations', () => {
  const variables = ecs.blocks.filter((b) => b.block.type === 'variable' && !b.file.startsWith('examples/')).map((b) => b.block);
  for (const v of variables) {
    assert.ok(attrText(v, 'description'), `${v.labels[0]} description`);
    assert.ok(attrText(v, 'type'), `${v.labels[0]} type`);
  }
  for (const validated of ['vpc_cidr', 'availability_zone_count', 'log_retention_days', 'efs_performance_mode', 'efs_throughput_mode', 'cluster_name', 'agent_port']) {
    assert.ok(nestedBlocks(variable(validated), 'validation').length > 0, `${validated} is validated`);
  }
});

test('AC 24: exactly the 15 outputs, each with a description', () => {
  const outputs = ecs.blocks.filter((b) => b.block.type === 'output' && b.file === 'outputs.tf').map((b) => b.block);
  assert.deepEqual(outputs.map((o) => o.labels[0]).sort(), [
    'cloud_map_namespace_arn',
    'cloud_map_namespace_id',
    'ecr_repository_url',
    'ecs_cluster_arn',
    'ecs_cluster_name',
    'efs_filesystem_id',
    'efs_security_group_id',
    'execution_role_arn',
    'log_group_arn',
    'log_group_name',
    'private_subnet_ids',
    'public_subnet_ids',
    'task_role_arn',
    'task_security_group_id',
    'vpc_id',
  ]);
  for (const output of outputs) assert.ok(attrText(output, 'description'), output.labels[0]);
});

test('AC 26: every taggable resource carries the project, environment, component and managed-by tags', async () => {
  const schema = await loadAwsSchema();
  const locals = ecs.blocks.find((b) => b.block.type === 'locals')!.block;
  assert.match(attrText(locals, 'tags')!, /project += var\.project_name[\s\S]*environment += var\.environment[\s\S]*managed-by += "terraform"/);
  assert.equal(defaultOf('tags'), '{ component = "ecs" }');
  for (const { block } of ecs.blocks.filter((b) => b.block.type === 'resource')) {
    const type = block.labels[0]!;
    if (!schema.resource(type)?.attributes['tags']) continue;
    assert.match(attrText(block, 'tags') ?? '', /local\.tags/, `${type}.${block.labels[1]} is not tagged`);
  }
});

test('Terraform >= 1.5 and the AWS provider are pinned; no hard-coded names (instantiable twice)', () => {
  assert.match(ecs.files.get('versions.tf')!, /required_version = ">= 1\.5\.7"/);
  assert.match(ecs.files.get('versions.tf')!, /version = ">= 5\.100, < 7\.0"/);
  // Inline role policies are named within their role, so a fixed name cannot collide.
  for (const { block } of ecs.blocks.filter((b) => b.block.type === 'resource' && b.block.labels[0] !== 'aws_iam_role_policy')) {
    for (const attribute of ['name', 'identifier', 'bucket', 'creation_token']) {
      const value = attrText(block, attribute);
      if (value?.startsWith('"')) assert.match(value, /\$\{local\.name_prefix\}|\$\{var\./, `${block.labels.join('.')}.${attribute} = ${value} is hard-coded`);
    }
  }
});
