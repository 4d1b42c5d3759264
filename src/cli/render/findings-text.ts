/**
 * Findings as text for a terminal: one line per finding, `file:line:column  severity  CODE
 * message`, then the hint indented, so editors and terminals can jump to the place.
 */
import { compareFindings, type Finding } from '../../diagnostics/finding.js';

export function renderFindingsText(findings: readonly Finding[], options: { showSuppressed?: boolean } = {}): string {
  const shown = [...findings].filter((f) => options.showSuppressed || !f.suppressed).sort(compareFindings);
  return shown.map(renderOne).join('');
}

function renderOne(finding: Finding): string {
  const where = finding.file ? `${finding.file}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}  ` : '';
  const suppressed = finding.suppressed ? ` (suppressed: ${finding.suppressed.reason})` : '';
  let text = `${where}${finding.severity}  ${finding.code}  ${finding.message}${suppressed}\n`;
  if (finding.hint) text += `    hint: ${finding.hint}\n`;
  return text;
}

/** `3 errors, 1 warning` style counts by severity. */
export function countBySeverity(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) if (!f.suppressed) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  if (counts.size === 0) return 'no findings';
  return [...counts].map(([severity, n]) => `${n} ${severity}`).join(', ');
}
