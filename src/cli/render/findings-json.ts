/** Findings as JSON: a stable, documented shape for scripts and CI. */
import { compareFindings, type Finding } from '../../diagnostics/finding.js';

export function renderFindingsJson(findings: readonly Finding[], extra: Record<string, unknown> = {}): string {
  const sorted = [...findings].sort(compareFindings);
  return `${JSON.stringify({ ...extra, findings: sorted }, null, 2)}\n`;
}
