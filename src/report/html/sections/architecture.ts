/** The diagram as inline SVG, a legend, the connections as text, and the Mermaid source. */
import { describeEdge, KIND_NAMES, renderSvg, type NodeKind } from '../../../diagram/index.js';
import type { ReportInput } from '../../types.js';
import { html, raw, type Markup } from '../markup.js';

const SWATCHES: Record<NodeKind, string> = {
  internet: '#3730a3',
  cdn: '#6d28d9',
  'load-balancer': '#6d28d9',
  nat: '#475569',
  service: '#c2410c',
  worker: '#a16207',
  bucket: '#15803d',
  database: '#1d4ed8',
  'file-system': '#15803d',
  data: '#1d4ed8',
  secrets: '#b91c1c',
  external: '#475569',
};

export function architectureSection(input: ReportInput): Markup {
  const { diagram } = input;
  const kinds = [...new Set(diagram.nodes.map((n) => n.kind))];
  return html`<section id="architecture" aria-labelledby="architecture-h">
<h2 id="architecture-h">Architecture</h2>
<p class="lede">Solid arrows carry requests; dashed ones mean “uses” (reads secrets, mounts a file system). ${input.generation ? 'Drawn from the Compose model.' : 'Inferred from the resource types and references in the Terraform.'}</p>
${
  diagram.nodes.length === 0
    ? html`<p class="empty">No resources to draw.</p>`
    : html`<figure class="diagram">${raw(renderSvg(diagram, { id: 'architecture-svg' }))}
<figcaption>${diagram.nodes.length} nodes, ${diagram.edges.length} connections.
<ul class="legend">${kinds.map((k) => html`<li><span class="swatch" style="border-color:${SWATCHES[k]}"></span>${KIND_NAMES[k]}</li>`)}</ul></figcaption></figure>`
}
<details><summary>Connections as text (${diagram.edges.length})</summary>
<ul class="plain">${diagram.edges.map((e) => html`<li>${describeEdge(diagram, e)}</li>`)}</ul></details>
<details><summary>Mermaid source</summary>
<p class="hint">Paste it into a Markdown file: GitHub and GitLab render it.</p>
<pre><code>${input.mermaid}</code></pre></details>
</section>`;
}
