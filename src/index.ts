/**
 * ecsform as a library: the steps the CLI runs, without touching files or the process.
 *
 *     Compose files ── loadCompose ──▶ ComposeProject ── generate (buildModel inside) ──▶ files
 *     any Terraform ── check (or readTerraform) ──▶ findings + modules ──▶ estimateCost,
 *                                                   diagramFromModules, inventory, renderReport
 *
 * Input errors are thrown as `InputError`, carrying findings with file:line and a hint.
 */

// Compose to Terraform.
export { loadCompose, type LoadResult } from './load/compose/index.js';
export type { ComposeProject, LoadInput } from './load/types.js';
export { buildModel, type BuildOptions } from './model/build-model.js';
export type { AppModel } from './model/types.js';
export { generate, type GeneratedFile, type GenerateOptions, type GenerateResult } from './generate.js';
export { explain, type ExplainEntry } from './explain.js';

// Any Terraform: read, check, estimate, draw, report.
export { readTerraform, type ModuleIndex, type SourceFile } from './terraform/index.js';
export {
  check,
  CHECK_CODES,
  CHECK_NAMES,
  CORRECTNESS_CHECKS,
  formatTerraform,
  resolveRuleSelection,
  type CheckInput,
  type CheckName,
  type CheckOptions,
  type CheckResult,
  type CheckTimings,
  type RuleSelection,
  type SecurityOptions,
  type SecuritySuppression,
} from './check/index.js';
export { RULE_IDS, SECURITY_RULES, type RuleId, type SecurityRule } from './security/index.js';
export {
  costSummaryLine,
  DEFAULT_USAGE,
  estimateCost,
  parseUsageFile,
  renderCostJson,
  renderCostMarkdown,
  renderCostText,
  type CostEstimate,
  type NotEstimated,
  type ResourceCost,
  type Usage,
  type UsageInput,
} from './cost/index.js';
export { diagramFromModel, diagramFromModules, renderMermaid, renderSvg, type ArchitectureDiagram, type DiagramEdge, type DiagramNode } from './diagram/index.js';
export { inventory, renderReport, type GenerationInfo, type ReportInput, type ResourceInventory } from './report/index.js';

// Findings, errors, version.
export { compareFindings, isAtLeast, SEVERITIES, type CodeDoc, type Finding, type Severity, type SourcePoint } from './diagnostics/finding.js';
export { InputError, isInputError } from './diagnostics/errors.js';
export { VERSION } from './version.js';
