/**
 * The findings that refuse an input, as the user sees them: at most a screenful, each message at
 * most a few lines. A megabyte of binary or a machine-written file can yield thousands of errors
 * with long excerpts; the first ones say what is wrong, the rest are counted.
 */
import { compareFindings, type Finding } from '../../diagnostics/finding.js';

export const MAX_REFUSAL_FINDINGS = 50;
const MAX_MESSAGE_CHARS = 400;

export function summariseRefusal(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort(compareFindings).map(shorten);
  if (sorted.length <= MAX_REFUSAL_FINDINGS) return sorted;
  const shown = sorted.slice(0, MAX_REFUSAL_FINDINGS);
  const rest = sorted.slice(MAX_REFUSAL_FINDINGS);
  const byFile = new Map<string, number>();
  for (const f of rest) byFile.set(f.file ?? 'no file', (byFile.get(f.file ?? 'no file') ?? 0) + 1);
  const where = [...byFile].map(([file, n]) => `${n.toLocaleString('en-US')} in ${file}`).join(', ');
  shown.push({
    code: 'MORE_FINDINGS',
    severity: rest.some((f) => f.severity === 'error') ? 'error' : rest[0]!.severity,
    message: `${rest.length.toLocaleString('en-US')} more findings not shown (${where}).`,
    ...(rest[0]!.file !== undefined ? { file: rest[0]!.file } : {}),
    ...(rest[0]!.line !== undefined ? { line: rest[0]!.line } : {}),
    hint: 'Fix the first ones and run again: the rest are often consequences of them.',
  });
  return shown;
}

function shorten(finding: Finding): Finding {
  if (finding.message.length <= MAX_MESSAGE_CHARS) return finding;
  return { ...finding, message: `${finding.message.slice(0, MAX_MESSAGE_CHARS)}… (${(finding.message.length - MAX_MESSAGE_CHARS).toLocaleString('en-US')} more characters)` };
}
