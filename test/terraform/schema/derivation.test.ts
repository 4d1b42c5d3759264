import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { deriveAwsSchema, serializeSchema } from '../../../scripts/derive-aws-schema.js';
import type { EncodedSchemaFile } from '../../../src/terraform/index.js';
import { fromRoot } from '../../helpers/paths.js';

const REGENERATE = 'run `npm run build && node dist/scripts/derive-aws-schema.js` and commit data/aws-provider-schema.json';

/** Names of the top-level types whose encoded schema differs, so a failure says where to look. */
function differingTypes(committed: EncodedSchemaFile, derived: EncodedSchemaFile): string[] {
  const differences: string[] = [];
  for (const kind of ['resources', 'dataSources', 'ephemeralResources'] as const) {
    const names = new Set([...Object.keys(committed[kind]), ...Object.keys(derived[kind])]);
    for (const name of [...names].sort()) {
      if (JSON.stringify(committed[kind][name]) !== JSON.stringify(derived[kind][name])) differences.push(`${kind}.${name}`);
    }
  }
  return differences;
}

test('the committed schema data is exactly what the derivation script produces', (t) => {
  const started = performance.now();
  const derived = deriveAwsSchema(fromRoot('node_modules', '@cdktn', 'provider-aws'));
  t.diagnostic(`derived in ${Math.round(performance.now() - started)} ms`);

  const text = readFileSync(fromRoot('data', 'aws-provider-schema.json'), 'utf8');
  const committed = JSON.parse(text) as EncodedSchemaFile;

  // Targeted comparisons first, so a failure names what changed instead of diffing a megabyte.
  const envelope = ({ format, provider, version, derivedFrom }: EncodedSchemaFile) => ({ format, provider, version, derivedFrom });
  assert.deepEqual(envelope(committed), envelope(derived), `schema data is stale: ${REGENERATE}`);
  assert.deepEqual(differingTypes(committed, derived).slice(0, 20), [], `schema data is stale: ${REGENERATE}`);
  assert.equal(committed.types.length, derived.types.length, `type table is stale: ${REGENERATE}`);
  const firstTypeDifference = derived.types.findIndex((type, i) => JSON.stringify(type) !== JSON.stringify(committed.types[i]));
  assert.equal(firstTypeDifference, -1, `type table is stale from index ${firstTypeDifference}: ${REGENERATE}`);
  assert.deepEqual(committed, derived, `schema data is stale: ${REGENERATE}`);
  // Byte-for-byte too: key order and line layout are part of the reproducible output.
  assert.ok(text === serializeSchema(derived), `schema data is not in canonical form: ${REGENERATE}`);
});
