/**
 * The syntax check. HashiCorp's parser (WebAssembly, one call per file) has the last word on
 * syntax; our own parser (src/terraform/parse.ts) builds the document model the deeper checks
 * read. When ours fails where HashiCorp's succeeds, that is our bug: the file is reported as a
 * parser gap and left out of the deeper checks instead of producing false findings.
 */
import type { Finding } from '../diagnostics/finding.js';
import { checkSyntax } from '../hcl/index.js';
import type { OwnParse } from '../terraform/index.js';
import { verifyFinding } from './codes.js';

export interface SyntaxVerdict {
  /** Paths whose syntax is valid and whose model the deeper checks may read. */
  readonly usable: ReadonlySet<string>;
  readonly findings: readonly Finding[];
}

/** Asks HashiCorp's parser about every file and reconciles its verdict with ours. */
export async function checkFileSyntax(parses: readonly OwnParse[]): Promise<SyntaxVerdict> {
  const usable = new Set<string>();
  const findings: Finding[] = [];
  for (const parse of parses) {
    const path = parse.file.path;
    const errors = await checkSyntax(path, parse.file.text);
    if (errors.length > 0) {
      for (const error of errors) findings.push(verifyFinding('HCL_SYNTAX', error.message, { file: path, range: error.range }));
      continue;
    }
    const gap = parse.errors[0];
    if (gap) {
      findings.push(
        verifyFinding('HCL_PARSER_GAP', `ecsform's HCL parser rejects a file HashiCorp's parser accepts (${gap.message}); the file was not checked further.`, { file: path, range: gap.range }, {
          hint: 'This is a bug in ecsform; please report it with the file.',
        }),
      );
      continue;
    }
    usable.add(path);
  }
  return { usable, findings };
}

/** Without the syntax check, only files our parser accepts are read further, silently. */
export function filesOwnParserAccepts(parses: readonly OwnParse[]): SyntaxVerdict {
  return { usable: new Set(parses.filter((p) => p.errors.length === 0).map((p) => p.file.path)), findings: [] };
}
