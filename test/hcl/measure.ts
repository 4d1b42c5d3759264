/**
 * Speed of the HCL layer, measured by hand, never as a timed test (the test runner executes this
 * file too, and then it does nothing):
 *
 *   npx tsc -p . && HCL_MEASURE=1 node dist/test/hcl/measure.js
 *
 * Parses and writes ~1 MB of Terraform (the fixtures, repeated), first cold (the first call in a
 * fresh process, as the CLI does it) then warm, and times the WebAssembly helpers' start-up and
 * per-call cost.
 */
import { parseHcl } from '../../src/hcl/parser.js';
import { checkSyntax, formatHcl, warmUp } from '../../src/hcl/wasm.js';
import { writeHcl } from '../../src/hcl/writer.js';
import { fixtureNames, readFixture } from './helpers.js';

/** The fixtures without their header comments, which would not be headers mid-file. */
function megabyteOfTerraform(): string {
  const one = fixtureNames()
    .map((name) => readFixture(name).replace(/^(#.*\n)+\n/, ''))
    .join('\n');
  const copies = Math.ceil(1_000_000 / one.length);
  return Array.from({ length: copies }, () => one).join('\n');
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function measure(): Promise<void> {
  const text = megabyteOfTerraform();
  const lines = text.split('\n').length;
  console.log(`input: ${(text.length / 1e6).toFixed(2)} MB, ${lines} lines`);

  const cold = time(() => parseHcl('big.tf', text));
  if (cold.result.errors.length > 0) throw new Error(`unexpected parse errors: ${cold.result.errors[0]!.message}`);
  const warmParses = Array.from({ length: 7 }, () => time(() => parseHcl('big.tf', text)).ms);
  console.log(`parseHcl: cold ${ms(cold.ms)}, warm median ${ms(median(warmParses))} (min ${ms(Math.min(...warmParses))})`);

  const file = cold.result.file;
  const writeCold = time(() => writeHcl(file));
  const warmWrites = Array.from({ length: 5 }, () => time(() => writeHcl(file)).ms);
  console.log(`writeHcl: cold ${ms(writeCold.ms)}, warm median ${ms(median(warmWrites))}; output ${writeCold.result === text ? 'identical to input' : 'DIFFERS from input'}`);

  const startup = await timeAsync(warmUp);
  console.log(`wasm warmUp (import + instantiate both modules concurrently): ${ms(startup.ms)}`);
  const small = readFixture('network.tf');
  const checks = [];
  const formats = [];
  for (let i = 0; i < 20; i++) {
    checks.push((await timeAsync(() => checkSyntax('network.tf', small))).ms);
    formats.push((await timeAsync(() => formatHcl(small))).ms);
  }
  console.log(`per call on a ${(small.length / 1e3).toFixed(1)} kB file: checkSyntax median ${ms(median(checks))}, formatHcl median ${ms(median(formats))}`);
  const bigCheck = await timeAsync(() => checkSyntax('big.tf', text));
  const bigFormat = await timeAsync(() => formatHcl(text));
  console.log(`on the 1 MB input: checkSyntax ${ms(bigCheck.ms)}, formatHcl ${ms(bigFormat.ms)}`);
}

if (process.env.HCL_MEASURE === '1') await measure();
