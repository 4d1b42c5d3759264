/** Flag durations (`10m`, `1m30s`, `500ms`), Go/Compose syntax, and their display. */
import { parseDurationSeconds } from '../load/compose/durations.js';

/** Milliseconds, or undefined when the text is not a positive duration. */
export function parseDurationMs(text: string): number | undefined {
  const seconds = parseDurationSeconds(text.trim());
  return seconds === undefined || seconds <= 0 ? undefined : Math.round(seconds * 1000);
}

/** `90000` → `1m30s`; under a second: `250ms`; zero: `0s`. */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 1000) return `${Math.round(ms)}ms`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}
