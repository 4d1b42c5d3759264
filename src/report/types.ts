/** Everything the HTML report shows, gathered by the caller (the CLI) and rendered without I/O. */
import type { CostEstimate } from '../cost/index.js';
import type { Finding } from '../diagnostics/finding.js';
import type { ArchitectureDiagram } from '../diagram/index.js';
import type { ExplainEntry } from '../explain.js';
import type { ResourceInventory } from './resources.js';

export interface ReportInput {
  /** What the report is about, e.g. `iot (dev, us-east-1)` or a directory. */
  readonly title: string;
  /** The Terraform directory as the user named it. */
  readonly source: string;
  readonly files: number;
  readonly modules: number;
  readonly version: string;
  readonly estimate: CostEstimate;
  /** From `check()`, paths as the user sees them; suppressed ones included. */
  readonly findings: readonly Finding[];
  readonly inventory: ResourceInventory;
  readonly diagram: ArchitectureDiagram;
  readonly mermaid: string;
  /** Present when the report was made from Compose (`-f`). */
  readonly generation?: GenerationInfo;
}

export interface GenerationInfo {
  readonly composeFiles: readonly string[];
  readonly decisions: readonly ExplainEntry[];
  readonly warnings: readonly Finding[];
}
