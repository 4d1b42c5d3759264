/** Architecture diagrams: from the model of a generated stack or from any Terraform; Mermaid or SVG. */
export { diagramFromModel } from './from-model.js';
export { diagramFromModules } from './from-modules.js';
export { renderMermaid, escapeLabel } from './mermaid.js';
export { renderSvg, describeEdge, KIND_NAMES } from './svg.js';
export type { ArchitectureDiagram, DiagramEdge, DiagramNode, EdgeStyle, NodeKind, Zone } from './types.js';
