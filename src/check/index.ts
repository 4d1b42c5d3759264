/**
 * Checking Terraform offline: `check()` runs the rule families (correctness from src/verify/,
 * the security rules from src/security/) over the modules src/terraform/ reads. Families are
 * listed in ./families/index.ts; adding one is a file there and a line in that list.
 */
export { check, CHECK_NAMES, CORRECTNESS_CHECKS, type CheckInput, type CheckName, type CheckOptions, type CheckResult, type CheckTimings } from './check.js';
export { CHECK_CODES } from './codes.js';
export { FAMILIES } from './families/index.js';
export { defineFamily, type CheckContext, type FamilyOptions, type RuleFamily } from './family.js';
export { formatTerraform } from '../verify/index.js';
export { resolveRuleSelection, type RuleSelection, type SecuritySuppression, type SecurityOptions } from '../security/index.js';
