/** The security rules (src/security/), with their suppressions. */
import { runSecurityRules, SECURITY_CODES } from '../../security/index.js';
import { defineFamily } from '../family.js';

export const SECURITY = defineFamily({
  name: 'security',
  summary: 'the security rules, with `ecsform:ignore` and x-ecsform suppressions',
  correctness: false,
  codes: SECURITY_CODES,
  run: (context) => runSecurityRules(context.modules, context.options.security),
});
