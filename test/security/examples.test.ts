/**
 * The generator's own output passes its security rules: for every example, no unsuppressed high
 * or critical finding, and every suppression comment it writes is valid (names a rule, gives a
 * reason). Lower findings are allowed: they are the user's call, listed by `ecsform check`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, test } from 'node:test';
import { isAtLeast } from '../../src/diagnostics/finding.js';
import { generate } from '../../src/generate.js';
import { loadCompose } from '../../src/load/compose/index.js';
import { runSecurityRules } from '../../src/security/index.js';
import { fromRoot } from '../helpers/paths.js';
import { describeFindings, indexFiles } from './helpers.js';

const EXAMPLES = ['insightxi', 'iot-platform', 'sockerless-ecs', 'transparent-trust'] as const;

function generatedTerraform(example: string): { path: string; text: string }[] {
  const composePath = fromRoot('examples', example, 'compose.yaml');
  const { project } = loadCompose({
    files: [{ path: composePath, text: readFileSync(composePath, 'utf8') }],
    readFile: (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    env: {},
    projectDir: dirname(composePath),
  });
  const result = generate(project, { sourceNames: ['compose.yaml'] });
  return result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content }));
}

describe('security rules on the generated examples', () => {
  for (const example of EXAMPLES) {
    test(`${example}: no unsuppressed high or critical finding, and valid suppressions`, () => {
      const findings = runSecurityRules(indexFiles(generatedTerraform(example)));
      const failing = findings.filter((f) => !f.suppressed && isAtLeast(f.severity, 'high'));
      assert.deepEqual(failing, [], describeFindings(failing));
      const invalid = findings.filter((f) => f.code === 'SUPPRESSION_NO_REASON' || f.code === 'SUPPRESSION_UNKNOWN_RULE');
      assert.deepEqual(invalid, [], describeFindings(invalid));
    });
  }
});
