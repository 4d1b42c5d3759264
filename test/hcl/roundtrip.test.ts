/**
 * Realistic Terraform in our style (test/fixtures/hcl) must survive parse → write byte for byte,
 * and be what terraform fmt and HashiCorp's parser accept. The Terraform quoted in the seed
 * documents must parse.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Block } from '../../src/hcl/ast.js';
import { parseHcl } from '../../src/hcl/parser.js';
import { checkSyntax, formatHcl, warmUp } from '../../src/hcl/wasm.js';
import { writeHcl } from '../../src/hcl/writer.js';
import { sharedRoot } from '../helpers/paths.js';
import { fixtureNames, normalize, parseOk, readFixture } from './helpers.js';

/** hcl-tools embeds hclwrite v2.19, which predates provider functions and splits `::` apart. */
const USES_PROVIDER_FUNCTIONS = new Set(['modules.tf']);

describe('fixtures', () => {
  before(warmUp);

  test('there are fixtures', () => {
    assert.ok(fixtureNames().length >= 6);
  });

  for (const name of fixtureNames()) {
    test(`${name}: parses, writes back byte for byte, and HashiCorp agrees`, async () => {
      const text = readFixture(name);
      const file = parseOk(text, name);
      assert.equal(writeHcl(file), text);
      assert.deepEqual(await checkSyntax(name, text), []);
      if (!USES_PROVIDER_FUNCTIONS.has(name)) assert.equal(await formatHcl(text), text, 'the fixture is not terraform fmt clean');
      // The model written and parsed again is the same model.
      assert.deepEqual(normalize(parseOk(writeHcl(file), name)), normalize(file));
    });
  }

  test('the fixtures cover the constructs they are meant to', () => {
    const all = fixtureNames().map(readFixture).join('\n');
    for (const needle of ['count =', 'for_each = toset(', 'dynamic "', 'iterator =', '[*]', 'try(', 'templatefile(', 'jsonencode(', '<<-EOT', '<<EOF2', 'module "', 'provider::aws::', '%{for', '...', '? ', 'depends_on', 'lifecycle {']) {
      assert.ok(all.includes(needle), `no fixture uses ${needle}`);
    }
  });
});

describe('seed documents', () => {
  /** Fragments that elide lines with a bare `...`: not Terraform, so not expected to parse. */
  const FRAGMENTS = new Set(['003_a6648a693d07999a.txt:28', '003_a6648a693d07999a.txt:105']);
  const seedsDir = join(sharedRoot, 'seeds');
  const blocks: { where: string; text: string }[] = [];
  for (const name of readdirSync(seedsDir).sort()) {
    const content = readFileSync(join(seedsDir, name), 'utf8');
    for (const match of content.matchAll(/^```hcl\n([\s\S]*?)^```/gm)) {
      blocks.push({ where: `${name}:${content.slice(0, match.index).split('\n').length}`, text: match[1]! });
    }
  }

  test('the seeds quote Terraform', () => {
    assert.ok(blocks.length >= 15, `found ${blocks.length} hcl blocks`);
  });

  for (const { where, text } of blocks) {
    if (FRAGMENTS.has(where)) {
      test(`${where} is a fragment with "..." and is rejected where the "..." is`, () => {
        const { errors } = parseHcl(where, text);
        assert.equal(errors[0]?.summary, 'Argument or block definition required');
        assert.equal(text.split('\n')[errors[0]!.line - 1]!.trim(), '...');
      });
      continue;
    }
    test(`${where} parses`, () => {
      const file = parseOk(text, where);
      assert.ok(file.body.items.length > 0);
    });
  }

  test('a seed resource reads as expected', () => {
    const seed = blocks.find((b) => b.text.includes('resource "aws_ecs_task_definition" "ui_iot"'));
    assert.ok(seed);
    const [taskDefinition] = parseOk(seed.text).body.items as Block[];
    assert.deepEqual(taskDefinition!.labels, ['aws_ecs_task_definition', 'ui_iot']);
    const names = taskDefinition!.body.items.flatMap((item) => (item.kind === 'attribute' ? [item.name] : []));
    assert.deepEqual(names.slice(0, 3), ['family', 'requires_compatibilities', 'network_mode']);
  });
});
