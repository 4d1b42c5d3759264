/** The one line `generate` prints under its summary. */
import { formatUsd } from './render/format.js';
import type { CostEstimate } from './types.js';

export function costSummaryLine(estimate: CostEstimate): string {
  const top = estimate.byService
    .slice(0, 3)
    .map((s) => `${s.service} ${formatUsd(s.monthlyUsd)}`)
    .join(', ');
  const missing = estimate.notEstimated.length > 0 ? `; ${estimate.notEstimated.length} not estimated` : '';
  return `~${formatUsd(estimate.totalMonthlyUsd)} a month (${top}${missing}; ${estimate.region} prices of ${estimate.pricesAsOf}; details: ecsform cost)`;
}
