/**
 * `npm run bench`: speed and memory of generate + verify, in-process and as a whole CLI run, for
 * the IoT example and for synthetic stacks of 10, 100 and 500 services; and `ecsform check` on a
 * directory of 100 generated .tf files. Each measurement runs in a fresh process, several times;
 * the median is reported. Prints a Markdown table (the README quotes it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticTerraformFiles } from './synthetic-terraform.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'bin.js');
const runs = Number(process.env['BENCH_RUNS'] ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface ScenarioResult {
  services: number;
  files: number;
  lines: number;
  findings: number;
  generateMs: number;
  verifyMs: number;
  totalMs: number;
  peakRssMiB: number;
}

function scenario(source: string): ScenarioResult {
  // --liftoff-only as the ecsform executable sets it (see src/cli/bin.ts).
  const results = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['--liftoff-only', join(here, 'scenario.js'), 'generate-verify', source], { encoding: 'utf8' })) as ScenarioResult);
  const pick = (key: keyof ScenarioResult) => median(results.map((r) => r[key]));
  return { services: pick('services'), files: pick('files'), lines: pick('lines'), findings: pick('findings'), generateMs: pick('generateMs'), verifyMs: pick('verifyMs'), totalMs: pick('totalMs'), peakRssMiB: Math.max(...results.map((r) => r.peakRssMiB)) };
}

/** Wall time of a whole CLI invocation, process start to exit. */
function wall(args: string[]): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ecsform ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return performance.now() - start;
  });
  return median(times);
}

const ms = (n: number) => `${Math.round(n)} ms`;
const rows: string[] = [];
const stacks: [string, string][] = [
  ['IoT example (11 services)', join(root, 'examples', 'iot-platform', 'compose.yaml')],
  ['synthetic, 10 services', 'synthetic:10'],
  ['synthetic, 100 services', 'synthetic:100'],
  ['synthetic, 500 services', 'synthetic:500'],
];
process.stdout.write(`Node ${process.version}, ${runs} runs each (median; peak RSS is the maximum).\n\n`);
rows.push('| Stack | Generated | generate | verify | in-process total | peak RSS |', '|---|---|---|---|---|---|');
for (const [label, source] of stacks) {
  const r = scenario(source);
  if (r.findings > 0) throw new Error(`${label}: generated output has ${r.findings} findings`);
  rows.push(`| ${label} | ${r.files} files, ${r.lines} lines | ${ms(r.generateMs)} | ${ms(r.verifyMs)} | ${ms(r.totalMs)} | ${Math.round(r.peakRssMiB)} MiB |`);
}
process.stdout.write(`${rows.join('\n')}\n\n`);

const out = mkdtempSync(join(tmpdir(), 'ecsform-bench-'));
const iotCli = wall(['generate', '-f', join(root, 'examples', 'iot-platform', 'compose.yaml'), '--out', join(out, 'iot')]);
const checkDir = join(out, 'check100');
for (const file of syntheticTerraformFiles(100)) {
  mkdirSync(dirname(join(checkDir, file.path)), { recursive: true });
  writeFileSync(join(checkDir, file.path), file.text);
}
const check100 = wall(['check', checkDir, '--fail-on', 'error']);
process.stdout.write(['| Whole CLI run (process start to exit) | Time |', '|---|---|', `| \`ecsform generate\` IoT example, verified, files written | ${ms(iotCli)} |`, `| \`ecsform check\` on 100 generated .tf files | ${ms(check100)} |`, ''].join('\n'));
