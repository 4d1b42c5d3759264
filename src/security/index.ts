/**
 * Security rules for Terraform: ECS, ECR, load balancers, EFS, RDS, S3, CloudFront, CloudWatch,
 * IAM, networking, Secrets Manager and KMS, read offline from the module index.
 *
 * - `runSecurityRules(modules, options)` returns findings (code = rule id, hint = the fix),
 *   suppressed ones marked with their reason;
 * - `SECURITY_RULES` documents every rule (docs/security-rules.md is rendered from it), and each
 *   rule id is an exported constant (`RULE_IDS`, `LB_INTERNET_FACING`, ...);
 * - `resolveRuleSelection` turns `--rules` into rule ids, with a did-you-mean.
 */
export { runSecurityRules, type SecurityOptions } from './run.js';
export { SECURITY_RULES } from './rules/index.js';
export * from './rule-ids.js';
export { SECURITY_CODES } from './codes.js';
export { SUPPRESSION_CODES, type SecuritySuppression } from './suppressions.js';
export { resolveRuleSelection, type RuleSelection } from './selection.js';
export { FAMILIES, CONCERN_FAMILIES, SERVICE_FAMILIES, type Family } from './families.js';
export { renderSecurityRulesDoc } from './docs.js';
export type { Equivalents, RuleSeverity, SecurityRule } from './rule.js';
