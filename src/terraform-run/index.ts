/**
 * Real Terraform in the loop: `terraform init`, `validate` and an offline plan (no AWS account:
 * example credentials, data sources stood in for, every API call answered by a local endpoint),
 * with results as findings on the user's files. The pieces are exported for the test harness,
 * which plans many configurations in one `terraform test` run.
 */
export { TERRAFORM_RUN_CODES, type TerraformRunCode } from './codes.js';
export { diagnosticFinding, parseTestOutput, parseValidateOutput, type TerraformDiagnostic, type TestOutput } from './diagnostics.js';
export { fakeZones, FAKE_ACCOUNT_ID } from './fake-values.js';
export { startLocalEndpoint, OFFLINE_ERROR_CODE, type EndpointCall, type LocalEndpoint } from './local-endpoint.js';
export { moduleTree, rootModules, type ModuleTree } from './module-tree.js';
export { dataOverrides, type DataOverride } from './overrides.js';
export { candidatesFor, placeholdersFor, type Placeholder } from './placeholders.js';
export { findTerraform, offlineEnv, runProcess, type Env, type ProcessResult } from './process.js';
export { FALLBACK_REGION, testProviders } from './providers.js';
export { firstError, runOfflinePlan, type OfflinePlanRequest, type OfflinePlanResult, type RootOutcome, type RootStage } from './run.js';
export { renderTestFile, type TestFile, type TestProvider, type TestRun } from './test-file.js';
export { cliConfig } from './cli-config.js';
