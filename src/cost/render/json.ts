/** The estimate as JSON: the `CostEstimate` itself, numbers freed of floating-point noise. */
import type { CostEstimate } from '../types.js';
import { tidyNumber } from './format.js';

export function renderCostJson(estimate: CostEstimate): string {
  return `${JSON.stringify(estimate, (_key, value: unknown) => (typeof value === 'number' ? tidyNumber(value) : value), 2)}\n`;
}
