/**
 * The diagram as a self-contained SVG: no script, no external font or style, so it renders in
 * the report without a network and in any viewer. Nodes carry `data-node-id` and a `<title>`
 * with the full text; the whole picture has a title and a description for screen readers.
 */
import { layoutDiagram, type PlacedNode } from './layout.js';
import type { ArchitectureDiagram, DiagramEdge, NodeKind } from './types.js';

const COLOURS: Record<NodeKind, { fill: string; stroke: string }> = {
  internet: { fill: '#eef2ff', stroke: '#3730a3' },
  cdn: { fill: '#f5f3ff', stroke: '#6d28d9' },
  'load-balancer': { fill: '#f5f3ff', stroke: '#6d28d9' },
  nat: { fill: '#f1f5f9', stroke: '#475569' },
  service: { fill: '#fff7ed', stroke: '#c2410c' },
  worker: { fill: '#fefce8', stroke: '#a16207' },
  bucket: { fill: '#f0fdf4', stroke: '#15803d' },
  database: { fill: '#eff6ff', stroke: '#1d4ed8' },
  'file-system': { fill: '#f0fdf4', stroke: '#15803d' },
  data: { fill: '#eff6ff', stroke: '#1d4ed8' },
  secrets: { fill: '#fef2f2', stroke: '#b91c1c' },
  external: { fill: '#ffffff', stroke: '#475569' },
};

export const KIND_NAMES: Record<NodeKind, string> = {
  internet: 'Internet',
  cdn: 'CDN',
  'load-balancer': 'Load balancer',
  nat: 'NAT gateway',
  service: 'Service',
  worker: 'Worker',
  bucket: 'Bucket',
  database: 'Database',
  'file-system': 'File system',
  data: 'Data store',
  secrets: 'Secrets',
  external: 'Outside AWS',
};

/** Characters that fit a node line at the sizes used (13 px bold label, 11 px detail). */
const LABEL_CHARS = 24;
const DETAIL_CHARS = 30;

export function renderSvg(diagram: ArchitectureDiagram, options: { readonly id?: string } = {}): string {
  const id = options.id ?? 'architecture';
  const layout = layoutDiagram(diagram);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="architecture" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
  );
  out.push(`<title id="${id}-title">Architecture of ${escapeXml(diagram.title)}</title>`);
  out.push(`<desc id="${id}-desc">${escapeXml(describe(diagram))}</desc>`);
  out.push(
    '<defs>',
    `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#334155"/></marker>`,
    `<marker id="${id}-arrow-uses" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker>`,
    '</defs>',
  );
  for (const zone of layout.zones) {
    const dashed = zone.zone === 'external' ? ' stroke-dasharray="5 4"' : '';
    const fill = zone.zone === 'aws' ? '#fbfbfd' : zone.zone === 'vpc' ? '#f6f7fb' : '#ffffff';
    out.push(
      `<g class="zone" data-zone="${zone.zone}"><rect x="${zone.x}" y="${zone.y}" width="${zone.width}" height="${zone.height}" rx="10" fill="${fill}" stroke="#94a3b8"${dashed}/>` +
        `<text x="${zone.x + 12}" y="${zone.y + 17}" font-size="12" font-weight="600" fill="#334155">${escapeXml(zone.label)}</text></g>`,
    );
  }
  const edgeLabels: string[] = [];
  for (const edge of diagram.edges) {
    const from = layout.nodes.get(edge.from);
    const to = layout.nodes.get(edge.to);
    if (!from || !to) continue;
    const path = edgePath(from, to);
    const uses = edge.style === 'uses';
    out.push(
      `<path class="edge edge-${edge.style}" data-from="${edge.from}" data-to="${edge.to}" d="${path.d}" fill="none" stroke="${uses ? '#94a3b8' : '#334155'}" stroke-width="${uses ? 1.2 : 1.6}"${uses ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#${id}-arrow${uses ? '-uses' : ''})"><title>${escapeXml(describeEdge(diagram, edge))}</title></path>`,
    );
    if (edge.label) {
      const text = truncate(edge.label, 28);
      const width = text.length * 6.2 + 8;
      let cx = path.mid.x;
      if (path.maxRight !== undefined) cx = Math.min(cx, path.maxRight - width / 2);
      if (path.minLeft !== undefined) cx = Math.max(cx, path.minLeft + width / 2);
      edgeLabels.push(
        `<g class="edge-label"><rect x="${round(cx - width / 2)}" y="${round(path.mid.y - 9)}" width="${round(width)}" height="16" rx="3" fill="#ffffff" fill-opacity="0.92"/>` +
          `<text x="${round(cx)}" y="${round(path.mid.y + 3)}" font-size="11" text-anchor="middle" fill="#1e293b">${escapeXml(text)}</text></g>`,
      );
    }
  }
  for (const placed of layout.nodes.values()) out.push(nodeSvg(placed));
  // Labels last, so a label never hides behind a node it passes.
  out.push(...edgeLabels);
  out.push('</svg>');
  return out.join('\n');
}

