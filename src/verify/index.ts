/**
 * What Terraform itself would accept or reject, checked offline on any configuration: syntax,
 * formatting, the AWS provider schema, references and cycles, module calls, module hygiene. Each
 * check is a function over what src/terraform/ read; src/check/ runs them.
 */
export { VERIFY_CODES, type VerifyCode } from './codes.js';
export { inputFindings } from './input.js';
export { checkFileSyntax, filesOwnParserAccepts, type SyntaxVerdict } from './syntax.js';
export { checkFormat, formatTerraform } from './format.js';
export { checkSchema } from './schema-check.js';
export { checkReferences } from './references.js';
export { checkModuleCalls } from './module-calls.js';
export { checkCycles } from './cycles.js';
export { checkHygiene } from './hygiene.js';
