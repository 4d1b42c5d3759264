/**
 * Offline Terraform verification: syntax, formatting, AWS provider schema, references and module
 * hygiene (`verify`). The Terraform it reads comes from src/terraform/.
 */
export { verify, CHECK_NAMES, CORRECTNESS_CHECKS, type CheckName, type VerifyInput, type VerifyOptions, type VerifyResult, type VerifyTimings } from './verify.js';
export { VERIFY_CODES, type VerifyCode } from './codes.js';
export { formatTerraform } from './format.js';
