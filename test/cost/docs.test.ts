/** docs/cost.md lists every price of the price file and every usage key with its default. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DEFAULT_USAGE, describeUsage, loadPriceBook } from '../../src/cost/index.js';
import { fromRoot } from '../helpers/paths.js';

const docs = readFileSync(fromRoot('docs/cost.md'), 'utf8');

describe('docs/cost.md', () => {
  test('every price, with its status', async () => {
    const book = await loadPriceBook();
    const rows = [...Object.entries(book.items), ...Object.entries(book.rdsInstanceHours).map(([k, v]) => [`rdsInstanceHours.${k}`, v] as const)];
    for (const [id, price] of rows) {
      const line = docs.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      assert.ok(line, `docs/cost.md has no row for ${id}`);
      assert.ok(line.includes(`| $${price.price} |`) && line.includes(`| ${price.status} |`), `${id}: ${line}`);
    }
  });

  test('every usage key, with its default', () => {
    for (const a of describeUsage(DEFAULT_USAGE)) {
      assert.ok(docs.includes(`| \`${a.key}\` | ${a.defaultValue.toLocaleString('en-US')} |`), `docs/cost.md lacks ${a.key} = ${a.defaultValue}`);
    }
  });
});
