/**
 * A grid layout for the architecture: columns by role (internet, entry points, services,
 * workers, data, outside systems), rows by zone (edge, public and private subnets, regional
 * services), so the picture reads left to right the way a request flows. Pure geometry, no
 * measuring: labels are truncated to what fits a node.
 */
import type { ArchitectureDiagram, DiagramNode, NodeKind, Zone } from './types.js';

export const NODE_WIDTH = 196;
export const NODE_HEIGHT = 50;
const NODE_GAP = 14;
const COLUMN_GAP = 84;
const INTERNET_GAP = 40;
const ZONE_PAD = 18;
const ZONE_TITLE = 24;
const ROW_GAP = 18;
const MARGIN = 16;

/** Column of each kind; services and workers take as many columns as their call chains are deep. */
type ColumnRole = 'internet' | 'entry' | 'compute' | 'data' | 'external';
const ROLE_OF: Record<NodeKind, ColumnRole> = {
  internet: 'internet',
  cdn: 'entry',
  'load-balancer': 'entry',
  nat: 'entry',
  service: 'compute',
  worker: 'compute',
  bucket: 'data',
  database: 'data',
  'file-system': 'data',
  data: 'data',
  secrets: 'data',
  external: 'external',
};

/** Zones drawn as rows inside the AWS box, top to bottom. */
const AWS_ROWS: readonly Zone[] = ['edge', 'public', 'private', 'regional'];

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedNode extends Box {
  readonly node: DiagramNode;
}

export interface PlacedZone extends Box {
  readonly zone: Zone | 'aws' | 'vpc';
  readonly label: string;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  /** Outer boxes first, so inner ones are drawn on top. */
  readonly zones: readonly PlacedZone[];
}

