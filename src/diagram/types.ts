/**
 * The architecture as a graph: what runs where and who talks to whom. Built from the model of a
 * generated stack or inferred from any Terraform; rendered as Mermaid or as SVG.
 */

export type NodeKind = 'internet' | 'cdn' | 'bucket' | 'load-balancer' | 'service' | 'worker' | 'database' | 'file-system' | 'secrets' | 'nat' | 'data' | 'external';

/**
 * Where a node sits. Zones nest: `edge`, `vpc` (with `public` and `private` subnets) and
 * `regional` are inside `aws`; `internet` and `external` are outside it.
 */
export type Zone = 'internet' | 'edge' | 'public' | 'private' | 'regional' | 'external';

export interface DiagramNode {
  /** Safe as a Mermaid id and an HTML id fragment: `[a-z][a-z0-9_]*`. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly zone: Zone;
  readonly label: string;
  /** A second line: size, engine, what the external system is. */
  readonly detail?: string;
}

/** `traffic`: requests flow this way; `uses`: reads secrets, mounts a file system. */
export type EdgeStyle = 'traffic' | 'uses';

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly style: EdgeStyle;
}

export interface ArchitectureDiagram {
  readonly title: string;
  /** Sorted by zone, then kind, then label: the same input gives the same bytes. */
  readonly nodes: readonly DiagramNode[];
  /** Sorted by source, then target. */
  readonly edges: readonly DiagramEdge[];
}

export interface ZoneInfo {
  readonly zone: Zone | 'aws' | 'vpc';
  readonly label: string;
  readonly parent?: 'aws' | 'vpc';
}

/** The subgraphs, outermost first; a zone without nodes is left out when rendering. */
export const ZONES: readonly ZoneInfo[] = [
  { zone: 'internet', label: 'Internet' },
  { zone: 'aws', label: 'AWS' },
  { zone: 'edge', label: 'Edge (global)', parent: 'aws' },
  { zone: 'vpc', label: 'VPC', parent: 'aws' },
  { zone: 'public', label: 'Public subnets', parent: 'vpc' },
  { zone: 'private', label: 'Private subnets', parent: 'vpc' },
  { zone: 'regional', label: 'Regional services', parent: 'aws' },
  { zone: 'external', label: 'Outside AWS' },
];

export const ZONE_ORDER: readonly Zone[] = ['internet', 'edge', 'public', 'private', 'regional', 'external'];
export const KIND_ORDER: readonly NodeKind[] = ['internet', 'cdn', 'bucket', 'load-balancer', 'nat', 'service', 'worker', 'database', 'file-system', 'data', 'secrets', 'external'];
