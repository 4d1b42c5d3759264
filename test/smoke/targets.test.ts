/** Reading the smoke_test output: both shapes `terraform output -json` prints, and the older flat lists. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseSmokeTargets } from '../../src/smoke/targets.js';
import { fromRoot } from '../helpers/paths.js';
import { outputsText } from './harness.js';

describe('smoke targets', () => {
  test('all outputs: smoke_test.value is read, everything else ignored', () => {
    const targets = parseSmokeTargets(outputsText(), 'outputs.json');
    assert.equal(targets.region, 'eu-west-1');
    assert.equal(targets.cluster, 'shop-prod-cluster');
    assert.deepEqual(targets.services.map((s) => s.name), ['shop-prod-api', 'shop-prod-worker']);
    assert.match(targets.services[0]!.taskDefinition ?? '', /task-definition\/shop-prod-api:7$/);
    assert.deepEqual(targets.targetGroups.map((t) => t.service), ['api']);
    const api = targets.urls.find((u) => u.name === 'api')!;
    assert.equal(api.host, 'shop.example.com');
    assert.equal(api.expect.text, 'not-5xx');
    const ui = targets.urls.find((u) => u.name === 'ui')!;
    assert.equal(ui.spa, true);
    assert.equal(ui.expect.matches(200), true);
    assert.equal(ui.expect.matches(403), false);
  });

  test('`terraform output -json smoke_test`: the value alone', () => {
    const value = (JSON.parse(outputsText()) as { smoke_test: { value: unknown } }).smoke_test.value;
    // Expectations hold functions; compare what they print.
    assert.equal(JSON.stringify(parseSmokeTargets(JSON.stringify(value), 'stdin')), JSON.stringify(parseSmokeTargets(outputsText(), 'outputs.json')));
  });

  test('flat lists of names and ARNs are still read', () => {
    const targets = parseSmokeTargets(readFileSync(fromRoot('test/fixtures/smoke/legacy-smoke-test.json'), 'utf8'), 'legacy.json');
    assert.deepEqual(targets.services, [{ name: 'iot-dev-api' }]);
    assert.deepEqual(targets.targetGroups, [{ arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/iot-dev-api/0123456789abcdef' }]);
    assert.equal(targets.urls[0]!.spa, false);
  });

  test('an unknown expectation in the outputs is an input error', () => {
    const text = JSON.stringify({ cluster: 'c', urls: [{ name: 'api', url: 'https://a.example/', expect: 'fine' }] });
    assert.throws(() => parseSmokeTargets(text, 'x.json'), /URL api in x\.json expects "fine", which is not a status expectation/);
  });
});
