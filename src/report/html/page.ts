/**
 * The report as one self-contained HTML page: inline CSS, an inline SVG diagram, no script and no
 * external resource, so it opens offline, from a CI artifact or an e-mail attachment alike.
 */
import type { ReportInput } from '../types.js';
import { html, raw } from './markup.js';
import { architectureSection } from './sections/architecture.js';
import { costSection } from './sections/cost.js';
import { findingsSection } from './sections/findings.js';
import { generationSection } from './sections/generation.js';
import { resourcesSection } from './sections/resources.js';
import { summarySection } from './sections/summary.js';
import { STYLES } from './styles.js';

export function renderReport(input: ReportInput): string {
  const sections = [
    { id: 'summary', title: 'Summary' },
    { id: 'architecture', title: 'Architecture' },
    { id: 'cost', title: 'Cost' },
    { id: 'findings', title: 'Findings' },
    { id: 'resources', title: 'Resources' },
    ...(input.generation ? [{ id: 'generation', title: 'Generation' }] : []),
  ];
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ecsform ${input.version}">
<title>ecsform report: ${input.title}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="masthead"><div class="wrap">
<p class="eyebrow">ecsform report</p>
<h1>${input.title}</h1>
<p>Terraform in <code>${input.source}</code>: ${input.files} files, ${input.modules} module${input.modules === 1 ? '' : 's'}${input.generation ? html`, generated from ${input.generation.composeFiles.join(', ')}` : ''}.</p>
</div></header>
<nav class="toc" aria-label="Sections"><ul>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ul></nav>
<main id="main" class="wrap">
${summarySection(input)}
${architectureSection(input)}
${costSection(input)}
${findingsSection(input)}
${resourcesSection(input)}
${input.generation ? generationSection(input.generation) : ''}
</main>
<footer class="wrap">Made by ecsform ${input.version} offline: nothing was read from AWS. Prices from data/prices-${input.estimate.region}.json (${input.estimate.pricesAsOf}); see docs/cost.md for sources and assumptions.</footer>
</body>
</html>
`;
  return page.text;
}
