/** Backoff, status expectations and durations: the small rules the runner is built on. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay } from '../../src/smoke/backoff.js';
import { formatDuration, parseDurationMs } from '../../src/smoke/durations.js';
import { parseExpectation } from '../../src/smoke/expectations.js';

describe('backoff with equal jitter', () => {
  const policy = { initialMs: 10_000, maxMs: 60_000 };
  test('doubles from the interval and stops at the maximum', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0)), [5000, 10000, 20000, 30000, 30000]);
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999)), [10000, 20000, 40000, 60000, 60000]);
  });

  test('never overflows for large attempt numbers', () => {
    assert.equal(backoffDelay(5000, policy, () => 0.5), 45000);
  });
});

describe('status expectations', () => {
  const cases: [string, number[], number[]][] = [
    ['not-5xx', [200, 301, 404], [500, 503]],
    ['2xx', [200, 204], [301, 404, 500]],
    ['200', [200], [201, 500]],
    ['200,301', [200, 301], [302, 404]],
    ['2XX, 304', [204, 304], [302]],
  ];
  for (const [text, good, bad] of cases) {
    test(text, () => {
      const expectation = parseExpectation(text)!;
      for (const status of good) assert.equal(expectation.matches(status), true, `${status}`);
      for (const status of bad) assert.equal(expectation.matches(status), false, `${status}`);
    });
  }

  test('nonsense is rejected', () => {
    for (const text of ['', 'ok', '2x', '600', 'not-200', '200,']) assert.equal(parseExpectation(text), undefined, text);
  });
});

describe('durations', () => {
  test('Go syntax in, milliseconds out', () => {
    assert.equal(parseDurationMs('10m'), 600_000);
    assert.equal(parseDurationMs('1m30s'), 90_000);
    assert.equal(parseDurationMs('250ms'), 250);
    assert.equal(parseDurationMs('0'), undefined);
    assert.equal(parseDurationMs('soon'), undefined);
  });

  test('shown the short way', () => {
    assert.equal(formatDuration(90_000), '1m30s');
    assert.equal(formatDuration(3_600_000), '1h');
    assert.equal(formatDuration(250), '250ms');
    assert.equal(formatDuration(0), '0s');
  });
});
