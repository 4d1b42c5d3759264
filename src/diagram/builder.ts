/**
 * Collects nodes and edges under stable keys and hands out Mermaid-safe ids, so both diagram
 * sources build the same way and the output is deterministic.
 */
import { KIND_ORDER, ZONE_ORDER, type ArchitectureDiagram, type DiagramEdge, type DiagramNode, type EdgeStyle } from './types.js';

const ID_PREFIX: Record<DiagramNode['kind'], string> = {
  internet: 'net',
  cdn: 'cdn',
  bucket: 's3',
  'load-balancer': 'lb',
  service: 'svc',
  worker: 'wrk',
  database: 'db',
  'file-system': 'fs',
  secrets: 'sec',
  nat: 'nat',
  data: 'data',
  external: 'ext',
};

export class DiagramBuilder {
  private readonly byKey = new Map<string, DiagramNode>();
  private readonly ids = new Set<string>();
  private readonly edges = new Map<string, { readonly from: string; readonly to: string; readonly style: EdgeStyle; readonly labels: Set<string> }>();

  /**
   * The node under `key` (`kind:name`, e.g. `service:ui-iot`), created on first use; later specs
   * for the same key are ignored. The id is made from the kind and `idHint` (default: the name).
   */
  node(key: string, spec: Omit<DiagramNode, 'id'>, idHint?: string): string {
    const existing = this.byKey.get(key);
    if (existing) return existing.id;
    const name = idHint ?? (key.includes(':') ? key.slice(key.indexOf(':') + 1) : key);
    const id = this.uniqueId(`${ID_PREFIX[spec.kind]}_${slug(name)}`);
    this.byKey.set(key, { id, ...spec });
    return id;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  idOf(key: string): string | undefined {
    return this.byKey.get(key)?.id;
  }

  /** One edge per pair and style; labels of repeated edges are merged. */
  edge(from: string, to: string, style: EdgeStyle, label?: string): void {
    if (from === to) return;
    const key = `${from}>${to}>${style}`;
    let edge = this.edges.get(key);
    if (!edge) this.edges.set(key, (edge = { from, to, style, labels: new Set() }));
    if (label) edge.labels.add(label);
  }

  build(title: string): ArchitectureDiagram {
    const nodes = [...this.byKey.values()].sort(
      (a, b) => ZONE_ORDER.indexOf(a.zone) - ZONE_ORDER.indexOf(b.zone) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id),
    );
    const edges: DiagramEdge[] = [...this.edges.values()]
      .map(({ from, to, style, labels }) => ({ from, to, style, ...(labels.size > 0 ? { label: [...labels].sort().join('; ') } : {}) }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.style.localeCompare(b.style));
    return { title, nodes, edges };
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}_${n}`;
    this.ids.add(id);
    return id;
  }
}

/** `ui-iot`, `Keycloak DB` → `ui_iot`, `keycloak_db`. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'node';
}
