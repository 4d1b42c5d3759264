/** The HTML report: one self-contained page with the diagram, resources, cost and findings. */
export { renderReport } from './html/page.js';
export { inventory, type ResourceEntry, type ResourceInventory, type ResourceTypeSummary } from './resources.js';
export type { GenerationInfo, ReportInput } from './types.js';
