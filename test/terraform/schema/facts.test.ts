/**
 * Known facts about hashicorp/aws 6.x, each chosen because a plausible mistake in the derivation
 * (blocks vs attributes, list vs set, max-one blocks, snake names, computed flags) would break it.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type AttributeSchema, type BlockSchema, formatType, loadAwsSchema, type NestedBlockSchema, type ProviderSchema, type TypeSpec } from '../../../src/terraform/index.js';

let schema: ProviderSchema;

before(async () => {
  schema = await loadAwsSchema();
});

function resource(type: string): BlockSchema {
  const block = schema.resource(type);
  assert.ok(block, `resource ${type} is missing`);
  return block;
}

function dataSource(type: string): BlockSchema {
  const block = schema.dataSource(type);
  assert.ok(block, `data source ${type} is missing`);
  return block;
}

function attribute(block: BlockSchema, name: string): AttributeSchema {
  const found = block.attributes[name];
  assert.ok(found, `attribute ${name} is missing (have: ${Object.keys(block.attributes).join(', ')})`);
  return found;
}

function nested(block: BlockSchema, name: string): NestedBlockSchema {
  const found = block.blocks[name];
  assert.ok(found, `block ${name} is missing (have: ${Object.keys(block.blocks).join(', ')})`);
  return found;
}

type Mode = 'required' | 'optional' | 'optional+computed' | 'computed';

function modeOf(a: AttributeSchema): Mode | string {
  if (a.required && !a.optional && !a.computed) return 'required';
  if (a.optional && !a.required && a.computed) return 'optional+computed';
  if (a.optional && !a.required) return 'optional';
  if (a.computed && !a.required && !a.optional) return 'computed';
  return JSON.stringify(a);
}

function assertAttribute(block: BlockSchema, name: string, type: TypeSpec, mode: Mode): void {
  const a = attribute(block, name);
  // Compared as Terraform syntax: decoded object types are null-prototype records.
  assert.equal(formatType(a.type), formatType(type), `${name} type`);
  assert.equal(modeOf(a), mode, `${name} mode`);
}

function assertBlock(block: BlockSchema, name: string, nesting: NestedBlockSchema['nesting'], minItems: number, maxItems: number): BlockSchema {
  const b = nested(block, name);
  assert.deepEqual({ nesting: b.nesting, minItems: b.minItems, maxItems: b.maxItems }, { nesting, minItems, maxItems }, `block ${name}`);
  assert.equal(name in block.attributes, false, `${name} is a block, not also an attribute`);
  return b.block;
}

const setOfStrings: TypeSpec = { set: 'string' };
const listOfStrings: TypeSpec = { list: 'string' };
const stringMap: TypeSpec = { map: 'string' };

describe('provider metadata', () => {
  test('names the provider, its version and the package it came from', () => {
    assert.equal(schema.provider, 'registry.terraform.io/hashicorp/aws');
    assert.equal(schema.version, '6.66.0');
    assert.equal(schema.derivedFrom, '@cdktn/provider-aws@25.7.0');
  });

  test('lists resource, data source and ephemeral types, sorted and aws_-prefixed', () => {
    for (const names of [schema.resourceTypes(), schema.dataSourceTypes(), schema.ephemeralTypes()]) {
      assert.deepEqual([...names].sort(), names);
      assert.ok(names.every((n) => n.startsWith('aws_')));
    }
    assert.ok(schema.resourceTypes().length > 1500, `${schema.resourceTypes().length} resources`);
    assert.ok(schema.dataSourceTypes().length > 600, `${schema.dataSourceTypes().length} data sources`);
    assert.ok(schema.ephemeralTypes().includes('aws_secretsmanager_secret_version'));
  });

  test('loading twice yields the same instance', async () => {
    assert.equal(await loadAwsSchema(), schema);
  });
});

describe('unknown names', () => {
  test('unknown types are undefined, including names inherited from Object.prototype', () => {
    for (const name of ['aws_no_such_thing', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(schema.resource(name), undefined, name);
      assert.equal(schema.dataSource(name), undefined, name);
      assert.equal(schema.ephemeral(name), undefined, name);
    }
    // Resources and data sources are separate namespaces.
    assert.equal(schema.resource('aws_iam_policy_document'), undefined);
    assert.equal(schema.dataSource('aws_ecs_service') !== undefined, true);
  });

  test('attribute and block records have no prototype to leak through lookups', () => {
    const service = resource('aws_ecs_service');
    assert.equal(service.attributes['constructor'], undefined);
    assert.equal(service.blocks['toString'], undefined);
  });
});

describe('aws_ecs_service', () => {
  test('top-level arguments', () => {
    const service = resource('aws_ecs_service');
    assertAttribute(service, 'name', 'string', 'required');
    assertAttribute(service, 'cluster', 'string', 'optional+computed');
    assertAttribute(service, 'desired_count', 'number', 'optional');
    assertAttribute(service, 'task_definition', 'string', 'optional');
    assertAttribute(service, 'enable_execute_command', 'bool', 'optional');
    assertAttribute(service, 'wait_for_steady_state', 'bool', 'optional');
    assertAttribute(service, 'tags', stringMap, 'optional');
    assertAttribute(service, 'tags_all', stringMap, 'optional+computed');
    assertAttribute(service, 'triggers', stringMap, 'optional+computed');
    assertAttribute(service, 'arn', 'string', 'computed');
    assertAttribute(service, 'id', 'string', 'optional+computed');
  });

  test('network_configuration is a max-one list block requiring a set of subnets', () => {
    const network = assertBlock(resource('aws_ecs_service'), 'network_configuration', 'list', 0, 1);
    assertAttribute(network, 'subnets', setOfStrings, 'required');
    assertAttribute(network, 'security_groups', setOfStrings, 'optional');
    assertAttribute(network, 'assign_public_ip', 'bool', 'optional');
  });

  test('repeatable and max-one blocks', () => {
    const service = resource('aws_ecs_service');
    const lb = assertBlock(service, 'load_balancer', 'set', 0, 0);
    assertAttribute(lb, 'container_name', 'string', 'required');
    assertAttribute(lb, 'container_port', 'number', 'required');
    assertAttribute(lb, 'target_group_arn', 'string', 'optional');
    assertBlock(lb, 'advanced_configuration', 'list', 0, 1);
    const breaker = assertBlock(service, 'deployment_circuit_breaker', 'list', 0, 1);
    assertAttribute(breaker, 'enable', 'bool', 'required');
    assertAttribute(breaker, 'rollback', 'bool', 'required');
    assertBlock(service, 'capacity_provider_strategy', 'set', 0, 0);
    assertBlock(service, 'ordered_placement_strategy', 'list', 0, 0);
    assertBlock(service, 'service_registries', 'list', 0, 1);
    const connect = assertBlock(service, 'service_connect_configuration', 'list', 0, 1);
    assertBlock(connect, 'service', 'list', 0, 0);
  });

  test('timeouts is a single block', () => {
    const timeouts = assertBlock(resource('aws_ecs_service'), 'timeouts', 'single', 0, 1);
    assert.deepEqual(Object.keys(timeouts.attributes).sort(), ['create', 'delete', 'update']);
    assertAttribute(timeouts, 'create', 'string', 'optional');
  });
});

describe('aws_ecs_task_definition', () => {
  test('family and container_definitions are required strings; cpu and memory are strings', () => {
    const td = resource('aws_ecs_task_definition');
    assertAttribute(td, 'family', 'string', 'required');
    assertAttribute(td, 'container_definitions', 'string', 'required');
    assertAttribute(td, 'cpu', 'string', 'optional');
    assertAttribute(td, 'memory', 'string', 'optional');
    assertAttribute(td, 'requires_compatibilities', setOfStrings, 'optional');
    assertAttribute(td, 'network_mode', 'string', 'optional+computed');
    assertAttribute(td, 'execution_role_arn', 'string', 'optional');
    assertAttribute(td, 'revision', 'number', 'computed');
    assertAttribute(td, 'arn_without_revision', 'string', 'computed');
  });

  test('runtime_platform and ephemeral_storage are max-one blocks', () => {
    const td = resource('aws_ecs_task_definition');
    const platform = assertBlock(td, 'runtime_platform', 'list', 0, 1);
    assertAttribute(platform, 'cpu_architecture', 'string', 'optional');
    assertAttribute(platform, 'operating_system_family', 'string', 'optional');
    const storage = assertBlock(td, 'ephemeral_storage', 'list', 0, 1);
    assertAttribute(storage, 'size_in_gib', 'number', 'required');
  });

  test('volume is a set block with a max-one efs_volume_configuration', () => {
    const volume = assertBlock(resource('aws_ecs_task_definition'), 'volume', 'set', 0, 0);
    assertAttribute(volume, 'name', 'string', 'required');
    const efs = assertBlock(volume, 'efs_volume_configuration', 'list', 0, 1);
    assertAttribute(efs, 'file_system_id', 'string', 'required');
    assertAttribute(efs, 'transit_encryption', 'string', 'optional');
    assertAttribute(efs, 'transit_encryption_port', 'number', 'optional');
    const auth = assertBlock(efs, 'authorization_config', 'list', 0, 1);
    assertAttribute(auth, 'access_point_id', 'string', 'optional');
    assertAttribute(auth, 'iam', 'string', 'optional');
  });
});

describe('aws_ecs_cluster', () => {
  test('setting is a repeatable set block; configuration nests max-one blocks', () => {
    const cluster = resource('aws_ecs_cluster');
    assertAttribute(cluster, 'name', 'string', 'required');
    const setting = assertBlock(cluster, 'setting', 'set', 0, 0);
    assertAttribute(setting, 'name', 'string', 'required');
    assertAttribute(setting, 'value', 'string', 'required');
    const configuration = assertBlock(cluster, 'configuration', 'list', 0, 1);
    const exec = assertBlock(configuration, 'execute_command_configuration', 'list', 0, 1);
    assertBlock(exec, 'log_configuration', 'list', 0, 1);
  });
});

describe('load balancing', () => {
  test('aws_lb exposes read-only dns_name, arn, arn_suffix and zone_id', () => {
    const lb = resource('aws_lb');
    for (const name of ['dns_name', 'arn', 'arn_suffix', 'zone_id', 'vpc_id']) assertAttribute(lb, name, 'string', 'computed');
    assertAttribute(lb, 'internal', 'bool', 'optional+computed');
    assertAttribute(lb, 'load_balancer_type', 'string', 'optional');
    assertAttribute(lb, 'subnets', setOfStrings, 'optional+computed');
    assertAttribute(lb, 'security_groups', setOfStrings, 'optional+computed');
    assertAttribute(lb, 'idle_timeout', 'number', 'optional');
    assertAttribute(lb, 'tags_all', stringMap, 'optional+computed');
    assertBlock(lb, 'access_logs', 'list', 0, 1);
    // In this provider subnet_mapping is a (set) block, not a computed attribute.
    const mapping = assertBlock(lb, 'subnet_mapping', 'set', 0, 0);
    assertAttribute(mapping, 'subnet_id', 'string', 'required');
    assertAttribute(mapping, 'outpost_id', 'string', 'computed');
  });

  test('aws_lb_listener requires at least one default_action', () => {
    const listener = resource('aws_lb_listener');
    assertAttribute(listener, 'load_balancer_arn', 'string', 'required');
    assertAttribute(listener, 'port', 'number', 'optional');
    const action = assertBlock(listener, 'default_action', 'list', 1, 0);
    assertAttribute(action, 'type', 'string', 'required');
    assertAttribute(action, 'target_group_arn', 'string', 'optional');
    const forward = assertBlock(action, 'forward', 'list', 0, 1);
    assertBlock(forward, 'target_group', 'set', 1, 0);
    assertBlock(action, 'redirect', 'list', 0, 1);
  });

  test('aws_lb_target_group has a max-one health_check block', () => {
    const tg = resource('aws_lb_target_group');
    assertAttribute(tg, 'port', 'number', 'optional');
    assertAttribute(tg, 'target_type', 'string', 'optional');
    assertAttribute(tg, 'arn_suffix', 'string', 'computed');
    const health = assertBlock(tg, 'health_check', 'list', 0, 1);
    assertAttribute(health, 'path', 'string', 'optional+computed');
    assertAttribute(health, 'healthy_threshold', 'number', 'optional');
  });
});

describe('aws_db_instance', () => {
  test('master_user_secret is a read-only list of objects, not a block', () => {
    const db = resource('aws_db_instance');
    const secret = attribute(db, 'master_user_secret');
    assert.equal(modeOf(secret), 'computed');
    assert.equal(formatType(secret.type), 'list(object({kms_key_id=string,secret_arn=string,secret_status=string}))');
    assert.equal('master_user_secret' in db.blocks, false);
  });

  test('password arguments, including the write-only one', () => {
    const db = resource('aws_db_instance');
    assertAttribute(db, 'manage_master_user_password', 'bool', 'optional');
    assertAttribute(db, 'password', 'string', 'optional');
    assert.equal(attribute(db, 'password').writeOnly, false);
    assertAttribute(db, 'password_wo', 'string', 'optional');
    assert.equal(attribute(db, 'password_wo').writeOnly, true);
    assertAttribute(db, 'password_wo_version', 'number', 'optional');
    assertAttribute(db, 'address', 'string', 'computed');
    assertAttribute(db, 'endpoint', 'string', 'computed');
    assertAttribute(db, 'instance_class', 'string', 'required');
    assertAttribute(db, 'vpc_security_group_ids', setOfStrings, 'optional+computed');
  });
});

describe('security groups', () => {
  test('aws_security_group ingress/egress are optional+computed attributes (set of objects), not blocks', () => {
    const sg = resource('aws_security_group');
    for (const name of ['ingress', 'egress']) {
      const rule = attribute(sg, name);
      assert.equal(modeOf(rule), 'optional+computed');
      assert.equal(name in sg.blocks, false);
      assert.ok(typeof rule.type === 'object' && 'set' in rule.type, `${name} is a set`);
      const element = rule.type.set;
      assert.ok(typeof element === 'object' && 'object' in element, `${name} holds objects`);
      assert.deepEqual(Object.keys(element.object).sort(), [
        'cidr_blocks',
        'description',
        'from_port',
        'ipv6_cidr_blocks',
        'prefix_list_ids',
        'protocol',
        'security_groups',
        'self',
        'to_port',
      ]);
      assert.equal(element.object['from_port'], 'number');
      assert.equal(element.object['self'], 'bool');
      assert.deepEqual(element.object['cidr_blocks'], listOfStrings);
      assert.deepEqual(element.object['security_groups'], setOfStrings);
    }
    assertAttribute(sg, 'vpc_id', 'string', 'optional+computed');
    assertAttribute(sg, 'revoke_rules_on_delete', 'bool', 'optional');
  });

  test('aws_vpc_security_group_ingress_rule exists as its own resource', () => {
    const rule = resource('aws_vpc_security_group_ingress_rule');
    assertAttribute(rule, 'security_group_id', 'string', 'required');
    assertAttribute(rule, 'ip_protocol', 'string', 'required');
    assertAttribute(rule, 'from_port', 'number', 'optional');
    assertAttribute(rule, 'cidr_ipv4', 'string', 'optional');
    assertAttribute(rule, 'referenced_security_group_id', 'string', 'optional');
    assertAttribute(rule, 'security_group_rule_id', 'string', 'computed');
    assert.ok(schema.resource('aws_vpc_security_group_egress_rule'));
  });
});

describe('data sources', () => {
  test('aws_iam_policy_document: statement blocks with principals and condition', () => {
    const doc = dataSource('aws_iam_policy_document');
    assertAttribute(doc, 'json', 'string', 'computed');
    assertAttribute(doc, 'minified_json', 'string', 'computed');
    assertAttribute(doc, 'source_policy_documents', listOfStrings, 'optional');
    const statement = assertBlock(doc, 'statement', 'list', 0, 0);
    assertAttribute(statement, 'actions', setOfStrings, 'optional');
    assertAttribute(statement, 'resources', setOfStrings, 'optional');
    assertAttribute(statement, 'effect', 'string', 'optional');
    assertAttribute(statement, 'sid', 'string', 'optional');
    const principals = assertBlock(statement, 'principals', 'set', 0, 0);
    assertAttribute(principals, 'type', 'string', 'required');
    assertAttribute(principals, 'identifiers', setOfStrings, 'required');
    const condition = assertBlock(statement, 'condition', 'set', 0, 0);
    assertAttribute(condition, 'test', 'string', 'required');
    assertAttribute(condition, 'variable', 'string', 'required');
    assertAttribute(condition, 'values', listOfStrings, 'required');
    assertBlock(statement, 'not_principals', 'set', 0, 0);
  });

  test('aws_ecr_repository exposes repository_url', () => {
    const repo = dataSource('aws_ecr_repository');
    assertAttribute(repo, 'name', 'string', 'required');
    assertAttribute(repo, 'repository_url', 'string', 'computed');
    assertAttribute(repo, 'arn', 'string', 'computed');
    assert.equal(
      formatType(attribute(repo, 'image_scanning_configuration').type),
      'list(object({scan_on_push=bool}))',
    );
  });

  test('other data sources a landing zone reads', () => {
    assertAttribute(dataSource('aws_availability_zones'), 'names', listOfStrings, 'computed');
    assertAttribute(dataSource('aws_caller_identity'), 'account_id', 'string', 'computed');
    assertAttribute(dataSource('aws_region'), 'region', 'string', 'optional+computed');
    assertAttribute(dataSource('aws_vpc'), 'cidr_block', 'string', 'optional+computed');
    assertAttribute(dataSource('aws_subnets'), 'ids', listOfStrings, 'computed');
    assertBlock(dataSource('aws_subnets'), 'filter', 'set', 0, 0);
  });
});

describe('other resources', () => {
  test('aws_cloudfront_distribution requires its four structural blocks', () => {
    const cf = resource('aws_cloudfront_distribution');
    assertAttribute(cf, 'enabled', 'bool', 'required');
    assertAttribute(cf, 'domain_name', 'string', 'computed');
    assertAttribute(cf, 'hosted_zone_id', 'string', 'computed');
    assertBlock(cf, 'default_cache_behavior', 'list', 1, 1);
    assertBlock(cf, 'origin', 'set', 1, 0);
    assertBlock(cf, 'restrictions', 'list', 1, 1);
    assertBlock(cf, 'viewer_certificate', 'list', 1, 1);
    assertBlock(cf, 'ordered_cache_behavior', 'list', 0, 0);
  });

  test('aws_s3_bucket: bucket is optional and computed', () => {
    const bucket = resource('aws_s3_bucket');
    assertAttribute(bucket, 'bucket', 'string', 'optional+computed');
    assertAttribute(bucket, 'bucket_prefix', 'string', 'optional+computed');
    assertAttribute(bucket, 'bucket_regional_domain_name', 'string', 'computed');
    assertAttribute(bucket, 'force_destroy', 'bool', 'optional');
  });

  test('aws_acm_certificate: domain_validation_options is a read-only set of objects', () => {
    const cert = resource('aws_acm_certificate');
    const options = attribute(cert, 'domain_validation_options');
    assert.equal(modeOf(options), 'computed');
    assert.equal(
      formatType(options.type),
      'set(object({domain_name=string,resource_record_name=string,resource_record_type=string,resource_record_value=string}))',
    );
    assert.equal(attribute(cert, 'private_key_wo').writeOnly, true);
  });

  test('aws_iam_role: assume_role_policy is a required string', () => {
    const role = resource('aws_iam_role');
    assertAttribute(role, 'assume_role_policy', 'string', 'required');
    assertAttribute(role, 'managed_policy_arns', setOfStrings, 'optional+computed');
    assertBlock(role, 'inline_policy', 'set', 0, 0);
  });

  test('aws_secretsmanager_secret_version has write-only secret_string_wo', () => {
    const version = resource('aws_secretsmanager_secret_version');
    assertAttribute(version, 'secret_id', 'string', 'required');
    assertAttribute(version, 'secret_string', 'string', 'optional');
    assertAttribute(version, 'secret_string_wo', 'string', 'optional');
    assert.equal(attribute(version, 'secret_string_wo').writeOnly, true);
    assertAttribute(version, 'secret_string_wo_version', 'number', 'optional');
    assertAttribute(version, 'has_secret_string_wo', 'bool', 'computed');
  });

  test('map-of-object attributes keep their element type', () => {
    const bot = resource('aws_lexv2models_bot_version');
    assertAttribute(bot, 'locale_specification', { map: { object: { source_bot_version: 'string' } } }, 'required');
  });
});

describe('ephemeral resources', () => {
  test('aws_secretsmanager_random_password returns random_password', () => {
    const ephemeral = schema.ephemeral('aws_secretsmanager_random_password');
    assert.ok(ephemeral);
    assertAttribute(ephemeral, 'random_password', 'string', 'computed');
    assertAttribute(ephemeral, 'password_length', 'number', 'optional');
    assert.equal(schema.resource('aws_secretsmanager_random_password'), undefined);
  });
});

describe('whole-schema invariants', () => {
  function* allBlocks(block: BlockSchema, path: string): Generator<[string, BlockSchema]> {
    yield [path, block];
    for (const [name, child] of Object.entries(block.blocks)) yield* allBlocks(child.block, `${path}.${name}`);
  }

  test('every resource and data source has attributes, and no name is both attribute and block', () => {
    for (const [kind, names, get] of [
      ['resource', schema.resourceTypes(), (t: string) => schema.resource(t)],
      ['data source', schema.dataSourceTypes(), (t: string) => schema.dataSource(t)],
    ] as const) {
      for (const type of names) {
        const top = get(type);
        assert.ok(top && Object.keys(top.attributes).length > 0, `${kind} ${type} has no attributes`);
        for (const [path, block] of allBlocks(top, type)) {
          for (const name of Object.keys(block.blocks)) assert.equal(name in block.attributes, false, `${path}.${name}`);
        }
      }
    }
  });

  test('flags are consistent: required excludes optional and computed; blocks are never computed', () => {
    for (const type of schema.resourceTypes()) {
      for (const [path, block] of allBlocks(schema.resource(type) ?? assert.fail(type), type)) {
        for (const [name, a] of Object.entries(block.attributes)) {
          assert.ok(a.required || a.optional || a.computed, `${path}.${name} has no mode`);
          if (a.required) assert.equal(a.optional || a.computed, false, `${path}.${name}`);
        }
        for (const [name, b] of Object.entries(block.blocks)) {
          assert.ok(b.minItems <= 1 && b.maxItems <= 1, `${path}.${name}`);
          if (b.nesting === 'single') assert.deepEqual([b.minItems, b.maxItems], [0, 1], `${path}.${name}`);
        }
      }
    }
  });

  test('id: classic resources have it, many newer (plugin-framework) resources do not', () => {
    for (const type of ['aws_ecs_service', 'aws_ecs_cluster', 'aws_lb', 'aws_lb_listener', 'aws_db_instance', 'aws_security_group', 'aws_iam_role']) {
      assertAttribute(resource(type), 'id', 'string', 'optional+computed');
    }
    assertAttribute(resource('aws_vpc_security_group_ingress_rule'), 'id', 'string', 'computed');
    const withoutId = schema.resourceTypes().filter((t) => !('id' in (schema.resource(t)?.attributes ?? {})));
    assert.ok(withoutId.includes('aws_cloudwatch_log_delivery_source'));
    assert.ok(withoutId.length > 100 && withoutId.length < schema.resourceTypes().length / 4, `${withoutId.length} without id`);
  });

  test('elided structures are opaque blocks, never guessed', () => {
    const rule = nested(resource('aws_wafv2_web_acl'), 'rule');
    assert.equal(nested(rule.block, 'statement').block.opaque, true);
    assert.equal(nested(resource('aws_quicksight_analysis'), 'definition').block.opaque, true);
    // Self-similar nesting is kept one level deep, then folded.
    const statement = nested(resource('aws_wafv2_web_acl_rule'), 'statement');
    assert.equal(statement.block.opaque, false);
    assert.equal(nested(nested(statement.block, 'and_statement').block, 'statement').block.opaque, true);
    assert.deepEqual(resource('aws_ecs_service').opaque, false);
  });
});
