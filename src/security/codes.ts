/**
 * Every code the security check emits, in the shape of `VERIFY_CODES` (title, description,
 * severity), for SARIF rule metadata and code tables: one entry per rule plus the codes about
 * suppressions themselves.
 */
import type { CodeDoc } from '../diagnostics/finding.js';
import { SECURITY_RULES } from './rules/index.js';
import { SUPPRESSION_CODES } from './suppressions.js';

export const SECURITY_CODES: ReadonlyMap<string, CodeDoc> = new Map<string, CodeDoc>([
  ...SECURITY_RULES.map((rule): [string, CodeDoc] => [rule.id, { title: rule.title, description: `${rule.rationale} Fix: ${rule.fix}`, severity: rule.severity }]),
  ...Object.entries(SUPPRESSION_CODES).map(([code, doc]): [string, CodeDoc] => [code, doc]),
]);
