/**
 * The report's only stylesheet, inlined. System fonts, a readable measure, AA contrast for all
 * text (badges included), visible focus, print and dark-mode friendly.
 */
export const STYLES = `
:root {
  --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --paper: #ffffff; --tint: #f8fafc; --accent: #1d4ed8;
  --error-bg: #fee2e2; --error-ink: #7f1d1d; --high-bg: #ffedd5; --high-ink: #7c2d12; --medium-bg: #fef9c3; --medium-ink: #713f12;
  --low-bg: #dbeafe; --low-ink: #1e3a8a; --info-bg: #e2e8f0; --info-ink: #1e293b; --ok-bg: #dcfce7; --ok-ink: #14532d;
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: var(--ink); background: var(--paper); line-height: 1.5; }
body { margin: 0; font-size: 15px; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: 8px 12px; }
.skip:focus { left: 8px; }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
header.masthead { background: #0f172a; color: #f8fafc; padding: 28px 0 20px; }
header.masthead h1 { margin: 4px 0 6px; font-size: 28px; letter-spacing: -0.01em; }
header.masthead p { margin: 0; color: #cbd5e1; }
header.masthead .eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: #93c5fd; font-weight: 600; }
nav.toc { position: sticky; top: 0; z-index: 2; background: #ffffffee; border-bottom: 1px solid var(--line); backdrop-filter: blur(4px); }
nav.toc ul { list-style: none; margin: 0 auto; padding: 10px 24px; display: flex; gap: 20px; flex-wrap: wrap; max-width: 1320px; }
nav.toc a { text-decoration: none; font-weight: 600; color: var(--ink); }
nav.toc a:hover { color: var(--accent); text-decoration: underline; }
section { padding: 28px 0 8px; border-bottom: 1px solid var(--line); scroll-margin-top: 52px; }
section:last-of-type { border-bottom: 0; }
h2 { font-size: 22px; margin: 0 0 4px; }
h3 { font-size: 17px; margin: 22px 0 8px; }
.lede { color: var(--muted); margin: 0 0 16px; max-width: 80ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; margin: 8px 0 12px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; background: var(--tint); }
.card h3 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.card p.figure { color: var(--ink); font-size: 30px; font-weight: 700; letter-spacing: -0.02em; margin: 0; }
.card p { margin: 4px 0 0; color: var(--muted); font-size: 14px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; padding: 0; list-style: none; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12.5px; font-weight: 600; white-space: nowrap; }
.sev-error, .sev-critical { background: var(--error-bg); color: var(--error-ink); }
.sev-high { background: var(--high-bg); color: var(--high-ink); }
.sev-medium { background: var(--medium-bg); color: var(--medium-ink); }
.sev-low { background: var(--low-bg); color: var(--low-ink); }
.sev-info, .status-probable, .status-secondary, .status-assumption { background: var(--info-bg); color: var(--info-ink); }
.status-third-party, .status-unconfirmed { background: var(--medium-bg); color: var(--medium-ink); }
.sev-none { background: var(--ok-bg); color: var(--ok-ink); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 4px 0 8px; color: var(--ink); }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
tbody th { font-weight: 500; }
thead th { background: var(--tint); font-size: 12.5px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
.components { margin: 4px 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 13px; }
.components li { margin: 1px 0; }
.bar { display: inline-block; height: 10px; background: #60a5fa; border-radius: 2px; vertical-align: middle; margin-right: 8px; }
.where { color: var(--muted); font-size: 13px; }
.hint { color: var(--muted); font-size: 13px; margin-top: 2px; }
figure.diagram { margin: 8px 0 12px; border: 1px solid var(--line); border-radius: 10px; padding: 12px; overflow-x: auto; background: #fff; }
figure.diagram svg { width: 100%; min-width: 960px; height: auto; display: block; }
figure.diagram figcaption { color: var(--muted); font-size: 13px; margin-top: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; padding: 0; margin: 8px 0 0; list-style: none; font-size: 13px; color: var(--muted); }
.legend .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; border: 1.5px solid; vertical-align: -1px; margin-right: 5px; }
details { margin: 8px 0 14px; }
td details { margin: 0; }
details > summary { cursor: pointer; font-weight: 600; }
details pre { background: var(--tint); border: 1px solid var(--line); border-radius: 8px; padding: 12px; overflow-x: auto; font-size: 12.5px; }
ul.plain { padding-left: 18px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; padding: 24px 0 40px; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e2e8f0; --muted: #94a3b8; --line: #334155; --paper: #0b1120; --tint: #111827; --accent: #93c5fd; }
  nav.toc { background: #0b1120ee; }
  thead th { color: #cbd5e1; }
  figure.diagram { background: #fff; }
}
@media print {
  nav.toc, .skip { display: none; }
  section { break-inside: avoid-page; }
  details { display: block; }
}
`;
