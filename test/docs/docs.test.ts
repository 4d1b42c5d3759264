import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generatedDocs } from '../../src/docs/generated.js';
import { undocumentedKeys } from '../../src/docs/x-ecsform-reference.js';
import { VERSION } from '../../src/version.js';
import { fromRoot } from '../helpers/paths.js';

test('every x-ecsform key has a description', () => {
  assert.deepEqual(undocumentedKeys(), []);
});

for (const [path, content] of generatedDocs()) {
  test(`${path} is up to date`, () => {
    assert.equal(readFileSync(fromRoot(path), 'utf8'), content, `${path} is stale: run npm run build && node dist/scripts/generate-docs.js`);
  });
}

test('the version constant matches package.json', () => {
  assert.equal(VERSION, (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version);
});
