/**
 * One benchmark scenario in a fresh process (so cold start-up and peak memory are real):
 *   node dist/bench/scenario.js generate-verify <compose path | synthetic:N>
 * Prints one JSON line: phase times in ms and peak RSS in MiB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generate } from '../src/generate.js';
import { loadCompose } from '../src/load/compose/index.js';
import { check } from '../src/check/index.js';
import { syntheticCompose } from './synthetic-compose.js';

const [, , scenario, source] = process.argv;
if (scenario !== 'generate-verify' || !source) {
  process.stderr.write('usage: scenario.js generate-verify <compose.yaml | synthetic:N>\n');
  process.exit(2);
}

const started = performance.now();
const synthetic = source.startsWith('synthetic:');
const path = synthetic ? '/bench/compose.yaml' : resolve(source);
const text = synthetic ? syntheticCompose(Number(source.slice('synthetic:'.length))) : readFileSync(path, 'utf8');
const { project } = loadCompose({ files: [{ path, text }], readFile: (p) => (!synthetic && existsSync(p) ? readFileSync(p, 'utf8') : undefined), env: {}, projectDir: dirname(path) });
const loaded = performance.now();
const result = generate(project, { sourceNames: ['compose.yaml'] });
const generated = performance.now();
const verification = await check({ files: result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content })) });
const verified = performance.now();
process.stdout.write(
  `${JSON.stringify({
    services: result.model.services.length,
    files: result.files.length,
    lines: result.files.reduce((n, f) => n + f.content.split('\n').length, 0),
    // What Terraform would reject, or a high/critical security finding: generated code has none.
    findings: verification.findings.filter((f) => !f.suppressed && ['error', 'critical', 'high'].includes(f.severity)).length,
    loadMs: loaded - started,
    generateMs: generated - loaded,
    verifyMs: verified - generated,
    totalMs: verified - started,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
  () => process.exit(0),
);
