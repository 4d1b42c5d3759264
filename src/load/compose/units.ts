/**
 * Sizes and CPU counts as Compose reads them. Memory follows docker/go-units `RAMInBytes`: a
 * number of bytes, or a number with a binary unit b, k, m, g, t, p (any case, optionally followed
 * by `b` or `ib`, one optional space): `512m`, `512M`, `1GiB`, `1.5g`, `2 gb` all use powers of 1024.
 */
const BINARY_UNITS: Readonly<Record<string, number>> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

export const BYTES_PER_MIB = 1024 * 1024;

/** Bytes in a memory size, or undefined when it is not one. */
export function parseMemoryBytes(size: string | number): number | undefined {
  if (typeof size === 'number') return Number.isInteger(size) && size >= 0 ? size : undefined;
  const match = /^(\d+(?:\.\d+)*) ?([a-zA-Z]*)$/.exec(size.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (!Number.isFinite(amount)) return undefined;
  const suffix = (match[2] ?? '').toLowerCase();
  if (suffix === '' || suffix === 'b') return Math.trunc(amount);
  const multiplier = BINARY_UNITS[suffix[0] ?? ''];
  const rest = suffix.slice(1);
  if (multiplier === undefined || !(rest === '' || rest === 'b' || rest === 'ib')) return undefined;
  return Math.trunc(amount * multiplier);
}

/** A CPU count such as `0.5`, `"2"` or `1.25`; undefined when not a non-negative number. */
export function parseCpus(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const text = value.trim();
  if (!/^\+?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}
