/**
 * docs/security-rules.md, rendered from the rule registry (a test fails when the file is stale;
 * `UPDATE_DOCS=1` rewrites it).
 */
import { CONCERN_FAMILIES, SERVICE_FAMILIES } from './families.js';
import type { Equivalents, SecurityRule } from './rule.js';
import { SECURITY_RULES } from './rules/index.js';
import { SUPPRESSION_CODES } from './suppressions.js';

export function renderSecurityRulesDoc(rules: readonly SecurityRule[] = SECURITY_RULES): string {
  const lines: string[] = [
    '# Security rules',
    '',
    '<!-- Generated from src/security/rules/ by renderSecurityRulesDoc(); do not edit. Regenerate: UPDATE_DOCS=1 node --test dist/test/security/docs.test.js -->',
    '',
    '`ecsform check` (and `generate`, on its own output) runs these rules on every Terraform module it',
    'reads, offline. They come from Checkov, Trivy, AWS Security Hub (FSBP) and cdk-nag, deduplicated for',
    'the resource types ecsform emits (`shared/reference/scanners-prices-fargate.md`, section 1); the',
    'columns name the equivalent check of each tool. Severities follow Trivy and Security Hub (the higher',
    'of the two where both rate a rule), and our judgement where neither does.',
    '',
    '`--rules` takes rule ids and family names, comma-separated (`--rules iam,ECS_PRIVILEGED`); `all` is',
    'the default and `none` turns the rules off.',
    '',
    '## How values are read',
    '',
    '- Variables are read at their defaults: that is how a module is configured until someone passes',
    '  other values. A value only known after apply (a resource attribute, a data source, a variable',
    '  without default) is never guessed: the rule says nothing about it.',
    '- `count` and `for_each` are expanded with the defaults; each instance is checked, and a finding',
    '  every instance shares is reported once. A resource whose `count` is 0 or whose `for_each` is',
    '  empty is not created, so nothing is reported about it. When the count or keys are unknown, one',
    '  instance stands for all, with `count.index` and `each.*` unknown.',
    '- Container definitions are read inside `jsonencode([...])` (each key keeps its line), heredocs',
    '  and known strings. IAM policies are read from `data "aws_iam_policy_document"` statements',
    '  (merged with `source_policy_documents`/`override_policy_documents`), `jsonencode({...})` and',
    '  JSON text. `dynamic` blocks are not expanded: a rule that depends on them stays silent.',
    '',
    '## Suppressions',
    '',
    'A deliberate exception is written next to what it excuses, with the reason:',
    '',
    '```hcl',
    '# ecsform:ignore LB_INTERNET_FACING The ALB is the public entry point of the application.',
    'resource "aws_lb" "main" {',
    '```',
    '',
    'The comment goes directly above the resource, or above the `data "aws_iam_policy_document"` the',
    'finding is about. Suppressions can also be passed in (the generator\'s `x-ecsform.suppress`:',
    '`{ rule, resource?, reason }`). A suppressed finding is still reported, marked suppressed with the',
    'reason; it does not fail `check`.',
    '',
    '| code | severity | |',
    '|---|---|---|',
    ...Object.entries(SUPPRESSION_CODES).map(([code, doc]) => `| \`${code}\` | ${doc.severity} | ${doc.description} |`),
    '',
    '## Families',
    '',
    '| family | rules | |',
    '|---|---|---|',
    ...[...Object.entries(SERVICE_FAMILIES), ...Object.entries(CONCERN_FAMILIES)].map(
      ([family, description]) => `| \`${family}\` | ${rules.filter((r) => (r.families as readonly string[]).includes(family)).length} | ${description} |`,
    ),
    '',
    `## Rules (${rules.length})`,
    '',
    '| id | severity | title | Checkov | Trivy | Security Hub | cdk-nag |',
    '|---|---|---|---|---|---|---|',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id.toLowerCase()}) | ${rule.severity} | ${rule.title} | ${equivalentCells(rule.equivalents)} |`),
    '',
  ];
  for (const rule of rules) {
    lines.push(
      `### ${rule.id}`,
      '',
      `**${rule.title}**: ${rule.severity}. Families: ${rule.families.map((f) => `\`${f}\``).join(', ')}. Checks ${rule.appliesTo.map((t) => `\`${t}\``).join(', ')}.`,
      '',
      `- Why: ${rule.rationale}`,
      `- Fix: ${rule.fix}`,
      '',
    );
  }
  return lines.join('\n');
}

function equivalentCells(equivalents: Equivalents): string {
  const cell = (ids: readonly string[] | undefined): string => (ids && ids.length > 0 ? ids.join(', ') : '–');
  return [cell(equivalents.checkov), cell(equivalents.trivy), cell(equivalents.securityHub), cell(equivalents.cdkNag)].join(' | ');
}
