/**
 * Findings as SARIF 2.1.0, the format GitHub code scanning and most CI security dashboards read.
 * Severities map to SARIF levels; security severities also go into `security-severity`.
 */
import { compareFindings, type Finding, type Severity } from '../../diagnostics/finding.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

export interface RuleDoc {
  readonly title: string;
  readonly description: string;
}

export function renderFindingsSarif(findings: readonly Finding[], rules: ReadonlyMap<string, RuleDoc>, toolVersion: string): string {
  const sorted = [...findings].sort(compareFindings);
  const usedCodes = [...new Set(sorted.map((f) => f.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecsform',
            version: toolVersion,
            rules: usedCodes.map((code) => ({
              id: code,
              shortDescription: { text: rules.get(code)?.title ?? code },
              fullDescription: { text: rules.get(code)?.description ?? code },
            })),
          },
        },
        results: sorted.map((f) => ({
          ruleId: f.code,
          level: LEVEL[f.severity],
          message: { text: f.hint ? `${f.message} ${f.hint}` : f.message },
          ...(f.file
            ? { locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, ...(f.line ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } } : {}) } }] }
            : {}),
          ...(SECURITY_SEVERITY[f.severity] ? { properties: { 'security-severity': SECURITY_SEVERITY[f.severity] } } : {}),
          ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
