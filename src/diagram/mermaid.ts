/**
 * Mermaid `flowchart` text of a diagram: zones as nested subgraphs, solid arrows for traffic,
 * dotted ones for use. Ids are already safe; labels are escaped with Mermaid's entity codes.
 */
import { ZONES, type ArchitectureDiagram, type DiagramNode, type NodeKind } from './types.js';

const SHAPES: Record<NodeKind, readonly [string, string]> = {
  internet: ['((', '))'],
  cdn: ['[/', '/]'],
  bucket: ['[(', ')]'],
  'load-balancer': ['{{', '}}'],
  service: ['[', ']'],
  worker: ['[[', ']]'],
  database: ['[(', ')]'],
  'file-system': ['[(', ')]'],
  secrets: ['{{', '}}'],
  nat: ['[/', '\\]'],
  data: ['[(', ')]'],
  external: ['>', ']'],
};

export function renderMermaid(diagram: ArchitectureDiagram): string {
  const lines = ['flowchart LR', `  %% ${comment(diagram.title)}`];
  const present = new Set(diagram.nodes.map((n) => n.zone as string));
  if (present.has('public') || present.has('private')) present.add('vpc');
  if (['edge', 'vpc', 'regional'].some((z) => present.has(z))) present.add('aws');

  const writeZone = (zone: string, depth: number): void => {
    const info = ZONES.find((z) => z.zone === zone)!;
    const indent = '  '.repeat(depth);
    const grouped = zone !== 'internet';
    if (grouped) lines.push(`${indent}subgraph zone_${zone}["${escapeLabel(info.label)}"]`);
    const inner = grouped ? `${indent}  ` : indent;
    for (const node of diagram.nodes.filter((n) => n.zone === zone)) lines.push(`${inner}${nodeLine(node)}`);
    for (const child of ZONES.filter((z) => z.parent === zone && present.has(z.zone))) writeZone(child.zone, depth + 1);
    if (grouped) lines.push(`${indent}end`);
  };
  for (const zone of ZONES.filter((z) => z.parent === undefined && present.has(z.zone))) writeZone(zone.zone, 1);

  for (const edge of diagram.edges) {
    const arrow = edge.style === 'traffic' ? '-->' : '-.->';
    lines.push(`  ${edge.from} ${arrow}${edge.label ? `|"${escapeLabel(edge.label)}"|` : ''} ${edge.to}`);
  }
  const byKind = new Map<NodeKind, string[]>();
  for (const node of diagram.nodes) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node.id]);
  for (const [kind, ids] of byKind) {
    const className = kind.replace('-', '_');
    lines.push(`  classDef ${className} ${CLASS_STYLES[kind]}`, `  class ${ids.join(',')} ${className}`);
  }
  return `${lines.join('\n')}\n`;
}

const CLASS_STYLES: Record<NodeKind, string> = {
  internet: 'fill:#eef2ff,stroke:#3730a3,color:#1e1b4b',
  cdn: 'fill:#f5f3ff,stroke:#6d28d9,color:#2e1065',
  bucket: 'fill:#f0fdf4,stroke:#15803d,color:#052e16',
  'load-balancer': 'fill:#f5f3ff,stroke:#6d28d9,color:#2e1065',
  service: 'fill:#fff7ed,stroke:#c2410c,color:#431407',
  worker: 'fill:#fffbeb,stroke:#a16207,color:#422006',
  database: 'fill:#eff6ff,stroke:#1d4ed8,color:#172554',
  'file-system': 'fill:#f0fdf4,stroke:#15803d,color:#052e16',
  secrets: 'fill:#fef2f2,stroke:#b91c1c,color:#450a0a',
  nat: 'fill:#f8fafc,stroke:#475569,color:#0f172a',
  data: 'fill:#eff6ff,stroke:#1d4ed8,color:#172554',
  external: 'fill:#f8fafc,stroke:#475569,color:#0f172a,stroke-dasharray:4 3',
};

function nodeLine(node: DiagramNode): string {
  const [open, close] = SHAPES[node.kind];
  const text = node.detail ? `${escapeLabel(node.label)}<br/><small>${escapeLabel(node.detail)}</small>` : escapeLabel(node.label);
  return `${node.id}${open}"${text}"${close}`;
}

/**
 * Text safe inside a quoted Mermaid label: `#` starts an entity code, quotes end the label, `<`
 * and `>` would be read as HTML, `|` ends an edge label.
 */
export function escapeLabel(text: string): string {
  return text.replace(/[#"<>&|`{}[\]\\]/g, (c) => `#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

function comment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
