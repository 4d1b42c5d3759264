/** The estimate as a plain-text table for the terminal. */
import type { CostComponent, CostEstimate } from '../types.js';
import { formatPercent, formatQuantity, formatUnitPrice, formatUsd, statusTag } from './format.js';

export function renderCostText(estimate: CostEstimate, title = 'Monthly cost estimate'): string {
  const lines: string[] = [];
  const total = estimate.totalMonthlyUsd;
  lines.push(`${title}: ${formatUsd(total)} a month`);
  lines.push(`(${estimate.currency}, ${estimate.region} prices of ${estimate.pricesAsOf}, ${estimate.hoursPerMonth} hours a month, usage assumptions below)`);
  for (const warning of estimate.warnings) lines.push(`warning: ${warning}`);

  lines.push('', 'By service');
  const serviceWidth = Math.max(...estimate.byService.map((s) => s.service.length), 7);
  for (const s of estimate.byService) lines.push(`  ${s.service.padEnd(serviceWidth)}  ${formatUsd(s.monthlyUsd).padStart(11)}  ${formatPercent(s.monthlyUsd, total).padStart(6)}`);

  lines.push('', 'Resources');
  const rows = estimate.resources.flatMap((r) => r.components.map((c) => componentColumns(c)));
  const widths = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((row) => row[i]!.length)));
  // Component lines are indented 4 more than resource lines; the monthly column ends at lineWidth.
  const lineWidth = 4 + widths[0]! + 2 + widths[1]! + 2 + widths[2]! + 2 + widths[3]! + 2 + 11;
  for (const resource of estimate.resources) {
    const name = resourceName(resource.address, resource.instances);
    lines.push(`  ${name}${' '.repeat(Math.max(1, lineWidth - name.length - 11))}${formatUsd(resource.monthlyUsd).padStart(11)}   ${resource.file}:${resource.line}`);
    for (const detail of resource.details) lines.push(`      ${detail}`);
    for (const c of resource.components) {
      const [label, quantity, unit, price] = componentColumns(c);
      const tag = statusTag(c.status);
      const notes = [tag, c.adjustment].filter((n): n is string => !!n);
      lines.push(
        `      ${label!.padEnd(widths[0]!)}  ${quantity!.padStart(widths[1]!)}  ${unit!.padEnd(widths[2]!)}  ${price!.padStart(widths[3]!)}  ${formatUsd(c.monthlyUsd).padStart(11)}${notes.length > 0 ? `   [${notes.join('; ')}]` : ''}`,
      );
    }
  }
  lines.push(`  ${'Total'}${' '.repeat(Math.max(1, lineWidth - 5 - 11))}${formatUsd(total).padStart(11)}`);

  if (estimate.notEstimated.length > 0) {
    lines.push('', `Not estimated (${estimate.notEstimated.length})`);
    for (const item of estimate.notEstimated) lines.push(`  ${item.address} (${item.file}:${item.line}): ${item.reason}`);
  }
  lines.push('', 'Usage assumptions (set them in a file passed with --usage; see docs/cost.md)');
  for (const a of estimate.assumptions) lines.push(`  ${a.key} = ${formatQuantity(a.value)}${a.value === a.defaultValue ? ' (default)' : ` (default ${formatQuantity(a.defaultValue)})`}: ${a.description}`);
  lines.push('', 'Tagged prices are not confirmed by AWS or two sources (third-party, probable, unconfirmed, secondary source) or rest on an assumption.');
  return `${lines.join('\n')}\n`;
}

function componentColumns(c: CostComponent): string[] {
  return [c.name, formatQuantity(c.quantity), c.unit, `× ${formatUnitPrice(c.unitPrice)}`];
}

function resourceName(address: string, instances: number): string {
  return `${address}${instances > 1 ? ` (×${instances})` : ''}`;
}
