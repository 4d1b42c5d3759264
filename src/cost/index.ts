/**
 * Monthly cost estimates of Terraform configurations: `estimateCost(modules, usage)` on the modules
 * `check()` (or `readTerraform`) read, a usage-file reader, and text/Markdown/JSON renderings.
 */
export { estimateCost, estimateWithPrices } from './estimate.js';
export { loadPriceBook, PRICE_IDS, PRICE_STATUSES, type Price, type PriceBook, type PriceId, type PriceStatus } from './prices.js';
export { DEFAULT_USAGE, describeUsage, usageSchema, type Usage, type UsageAssumption, type UsageInput } from './usage.js';
export { parseUsageFile } from './usage-file.js';
export { renderCostText } from './render/text.js';
export { renderCostMarkdown } from './render/markdown.js';
export { renderCostJson } from './render/json.js';
export { formatUsd } from './render/format.js';
export { costSummaryLine } from './summary.js';
export type { ComponentStatus, CostComponent, CostEstimate, CostService, NotEstimated, ResourceCost, ServiceTotal } from './types.js';
