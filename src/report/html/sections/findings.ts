/** What `check()` found, by severity, each with file:line; suppressed ones folded away with their reason. */
import { SEVERITIES, type Finding } from '../../../diagnostics/finding.js';
import type { ReportInput } from '../../types.js';
import { html, type Markup } from '../markup.js';

export function findingsSection(input: ReportInput): Markup {
  const active = input.findings.filter((f) => !f.suppressed);
  const suppressed = input.findings.filter((f) => f.suppressed);
  return html`<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings (${active.length})</h2>
<p class="lede">From <code>ecsform check</code>: syntax, formatting, the AWS provider schema, references, module hygiene and security rules, run offline on ${input.source}.</p>
${active.length === 0 ? html`<p><span class="badge sev-none">No findings</span></p>` : ''}
${SEVERITIES.map((severity) => {
  const list = active.filter((f) => f.severity === severity);
  return list.length === 0 ? '' : html`<h3 id="findings-${severity}"><span class="badge sev-${severity}">${severity}</span> ${list.length}</h3>${findingsTable(list, false)}`;
})}
${
  suppressed.length > 0
    ? html`<details id="findings-suppressed"><summary>Suppressed findings (${suppressed.length})</summary>
<p class="hint">Each is covered by an <code>ecsform:ignore</code> comment or an x-ecsform suppression, with the reason shown.</p>
${findingsTable(suppressed, true)}</details>`
    : ''
}
</section>`;
}

function findingsTable(findings: readonly Finding[], withReason: boolean): Markup {
  return html`<table><thead><tr><th scope="col">Where</th><th scope="col">Rule</th>${withReason ? html`<th scope="col">Severity</th>` : ''}<th scope="col">What</th></tr></thead>
<tbody>${findings.map(
    (f) => html`<tr><td class="mono">${location(f)}</td><td><code>${f.code}</code></td>${withReason ? html`<td><span class="badge sev-${f.severity}">${f.severity}</span></td>` : ''}
<td>${f.message}${f.path ? html` <span class="where">${f.path}</span>` : ''}${f.hint ? html`<div class="hint">${f.hint}</div>` : ''}${f.suppressed ? html`<div class="hint">Suppressed: ${f.suppressed.reason}</div>` : ''}</td></tr>`,
  )}</tbody></table>`;
}

function location(f: Finding): string {
  if (!f.file) return '—';
  return `${f.file}${f.line !== undefined ? `:${f.line}${f.column !== undefined ? `:${f.column}` : ''}` : ''}`;
}
