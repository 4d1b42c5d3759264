import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATTR_COMPUTED, ATTR_FLAG_SPAN, ATTR_OPTIONAL, ATTR_REQUIRED, ATTR_WRITE_ONLY, type EncodedSchemaFile, formatType, providerSchemaFrom } from '../../../src/terraform/index.js';

/** A hand-written file exercising every encoding feature once. */
const sample: EncodedSchemaFile = {
  format: 1,
  provider: 'registry.terraform.io/example/demo',
  version: '1.2.3',
  derivedFrom: 'demo@0.0.0',
  types: ['string', 'number', ['set', 0], ['object', ['arn', 0, 'port', 1]], ['list', 3], 'bool'],
  resources: {
    demo_thing: [
      [
        'arn', 0 * ATTR_FLAG_SPAN + ATTR_COMPUTED,
        'name', 0 * ATTR_FLAG_SPAN + ATTR_REQUIRED,
        'secret_wo', 0 * ATTR_FLAG_SPAN + ATTR_OPTIONAL + ATTR_WRITE_ONLY,
        'subnets', 2 * ATTR_FLAG_SPAN + ATTR_OPTIONAL + ATTR_COMPUTED,
        'targets', 4 * ATTR_FLAG_SPAN + ATTR_COMPUTED,
      ],
      [
        'network', ['list', 1, 1, ['public', 5 * ATTR_FLAG_SPAN + ATTR_OPTIONAL], ['inner', ['set', 0, 0, []]]],
        'opaque', ['list', 0, 0, null],
        'timeouts', ['single', 0, 1, ['create', 0 * ATTR_FLAG_SPAN + ATTR_OPTIONAL]],
      ],
    ],
  },
  dataSources: { demo_lookup: [['id', 0 * ATTR_FLAG_SPAN + ATTR_COMPUTED]] },
  ephemeralResources: {},
};

test('decodes attributes, flags, interned types and nested blocks', () => {
  const schema = providerSchemaFrom(sample);
  assert.equal(schema.version, '1.2.3');
  const thing = schema.resource('demo_thing');
  assert.ok(thing);
  assert.deepEqual({ ...thing.attributes['name'] }, { type: 'string', required: true, optional: false, computed: false, writeOnly: false });
  assert.equal(thing.attributes['secret_wo']?.writeOnly, true);
  assert.deepEqual(thing.attributes['subnets']?.type, { set: 'string' });
  assert.equal(formatType(thing.attributes['targets']?.type ?? 'dynamic'), 'list(object({arn=string,port=number}))');

  const network = thing.blocks['network'];
  assert.deepEqual([network?.nesting, network?.minItems, network?.maxItems], ['list', 1, 1]);
  assert.equal(network?.block.attributes['public']?.type, 'bool');
  assert.equal(network?.block.blocks['inner']?.nesting, 'set');
  assert.equal(thing.blocks['opaque']?.block.opaque, true);
  assert.equal(thing.blocks['timeouts']?.nesting, 'single');

  assert.deepEqual(schema.resourceTypes(), ['demo_thing']);
  assert.deepEqual(schema.ephemeralTypes(), []);
  assert.ok(schema.dataSource('demo_lookup'));
});

test('decoded schemas are cached and frozen', () => {
  const schema = providerSchemaFrom(sample);
  const first = schema.resource('demo_thing');
  assert.equal(schema.resource('demo_thing'), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first?.attributes) && Object.isFrozen(first?.attributes['name']));
  // Shared types decode to the same object.
  assert.equal(first?.attributes['targets']?.type, schema.resource('demo_thing')?.attributes['targets']?.type);
});

test('rejects an unknown format and malformed name/value lists', () => {
  assert.throws(() => providerSchemaFrom({ ...sample, format: 2 }), /format 2 is not supported/);
  const broken: EncodedSchemaFile = { ...sample, resources: { bad: [['name']] } };
  assert.throws(() => providerSchemaFrom(broken).resource('bad'), /malformed/);
});
