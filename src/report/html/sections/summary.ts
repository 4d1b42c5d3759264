/** The top of the report: what it costs, how big it is, what verify found, what drives the cost. */
import { formatUsd } from '../../../cost/index.js';
import { SEVERITIES } from '../../../diagnostics/finding.js';
import type { ReportInput } from '../../types.js';
import { html, type Markup } from '../markup.js';

export function summarySection(input: ReportInput): Markup {
  const { estimate, inventory } = input;
  const active = input.findings.filter((f) => !f.suppressed);
  const suppressed = input.findings.length - active.length;
  const counts = SEVERITIES.map((severity) => ({ severity, n: active.filter((f) => f.severity === severity).length })).filter((c) => c.n > 0);
  const drivers = estimate.byService.slice(0, 3);
  return html`<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="cards">
<div class="card"><h3>Monthly cost</h3><p class="figure">${formatUsd(estimate.totalMonthlyUsd)}</p>
<p>${estimate.region} prices of ${estimate.pricesAsOf}, default usage unless set${estimate.notEstimated.length > 0 ? html`; <a href="#not-estimated">${estimate.notEstimated.length} not estimated</a>` : ''}.</p></div>
<div class="card"><h3>Resources</h3><p class="figure">${inventory.instances}</p>
<p>${inventory.blocks} resource blocks of ${inventory.types.length} types, ${inventory.dataSources} data sources, in ${input.files} files.</p></div>
<div class="card"><h3>Findings</h3><p class="figure">${active.length}</p>
<ul class="chips" aria-label="Findings by severity">${counts.length === 0 ? html`<li><span class="badge sev-none">none</span></li>` : counts.map((c) => html`<li><a href="#findings-${c.severity}"><span class="badge sev-${c.severity}">${c.n} ${c.severity}</span></a></li>`)}</ul>
${suppressed > 0 ? html`<p><a href="#findings-suppressed">${suppressed} suppressed</a> with a reason.</p>` : ''}</div>
<div class="card"><h3>Cost drivers</h3>
${drivers.length === 0 ? html`<p class="empty">Nothing priced.</p>` : html`<ol class="plain">${drivers.map((d) => html`<li>${d.service}: ${formatUsd(d.monthlyUsd)} (${share(d.monthlyUsd, estimate.totalMonthlyUsd)})</li>`)}</ol>`}</div>
</div>
</section>`;
}

function share(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}
