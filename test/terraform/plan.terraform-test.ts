/**
 * Real Terraform on everything ecsform generates: every example, every corpus output, every real
 * application that generates, and the x-ecsform variants pass `terraform init` (providers from a
 * local mirror when the machine has one), validation and the offline plan. It takes minutes, so it
 * is `npm run test:terraform` (CI runs it), not part of `npm test`. Without `terraform` on the PATH
 * it is skipped with the reason, unless ECSFORM_REQUIRE_TERRAFORM=1 (CI) makes that an error.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TerraformDiagnostic } from '../../src/terraform-run/index.js';
import { terraformSetup, terraformUnavailable } from '../helpers/terraform.js';
import { corpusConfigurations, exampleConfigurations, realAppConfigurations, variantConfigurations } from './configurations.js';
import { planAll, type Configuration, type PlanResults } from './suite.js';

const unavailable = terraformUnavailable();
if (unavailable && process.env['ECSFORM_REQUIRE_TERRAFORM'] === '1') throw new Error(unavailable);
if (unavailable) console.log(`# skipped: ${unavailable}`);

function describeDiagnostic(d: TerraformDiagnostic): string {
  const where = d.filename !== undefined ? `${d.filename}:${d.line ?? 0}:${d.column ?? 0}` : '(no file)';
  return `${where}: ${d.severity}: ${d.summary}${d.address ? ` [${d.address}]` : ''}${d.detail ? `\n    ${d.detail.replace(/\n/g, '\n    ')}` : ''}`;
}

describe('real Terraform: init, validate and the offline plan', { skip: unavailable }, () => {
  // ECSFORM_TERRAFORM_ONLY=<regular expression> plans only the configurations whose name matches.
  const only = new RegExp(process.env['ECSFORM_TERRAFORM_ONLY'] ?? '');
  const configurations: Configuration[] = unavailable ? [] : [...exampleConfigurations(), ...corpusConfigurations(), ...realAppConfigurations(), ...variantConfigurations()].filter((c) => only.test(c.name));
  let results: PlanResults;

  before(async () => {
    results = await planAll(terraformSetup(), configurations);
  });

  test('every shard initialised and ran', () => {
    assert.deepEqual(results.unowned, []);
  });

  for (const configuration of configurations) {
    test(configuration.name, () => {
      assert.equal(results.notPlanned.get(configuration.name), undefined, `${configuration.name} was not planned`);
      const problems = (results.byConfiguration.get(configuration.name) ?? []).map(describeDiagnostic);
      assert.deepEqual(problems, [], `${configuration.name} (paths are <configuration>/<generated file>):\n${problems.join('\n')}`);
    });
  }
});
