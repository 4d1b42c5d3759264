/**
 * Every example regenerates byte for byte from its input: `ecsform generate --check` is the CI
 * drift gate, and this test runs it on each committed example.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLES } from '../helpers/examples.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

for (const example of EXAMPLES) {
  test(`examples/${example} is what its compose.yaml generates`, async () => {
    const run = await runCli(['generate', '-f', `examples/${example}/compose.yaml`, '--check'], repoRoot);
    assert.equal(run.code, 0, `${run.err}\nRegenerate with: node dist/src/cli/bin.js generate -f examples/${example}/compose.yaml`);
  });
}
