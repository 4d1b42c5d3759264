/**
 * Durations as Compose reads them (Go's `time.ParseDuration`): one or more `<number><unit>`
 * groups such as `1m30s`, `10s`, `1.5h`, `500ms`, with units h, m, s, ms, us (µs), ns; a bare `0`
 * is zero. Negative durations are rejected: no Compose duration can be negative.
 */
const UNIT_NANOSECONDS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const GROUP = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Seconds in `text`, or undefined when it is not a valid duration. */
export function parseDurationSeconds(text: string): number | undefined {
  const trimmed = text.startsWith('+') ? text.slice(1) : text;
  if (trimmed === '0') return 0;
  if (trimmed === '') return undefined;
  let nanoseconds = 0;
  GROUP.lastIndex = 0;
  while (GROUP.lastIndex < trimmed.length) {
    const match = GROUP.exec(trimmed);
    if (!match) return undefined;
    const unit = UNIT_NANOSECONDS[match[2] ?? ''];
    if (unit === undefined) return undefined;
    nanoseconds += Number(match[1]) * unit;
  }
  return Math.round(nanoseconds) / 1e9;
}
