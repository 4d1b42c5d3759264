/** Resources by type: how many blocks and instances, and where each is declared. */
import type { ReportInput } from '../../types.js';
import { html, type Markup } from '../markup.js';

export function resourcesSection(input: ReportInput): Markup {
  const { inventory } = input;
  return html`<section id="resources" aria-labelledby="resources-h">
<h2 id="resources-h">Resources (${inventory.instances})</h2>
<p class="lede">${inventory.blocks} resource blocks of ${inventory.types.length} types; instances count what <code>count</code> and <code>for_each</code> make, where their values are known offline. ${inventory.dataSources} data sources are read, not created.</p>
<table>
<thead><tr><th scope="col">Type</th><th scope="col" class="num">Blocks</th><th scope="col" class="num">Instances</th><th scope="col">Declared at</th></tr></thead>
<tbody>${inventory.types.map(
    (t) => html`<tr><th scope="row"><code>${t.type}</code></th><td class="num">${t.entries.length}</td><td class="num">${t.instances}${t.partial ? '+' : ''}</td>
<td>${t.entries.length <= 3 ? entries(t.entries) : html`<details><summary>${t.entries.length} blocks</summary>${entries(t.entries)}</details>`}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

function entries(list: ReportInput['inventory']['types'][number]['entries']): Markup {
  return html`<ul class="components">${list.map(
    (e) =>
      html`<li><code>${e.address}</code> <span class="where">${e.file}:${e.line}</span>${typeof e.instances === 'number' ? (e.instances !== 1 ? ` ×${e.instances}` : '') : html` <span class="hint">(instances unknown: ${e.instances.why})</span>`}</li>`,
  )}</ul>`;
}
