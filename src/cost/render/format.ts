/** Number formatting shared by the text, Markdown and HTML renderings of an estimate. */
import type { ComponentStatus } from '../types.js';

/** `$1,234.56`: cents, as a bill shows them. */
export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `$0.004445`: a unit price with the digits it was published with. */
export function formatUnitPrice(price: number): string {
  return `$${price.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
}

export function formatQuantity(quantity: number): string {
  return quantity.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** A tag for prices that are not confirmed by two sources; empty for confirmed ones. */
export function statusTag(status: ComponentStatus): string {
  switch (status) {
    case 'confirmed':
      return '';
    case 'confirmed-secondary':
      return 'secondary source';
    default:
      return status;
  }
}

/** Floating-point noise removed (0.8999999999999999 → 0.9) for JSON output. */
export function tidyNumber(value: number): number {
  return Number(value.toPrecision(12));
}
