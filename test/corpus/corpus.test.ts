/**
 * Robustness on 20 real Compose files (docker/awesome-compose): each either generates Terraform
 * that verifies with zero findings, or fails with exit-2 messages naming the Compose key, line
 * and what to do. Never a crash. Each outcome is a reviewed golden in test/golden/corpus/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCompose } from '../../src/load/compose/index.js';
import { expectGolden } from '../helpers/golden.js';
import { renderOutcome } from '../helpers/outcome.js';
import { fromRoot, sharedRoot } from '../helpers/paths.js';

const CORPUS = join(sharedRoot, 'corpus', 'compose');

for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort()) {
  test(`corpus: ${name}`, async () => {
    const path = `/corpus/${name.replace(/\.yaml$/, '')}/compose.yaml`;
    const text = readFileSync(join(CORPUS, name), 'utf8');
    const outcome = await renderOutcome(() => loadCompose({ files: [{ path, text }], readFile: () => undefined, env: {}, projectDir: path.replace(/\/compose\.yaml$/, '') }), ['compose.yaml']);
    expectGolden(fromRoot('test', 'golden', 'corpus', name.replace(/\.yaml$/, '.txt')), outcome.text);
  });
}
