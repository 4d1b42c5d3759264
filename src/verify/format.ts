/**
 * The formatting check: each file against what hclwrite (the formatter behind `terraform fmt`)
 * makes of it. `formatTerraform` returns the formatted text, for `check --fix`.
 */
import type { Finding } from '../diagnostics/finding.js';
import { formatHcl } from '../hcl/index.js';
import { verifyFinding } from './codes.js';
import type { SourceFile } from '../terraform/index.js';

/** The file as `terraform fmt` would write it. Only meaningful for syntactically valid HCL. */
export function formatTerraform(text: string): Promise<string> {
  return formatHcl(text);
}

/** One finding per file that differs from its formatted self, at the first differing line. */
export async function checkFormat(files: readonly SourceFile[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    const formatted = await formatHcl(file.text);
    if (formatted === file.text) continue;
    const line = firstDifferingLine(file.text, formatted);
    findings.push(
      verifyFinding(
        'HCL_FORMAT',
        `${file.path} is not formatted like \`terraform fmt\` would write it (first difference on line ${line}).`,
        { file: file.path, line },
        { hint: 'Run `ecsform check --fix` or `terraform fmt`.' },
      ),
    );
  }
  return findings;
}

/** 1-based number of the first line that differs between two texts. */
export function firstDifferingLine(a: string, b: string): number {
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  const length = Math.max(linesA.length, linesB.length);
  for (let i = 0; i < length; i++) {
    if (linesA[i] !== linesB[i]) return i + 1;
  }
  return length;
}
