/**
 * Terraform's own block structure (the parts of the language that are not provider schema):
 * top-level block types with their labels, the bodies of `variable`, `output`, `module`, ...,
 * and the meta-arguments every resource, data source and ephemeral resource accepts.
 */
import { block, optional, required, staticSpec, type AttributeSpec, type BlockSpec, type BodySpec } from './body-spec.js';
import type { ResourceMode } from '../terraform/index.js';

const CONDITION = staticSpec({ attributes: { condition: required('dynamic'), error_message: required('dynamic') } });
const CONDITIONS = { precondition: block(CONDITION), postcondition: block(CONDITION) };

/** `for_each` of a resource or module: a map or a set of strings, never a list. */
const RESOURCE_FOR_EACH: AttributeSpec = {
  type: { map: 'dynamic' },
  required: false,
  readOnly: false,
  hint: 'for_each takes a map or a set of strings; wrap a list in toset().',
};

const LIFECYCLE_MANAGED = staticSpec({
  attributes: {
    create_before_destroy: optional('bool'),
    prevent_destroy: optional('bool'),
    ignore_changes: optional('dynamic'),
    replace_triggered_by: optional('dynamic'),
  },
  // Terraform 1.14 `action_trigger` blocks are accepted unchecked.
  blocks: { ...CONDITIONS, action_trigger: block(undefined) },
});

const LIFECYCLE_READ_ONLY = staticSpec({ blocks: CONDITIONS });

const COMMON_META = {
  count: optional('number'),
  for_each: RESOURCE_FOR_EACH,
  depends_on: optional('dynamic'),
  provider: optional('dynamic'),
};

const MANAGED_META = staticSpec({
  attributes: COMMON_META,
  blocks: {
    lifecycle: block(LIFECYCLE_MANAGED, { maxItems: 1 }),
    // Provisioner and connection arguments depend on the provisioner type: not checked.
    connection: block(undefined, { maxItems: 1 }),
    provisioner: block(undefined, { labels: 1 }),
  },
});

const READ_ONLY_META = staticSpec({
  attributes: COMMON_META,
  blocks: { lifecycle: block(LIFECYCLE_READ_ONLY, { maxItems: 1 }) },
});

export function resourceMetaSpec(mode: ResourceMode): BodySpec {
  return mode === 'managed' ? MANAGED_META : READ_ONLY_META;
}

/** `dynamic "x" { for_each, iterator, labels, content { … } }`, generating blocks of `target`. */
export function dynamicBlockSpec(target: BodySpec | undefined): BodySpec {
  return staticSpec({
    attributes: { for_each: required('dynamic'), iterator: optional('dynamic'), labels: optional('dynamic') },
    blocks: { content: block(target, { minItems: 1, maxItems: 1 }) },
  });
}

const VARIABLE = staticSpec({
  attributes: {
    default: optional('dynamic'),
    type: optional('dynamic'),
    description: optional('string'),
    sensitive: optional('bool'),
    nullable: optional('bool'),
    ephemeral: optional('bool'),
  },
  blocks: { validation: block(CONDITION) },
});

const OUTPUT = staticSpec({
  attributes: {
    value: required('dynamic'),
    description: optional('string'),
    sensitive: optional('bool'),
    ephemeral: optional('bool'),
    depends_on: optional('dynamic'),
  },
  blocks: { precondition: block(CONDITION) },
});

const MODULE_CALL = staticSpec({
  attributes: {
    source: required('string'),
    version: optional('string'),
    count: optional('number'),
    for_each: RESOURCE_FOR_EACH,
    providers: optional('dynamic'),
    depends_on: optional('dynamic'),
  },
  anyAttributes: true,
});

const TERRAFORM = staticSpec({
  attributes: { required_version: optional('string'), experiments: optional('dynamic') },
  blocks: {
    required_providers: block(staticSpec({ anyAttributes: true }), { maxItems: 1 }),
    backend: block(undefined, { labels: 1, maxItems: 1 }),
    cloud: block(undefined, { maxItems: 1 }),
    provider_meta: block(undefined, { labels: 1 }),
  },
});

/** The AWS provider's own configuration is not in the schema data: only `alias` is known. */
const PROVIDER = staticSpec({ attributes: { alias: optional('string') }, anyAttributes: true, anyBlocks: true });

const MOVED = staticSpec({ attributes: { from: required('dynamic'), to: required('dynamic') } });

const IMPORT = staticSpec({
  attributes: {
    to: required('dynamic'),
    id: optional('string'),
    identity: optional('dynamic'),
    provider: optional('dynamic'),
    for_each: optional('dynamic'),
  },
});

const REMOVED = staticSpec({ attributes: { from: required('dynamic') }, anyBlocks: true });

const CHECK = staticSpec({
  blocks: {
    // The scoped data source is checked like a top-level one, by the schema check.
    data: block(undefined, { labels: 2, maxItems: 1 }),
    assert: block(CONDITION, { minItems: 1 }),
  },
});

/** Top-level block types. `resource`, `data` and `ephemeral` bodies come from the provider schema. */
export const TOP_LEVEL_BLOCKS: Readonly<Record<string, BlockSpec>> = {
  terraform: block(TERRAFORM),
  provider: block(PROVIDER, { labels: 1 }),
  variable: block(VARIABLE, { labels: 1 }),
  output: block(OUTPUT, { labels: 1 }),
  locals: block(staticSpec({ anyAttributes: true })),
  module: block(MODULE_CALL, { labels: 1 }),
  resource: block(undefined, { labels: 2 }),
  data: block(undefined, { labels: 2 }),
  ephemeral: block(undefined, { labels: 2 }),
  moved: block(MOVED),
  import: block(IMPORT),
  removed: block(REMOVED),
  check: block(CHECK, { labels: 1 }),
  // Terraform 1.14 provider actions: provider-defined bodies, not in the schema data.
  action: block(undefined, { labels: 2 }),
};
