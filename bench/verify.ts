/**
 * Times `verify` on a synthetic root module of N `.tf` files (default 100). Prints the phase
 * timings of a cold run (first use of the WebAssembly parser/formatter and the schema in this
 * process) and of a warm one.
 *
 *   npm run build && node dist/bench/verify.js [N]
 */
import { check, type CheckResult } from '../src/check/index.js';
import { syntheticTerraformFiles } from './synthetic-terraform.js';

const count = Number(process.argv[2] ?? 100);

function report(label: string, result: CheckResult): void {
  const phases = Object.entries(result.timings)
    .map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`)
    .join(', ');
  console.log(`${label}: ${result.findings.length} findings; ${phases}`);
}

const files = syntheticTerraformFiles(count);
const bytes = files.reduce((total, f) => total + f.text.length, 0);
console.log(`${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${(count - 2) * 6} resources`);

const started = performance.now();
const cold = await check({ files });
report(`cold (process ${(performance.now() - started).toFixed(0)} ms)`, cold);
for (const finding of cold.findings.slice(0, 5)) console.log(`  ${finding.code} ${finding.file}:${finding.line} ${finding.message}`);
report('warm', await check({ files }));