function nodeSvg(placed: PlacedNode): string {
  const { node, x, y, width, height } = placed;
  const colour = COLOURS[node.kind];
  const rx = node.kind === 'internet' ? height / 2 : node.kind === 'database' || node.kind === 'bucket' || node.kind === 'file-system' || node.kind === 'data' ? 14 : 6;
  const dashed = node.kind === 'external' ? ' stroke-dasharray="5 3"' : '';
  const lines = [`<text x="${x + 12}" y="${y + (node.detail ? 21 : 30)}" font-size="13" font-weight="600" fill="#0f172a">${escapeXml(truncate(node.label, LABEL_CHARS))}</text>`];
  if (node.detail) lines.push(`<text x="${x + 12}" y="${y + 38}" font-size="11" fill="#334155">${escapeXml(truncate(node.detail, DETAIL_CHARS))}</text>`);
  const full = `${KIND_NAMES[node.kind]}: ${node.label}${node.detail ? ` (${node.detail})` : ''}`;
  return (
    `<g class="node node-${node.kind}" data-node-id="${node.id}" data-kind="${node.kind}" data-zone="${node.zone}"><title>${escapeXml(full)}</title>` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${rx}" fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="1.5"${dashed}/>` +
    `<rect x="${x}" y="${y + 8}" width="4" height="${height - 16}" fill="${colour.stroke}"/>` +
    `${lines.join('')}</g>`
  );
}

/** A horizontal-tangent curve between the facing sides of two nodes; around the right side within a column. */
interface EdgeGeometry {
  readonly d: string;
  /** Where the label goes, kept clear of the target node by `maxRight`/`minLeft`. */
  readonly mid: { readonly x: number; readonly y: number };
  readonly maxRight?: number;
  readonly minLeft?: number;
}

function edgePath(from: PlacedNode, to: PlacedNode): EdgeGeometry {
  const fy = from.y + from.height / 2;
  const ty = to.y + to.height / 2;
  if (Math.abs(from.x - to.x) < 1) {
    const x = from.x + from.width;
    const bulge = 36 + Math.min(60, Math.abs(ty - fy) / 6);
    return { d: `M${round(x)},${round(fy)} C${round(x + bulge)},${round(fy)} ${round(x + bulge)},${round(ty)} ${round(x + 2)},${round(ty)}`, mid: { x: x + bulge * 0.75, y: (fy + ty) / 2 } };
  }
  const forward = to.x > from.x;
  const sx = forward ? from.x + from.width : from.x;
  const tx = forward ? to.x - 2 : to.x + to.width + 2;
  const dx = (tx - sx) / 2;
  // The label sits near the target, in the gap before it, where long edges no longer cross other nodes.
  const at = bezierPoint([sx, fy], [sx + dx, fy], [tx - dx, ty], [tx, ty], 0.92);
  return { d: `M${round(sx)},${round(fy)} C${round(sx + dx)},${round(fy)} ${round(tx - dx)},${round(ty)} ${round(tx)},${round(ty)}`, mid: { x: at[0], y: at[1] }, ...(forward ? { maxRight: tx - 6 } : { minLeft: tx + 6 }) };
}

type Point = readonly [number, number];

function bezierPoint(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

function describe(diagram: ArchitectureDiagram): string {
  const counts = new Map<NodeKind, number>();
  for (const node of diagram.nodes) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${KIND_NAMES[kind].toLowerCase()}${n === 1 ? '' : 's'}`);
  return `${parts.join(', ')}; ${diagram.edges.length} connections. The connections are also listed as text below the diagram.`;
}

export function describeEdge(diagram: ArchitectureDiagram, edge: DiagramEdge): string {
  const label = (id: string) => diagram.nodes.find((n) => n.id === id)?.label ?? id;
  return `${label(edge.from)} ${edge.style === 'uses' ? 'uses' : '→'} ${label(edge.to)}${edge.label ? ` (${edge.label})` : ''}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
