/** The report as a table for people, or JSON for pipelines. */
import type { CheckResult } from './check-result.js';
import { formatDuration } from './durations.js';
import type { SmokeReport } from './runner.js';

const RESULT_LABEL = { pass: 'PASS', pending: 'WAIT', fail: 'FAIL' } as const;

export function renderReportText(report: SmokeReport): string {
  const rows = report.results.map((r) => [r.subject, r.check, RESULT_LABEL[r.status], r.detail]);
  const header = ['SERVICE', 'CHECK', 'RESULT', 'DETAIL'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `${cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`;
  const failed = report.results.filter((r) => r.status !== 'pass').length;
  const took = `${report.rounds} round${report.rounds === 1 ? '' : 's'}, ${formatDuration(Math.round(report.elapsedMs / 1000) * 1000)}`;
  const summary = report.passed
    ? `ecsform smoke: all ${report.results.length} checks passed (${took}).\n`
    : `ecsform smoke: ${failed} of ${report.results.length} checks failed${report.timedOut ? ' (timed out)' : ''} (${took}).\n`;
  return `${line(header)}${rows.map(line).join('')}\n${summary}`;
}

export function renderReportJson(report: SmokeReport): string {
  return `${JSON.stringify({ passed: report.passed, timedOut: report.timedOut, rounds: report.rounds, elapsedSeconds: Math.round(report.elapsedMs / 1000), checks: report.results }, null, 2)}\n`;
}

/** One progress line per round, for logs: `round 2: 3 of 17 checks not ready, next in 20s`. */
export function renderProgress(round: number, results: readonly CheckResult[], waitMs: number): string {
  const waiting = results.filter((r) => r.status !== 'pass');
  const first = waiting[0];
  return `round ${round}: ${waiting.length} of ${results.length} checks not ready${first ? ` (${first.subject} ${first.check}: ${first.detail})` : ''}, next in ${formatDuration(waitMs)}\n`;
}