export function layoutDiagram(diagram: ArchitectureDiagram): Layout {
  const columnOf = assignColumns(diagram);
  // Only columns that hold a node take space.
  const used = [...new Set(columnOf.values())].sort((a, b) => a - b);
  const columnX = new Map<number, number>();
  // The internet column gets a wider gap: the labels of its edges sit there.
  for (const [index, column] of used.entries()) columnX.set(column, MARGIN + ZONE_PAD * 2 + index * (NODE_WIDTH + COLUMN_GAP) + (used[0] === 0 && index > 0 ? INTERNET_GAP : 0));
  const cell = (zone: Zone, column: number) => diagram.nodes.filter((n) => n.zone === zone && columnOf.get(n.id) === column);

  const outside = new Set(diagram.nodes.filter((n) => n.zone === 'internet' || n.zone === 'external').map((n) => columnOf.get(n.id)));
  const awsColumns = used.filter((c) => !outside.has(c));
  const rows = AWS_ROWS.filter((zone) => diagram.nodes.some((n) => n.zone === zone));
  const placed = new Map<string, PlacedNode>();
  const zones: PlacedZone[] = [];
  const awsLeft = (columnX.get(awsColumns[0] ?? 1) ?? MARGIN) - ZONE_PAD * 2;
  const awsRight = (columnX.get(awsColumns[awsColumns.length - 1] ?? 1) ?? MARGIN) + NODE_WIDTH + ZONE_PAD * 2;
  const awsTop = MARGIN;
  let y = awsTop + ZONE_TITLE + ZONE_PAD;

  const rowBoxes = new Map<Zone, Box>();
  const inVpc = (zone: Zone | undefined) => zone === 'public' || zone === 'private';
  rows.forEach((zone, index) => {
    // Room for the VPC box's own title above its first subnet row, and its border below the last.
    if (inVpc(zone) && !inVpc(rows[index - 1])) y += ZONE_TITLE;
    const top = y;
    const stack = Math.max(...awsColumns.map((c) => cell(zone, c).length), 1);
    for (const column of awsColumns) {
      cell(zone, column).forEach((node, i) => {
        placed.set(node.id, { node, x: columnX.get(column)!, y: top + ZONE_TITLE + i * (NODE_HEIGHT + NODE_GAP), width: NODE_WIDTH, height: NODE_HEIGHT });
      });
    }
    const height = ZONE_TITLE + stack * (NODE_HEIGHT + NODE_GAP) - NODE_GAP + ZONE_PAD;
    rowBoxes.set(zone, { x: awsLeft + ZONE_PAD, y: top - 6, width: awsRight - awsLeft - ZONE_PAD * 2, height });
    y = top + height + ROW_GAP + (inVpc(zone) && !inVpc(rows[index + 1]) ? 8 : 0);
  });
  const awsBottom = rows.length > 0 ? y - ROW_GAP + ZONE_PAD : awsTop;

  if (rows.length > 0) zones.push({ zone: 'aws', label: 'AWS', x: awsLeft, y: awsTop, width: awsRight - awsLeft, height: awsBottom - awsTop });
  const subnets = (['public', 'private'] as const).map((z) => rowBoxes.get(z)).filter((b): b is Box => b !== undefined);
  if (subnets.length > 0) {
    const top = Math.min(...subnets.map((b) => b.y)) - ZONE_TITLE - 2;
    const bottom = Math.max(...subnets.map((b) => b.y + b.height)) + 8;
    zones.push({ zone: 'vpc', label: 'VPC', x: awsLeft + ZONE_PAD / 2, y: top, width: awsRight - awsLeft - ZONE_PAD, height: bottom - top });
  }
  for (const zone of rows) {
    const box = rowBoxes.get(zone)!;
    const inset = zone === 'public' || zone === 'private' ? 6 : 0;
    zones.push({ zone, label: ZONE_LABELS[zone], x: box.x + inset, y: box.y, width: box.width - inset * 2, height: box.height });
  }

  // The internet and outside systems sit beside the AWS box, level with what they talk to.
  const middle = (awsTop + Math.max(awsBottom, awsTop + NODE_HEIGHT)) / 2;
  for (const zone of ['internet', 'external'] as const) {
    const nodes = diagram.nodes.filter((n) => n.zone === zone);
    if (nodes.length === 0) continue;
    const x = columnX.get(columnOf.get(nodes[0]!.id)!)!;
    const total = nodes.length * (NODE_HEIGHT + NODE_GAP) - NODE_GAP;
    const neighbours = diagram.edges
      .filter((e) => nodes.some((n) => n.id === e.from || n.id === e.to))
      .map((e) => placed.get(nodes.some((n) => n.id === e.from) ? e.to : e.from))
      .filter((p): p is PlacedNode => p !== undefined);
    const centre = neighbours.length > 0 ? neighbours.reduce((sum, p) => sum + p.y + p.height / 2, 0) / neighbours.length : middle;
    const top = Math.max(MARGIN + ZONE_TITLE, centre - total / 2);
    for (const [i, node] of nodes.entries()) placed.set(node.id, { node, x, y: top + i * (NODE_HEIGHT + NODE_GAP), width: NODE_WIDTH, height: NODE_HEIGHT });
    if (zone === 'external') zones.push({ zone, label: ZONE_LABELS.external, x: x - ZONE_PAD, y: top - ZONE_TITLE - 6, width: NODE_WIDTH + ZONE_PAD * 2, height: total + ZONE_TITLE + ZONE_PAD + 6 });
  }

  const boxes: Box[] = [...placed.values(), ...zones];
  const width = Math.max(...boxes.map((b) => b.x + b.width), 0) + MARGIN;
  const height = Math.max(...boxes.map((b) => b.y + b.height), 0) + MARGIN;
  return { width, height, nodes: placed, zones };
}

/**
 * Columns left to right: internet, entry points, then services and workers by how deep in a call
 * chain they are (a service others call sits right of its callers), data, outside systems.
 */
function assignColumns(diagram: ArchitectureDiagram): Map<string, number> {
  const compute = new Set(diagram.nodes.filter((n) => ROLE_OF[n.kind] === 'compute').map((n) => n.id));
  const calls = diagram.edges.filter((e) => e.style === 'traffic' && compute.has(e.from) && compute.has(e.to));
  const depth = new Map([...compute].map((id) => [id, 0]));
  // Longest path by relaxation; a cycle stops growing after as many rounds as there are nodes.
  for (let round = 0; round < compute.size; round++) {
    let changed = false;
    for (const call of calls) {
      const next = depth.get(call.from)! + 1;
      if (next > depth.get(call.to)! && next < compute.size) {
        depth.set(call.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const computeColumns = compute.size === 0 ? 0 : Math.max(...depth.values()) + 1;
  const columns = new Map<string, number>();
  for (const node of diagram.nodes) {
    const role = ROLE_OF[node.kind];
    const column =
      role === 'internet' ? 0 : role === 'entry' ? 1 : role === 'compute' ? 2 + depth.get(node.id)! : role === 'data' ? 2 + computeColumns : 3 + computeColumns;
    columns.set(node.id, column);
  }
  return columns;
}

const ZONE_LABELS: Record<Zone, string> = {
  internet: 'Internet',
  edge: 'Edge (global)',
  public: 'Public subnets',
  private: 'Private subnets',
  regional: 'Regional services',
  external: 'Outside AWS',
};
