/** The cost table: by service, by resource with its charges, what was not estimated, the assumptions. */
import { formatUsd, type ComponentStatus, type CostComponent } from '../../../cost/index.js';
import type { ReportInput } from '../../types.js';
import { html, type Markup } from '../markup.js';

export function costSection(input: ReportInput): Markup {
  const { estimate } = input;
  const total = estimate.totalMonthlyUsd;
  const top = Math.max(...estimate.byService.map((s) => s.monthlyUsd), 0);
  return html`<section id="cost" aria-labelledby="cost-h">
<h2 id="cost-h">Monthly cost: ${formatUsd(total)}</h2>
<p class="lede">${estimate.currency}, ${estimate.region} prices of ${estimate.pricesAsOf}, ${estimate.hoursPerMonth} hours a month. Quantities that depend on traffic use the usage assumptions listed below; set them with <code>ecsform cost --usage FILE</code>. Prices not confirmed by AWS or two sources are tagged.</p>
${estimate.warnings.map((w) => html`<p><span class="badge sev-medium">warning</span> ${w}</p>`)}
<table>
<caption>By service</caption>
<thead><tr><th scope="col">Service</th><th scope="col" class="num">Monthly</th><th scope="col">Share</th></tr></thead>
<tbody>${estimate.byService.map(
    (s) => html`<tr><th scope="row">${s.service}</th><td class="num">${formatUsd(s.monthlyUsd)}</td>
<td><span class="bar" style="width:${top === 0 ? 0 : Math.max(2, Math.round((s.monthlyUsd / top) * 240))}px" aria-hidden="true"></span>${total === 0 ? '0' : ((s.monthlyUsd / total) * 100).toFixed(1)}%</td></tr>`,
  )}</tbody>
</table>
<table id="cost-resources">
<caption>By resource (${estimate.resources.length})</caption>
<thead><tr><th scope="col">Resource</th><th scope="col">Charges</th><th scope="col" class="num">Monthly</th></tr></thead>
<tbody>${estimate.resources.map(
    (r) => html`<tr><th scope="row"><code>${r.address}</code>${r.instances > 1 ? html` <span class="badge sev-info">×${r.instances}</span>` : ''}<div class="where">${r.file}:${r.line}</div>${r.details.map((d) => html`<div class="hint">${d}</div>`)}</th>
<td><ul class="components">${r.components.map((c) => html`<li>${componentText(c)}</li>`)}</ul></td><td class="num">${formatUsd(r.monthlyUsd)}</td></tr>`,
  )}</tbody>
<tfoot><tr><td colspan="2">Total</td><td class="num">${formatUsd(total)}</td></tr></tfoot>
</table>
<h3 id="not-estimated">Not estimated (${estimate.notEstimated.length})</h3>
${
  estimate.notEstimated.length === 0
    ? html`<p class="empty">Everything with a price was estimated.</p>`
    : html`<ul class="plain">${estimate.notEstimated.map((n) => html`<li><code>${n.address}</code> <span class="where">${n.file}:${n.line}</span>: ${n.reason}</li>`)}</ul>`
}
<table>
<caption>Usage assumptions</caption>
<thead><tr><th scope="col">Key</th><th scope="col" class="num">Value</th><th scope="col" class="num">Default</th><th scope="col">Meaning</th></tr></thead>
<tbody>${estimate.assumptions.map((a) => html`<tr><th scope="row"><code>${a.key}</code></th><td class="num">${a.value.toLocaleString('en-US')}</td><td class="num">${a.defaultValue.toLocaleString('en-US')}</td><td>${a.description}</td></tr>`)}</tbody>
</table>
</section>`;
}

function componentText(c: CostComponent): Markup {
  const quantity = c.quantity.toLocaleString('en-US', { maximumFractionDigits: 3 });
  const price = `$${c.unitPrice.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
  return html`${c.name}: ${quantity} ${c.unit} × ${price} = <strong>${formatUsd(c.monthlyUsd)}</strong>${statusBadge(c.status)}${c.adjustment ? html` <span class="hint">(${c.adjustment})</span>` : ''}`;
}

function statusBadge(status: ComponentStatus): Markup | string {
  if (status === 'confirmed') return '';
  const label = status === 'confirmed-secondary' ? 'secondary source' : status;
  const css = status === 'confirmed-secondary' ? 'secondary' : status;
  return html` <span class="badge status-${css}">${label}</span>`;
}
