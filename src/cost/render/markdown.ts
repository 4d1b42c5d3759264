/** The estimate as GitHub-flavoured Markdown, for pull-request comments and READMEs. */
import type { CostEstimate } from '../types.js';
import { formatPercent, formatQuantity, formatUnitPrice, formatUsd, statusTag } from './format.js';

export function renderCostMarkdown(estimate: CostEstimate, title = 'Monthly cost estimate'): string {
  const total = estimate.totalMonthlyUsd;
  const out: string[] = [];
  out.push(`## ${title}: ${formatUsd(total)} a month`, '');
  out.push(`${estimate.currency}, ${estimate.region} prices of ${estimate.pricesAsOf}, ${estimate.hoursPerMonth} hours a month. Usage assumptions are listed below.`, '');
  for (const warning of estimate.warnings) out.push(`> **Warning:** ${cell(warning)}`, '');

  out.push('| Service | Monthly | Share |', '|---|---:|---:|');
  for (const s of estimate.byService) out.push(`| ${s.service} | ${formatUsd(s.monthlyUsd)} | ${formatPercent(s.monthlyUsd, total)} |`);
  out.push('');

  out.push('| Resource | Charges | Monthly |', '|---|---|---:|');
  for (const r of estimate.resources) {
    const charges = r.components.map((c) => {
      const tag = statusTag(c.status);
      return `${c.name}: ${formatQuantity(c.quantity)} ${c.unit} × ${formatUnitPrice(c.unitPrice)} = ${formatUsd(c.monthlyUsd)}${tag ? ` (${tag})` : ''}`;
    });
    const name = `\`${r.address}\`${r.instances > 1 ? ` ×${r.instances}` : ''}<br>${cell(`${r.file}:${r.line}`)}`;
    out.push(`| ${name} | ${cell(charges.join('; '))} | ${formatUsd(r.monthlyUsd)} |`);
  }
  out.push(`| **Total** | | **${formatUsd(total)}** |`, '');

  if (estimate.notEstimated.length > 0) {
    out.push(`### Not estimated (${estimate.notEstimated.length})`, '');
    for (const item of estimate.notEstimated) out.push(`- \`${item.address}\` (${item.file}:${item.line}): ${item.reason}`);
    out.push('');
  }
  out.push('### Usage assumptions', '', '| Key | Value | Default | Meaning |', '|---|---:|---:|---|');
  for (const a of estimate.assumptions) out.push(`| \`${a.key}\` | ${formatQuantity(a.value)} | ${formatQuantity(a.defaultValue)} | ${cell(a.description)} |`);
  out.push('');
  return `${out.join('\n')}`;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
