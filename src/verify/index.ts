/**
 * Offline Terraform verification: syntax, formatting, AWS provider schema, references and module
 * hygiene (`verify`), plus the pieces later consumers build on: the module index, the evaluator,
 * and `ecsform:ignore` comments.
 */
export { verify, CHECK_NAMES, CORRECTNESS_CHECKS, type CheckName, type VerifyInput, type VerifyOptions, type VerifyResult, type VerifyTimings } from './verify.js';
export { VERIFY_CODES, type CodeDoc, type VerifyCode } from './codes.js';
export { formatTerraform } from './format.js';
export {
  indexModule,
  type DeclarationSite,
  type DuplicateDecl,
  type LocalDecl,
  type MetaArguments,
  type ModuleCallDecl,
  type ModuleIndex,
  type OutputDecl,
  type ParsedFile,
  type ProviderConfigDecl,
  type RequiredProvider,
  type ResourceDecl,
  type ResourceMode,
  type TerraformBlockDecl,
  type VariableDecl,
} from './module-index.js';
export { resolveLocalSource } from './modules.js';
export { ignoreDirectives, type IgnoreDirective } from './suppressions.js';
export { evaluate, type EvalScope, type Evaluated } from './eval/evaluate.js';
export type { ObjectValue, Value } from './eval/values.js';
