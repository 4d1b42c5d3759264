/**
 * docs/diagnostics.md: every code reading Compose and generating can report, from the tables the
 * code itself uses, so a code cannot exist without its entry.
 */
import { COMPOSE_FINDING_CODES } from '../load/compose/codes.js';
import { X_ECSFORM_CODES } from '../load/x-ecsform/parse.js';
import { MODEL_CODES } from '../model/codes.js';

type CodeTable = Readonly<Record<string, { readonly title: string; readonly description: string }>>;

function table(codes: CodeTable): string[] {
  return [
    '| Code | What | Meaning |',
    '|---|---|---|',
    ...Object.entries(codes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, doc]) => `| \`${code}\` | ${doc.title} | ${doc.description.replace(/\|/g, '\\|')} |`),
  ];
}

export function diagnosticsReference(): string {
  return [
    '# Diagnostics',
    '',
    '<!-- Generated from src/load/compose/codes.ts, src/load/x-ecsform/parse.ts and src/model/codes.ts by `node dist/scripts/generate-docs.js`; do not edit. -->',
    '',
    'Every finding names its file and line (`compose.yaml:41:7`), a severity, a code and, when there is',
    'something to do, a hint. An error stops `ecsform generate` with exit code 2 before anything is',
    'written; warnings are printed and generation goes on. The codes of `ecsform check` (the',
    'verification of Terraform) are in [check.md](check.md) and [security-rules.md](security-rules.md).',
    '',
    '## Reading the Compose files',
    '',
    ...table(COMPOSE_FINDING_CODES),
    '',
    '## The x-ecsform extension',
    '',
    ...table(X_ECSFORM_CODES),
    '',
    '## Mapping to AWS',
    '',
    ...table(MODEL_CODES),
    '',
  ].join('\n');
}
