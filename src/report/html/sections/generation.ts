/** What `generate` decided about each Compose key and where it landed, plus its warnings. */
import type { ExplainEntry } from '../../../explain.js';
import type { GenerationInfo } from '../../types.js';
import { anchor, html, type Markup } from '../markup.js';

export function generationSection(generation: GenerationInfo): Markup {
  const groups = new Map<string, ExplainEntry[]>();
  for (const entry of generation.decisions) groups.set(entry.service ?? '(project)', [...(groups.get(entry.service ?? '(project)') ?? []), entry]);
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
  return html`<section id="generation" aria-labelledby="generation-h">
<h2 id="generation-h">Generation: decisions and warnings</h2>
<p class="lede">What <code>ecsform generate</code> made of ${generation.composeFiles.join(', ')}: every Compose key it mapped, approximated, rewrote, inferred or ignored, and the Terraform that carries it. Services with an approximated or ignored key are open.</p>
<h3 id="generation-warnings">Warnings (${generation.warnings.length})</h3>
${
  generation.warnings.length === 0
    ? html`<p class="empty">No warnings.</p>`
    : html`<ul class="plain">${generation.warnings.map(
        (w) => html`<li><span class="badge sev-${w.severity}">${w.severity}</span> <span class="mono">${w.file ?? ''}${w.line !== undefined ? `:${w.line}` : ''}</span> ${w.message}${w.hint ? html`<div class="hint">${w.hint}</div>` : ''}</li>`,
      )}</ul>`
}
<h3>Decisions (${generation.decisions.length})</h3>
<nav aria-label="Decisions by service"><ul class="chips">${sorted.map(([service, list]) => html`<li><a href="#decisions-${anchor(service)}">${service} (${list.length})</a></li>`)}</ul></nav>
${sorted.map(
  ([service, list]) => html`<details id="decisions-${anchor(service)}"${list.some((e) => e.outcome === 'ignored' || e.outcome === 'approximated') ? ' open' : ''}><summary>${service}: ${outcomeCounts(list)}</summary>
<table><caption>${service}</caption>
<thead><tr><th scope="col">Outcome</th><th scope="col">Compose key</th><th scope="col">Decision</th><th scope="col">In the Terraform</th></tr></thead>
<tbody>${list
    .slice()
    .sort((a, b) => a.at.line - b.at.line || a.path.localeCompare(b.path))
    .map(
      (e) => html`<tr><td><span class="badge ${e.outcome === 'ignored' ? 'sev-medium' : e.outcome === 'approximated' ? 'sev-low' : 'sev-info'}">${e.outcome}</span></td>
<td><code>${e.path}</code><div class="where">${e.at.file}:${e.at.line}</div></td><td>${e.detail}</td>
<td>${e.locations.length === 0 ? html`<span class="empty">—</span>` : html`<ul class="components">${e.locations.map((l) => html`<li><code>${l.address}</code> <span class="where">${l.file}:${l.line}</span></li>`)}</ul>`}</td></tr>`,
    )}</tbody></table></details>`,
)}
</section>`;
}

/** `12 mapped, 2 rewritten`: what happened to a service's keys, at a glance. */
function outcomeCounts(list: readonly ExplainEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of list) counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([outcome, n]) => `${n} ${outcome}`).join(', ');
}
