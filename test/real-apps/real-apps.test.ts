/**
 * Real applications' Compose files (test/fixtures/real-apps/, each with its source and an
 * expert's expectation in EXPECT.md): each either generates a stack with nothing Terraform would
 * reject and nothing high or critical, or is refused with every error at a line with a hint.
 * The outcome of each is a reviewed golden in test/golden/real-apps/.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { composeInput } from '../../src/cli/compose-input.js';
import { loadCompose } from '../../src/load/compose/index.js';
import { expectGolden } from '../helpers/golden.js';
import { renderOutcome } from '../helpers/outcome.js';
import { fromRoot } from '../helpers/paths.js';

const APPS = fromRoot('test', 'fixtures', 'real-apps');

/** Apps whose documentation runs other files than the directory's default (README.md of the fixtures). */
const ENTRY_FILES: Readonly<Record<string, readonly string[]>> = {
  mattermost: ['compose.yaml', 'docker-compose.nginx.yml'],
  signoz: ['docker/compose.yaml'],
};

export const REAL_APPS = readdirSync(APPS).filter((name) => statSync(join(APPS, name)).isDirectory()).sort();

for (const app of REAL_APPS) {
  test(`real application: ${app}`, async () => {
    const dir = join(APPS, app);
    const { input, sourceNames } = composeInput({ cwd: dir, env: {}, ...(ENTRY_FILES[app] ? { files: ENTRY_FILES[app] } : {}) });
    const outcome = await renderOutcome(() => loadCompose(input), sourceNames, { compactLowWarnings: true });
    expectGolden(fromRoot('test', 'golden', 'real-apps', `${app}.txt`), outcome.text);
  });
}
