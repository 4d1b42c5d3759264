/** Findings about the input itself: files left out of the check, or nothing to check at all. */
import type { Finding } from '../diagnostics/finding.js';
import type { GroupedInput } from '../terraform/index.js';
import { verifyFinding } from './codes.js';

export function inputFindings(grouped: GroupedInput): Finding[] {
  const findings = grouped.jsonFiles.map((path) =>
    verifyFinding('VERIFY_JSON_IGNORED', `${path} is Terraform JSON, which ecsform does not check.`, { file: path }, {
      hint: 'Declarations in this file are invisible to the reference checks of its module.',
    }),
  );
  if (grouped.modules.length === 0) findings.push(verifyFinding('VERIFY_NO_TERRAFORM', 'No .tf files to check.'));
  return findings;
}
