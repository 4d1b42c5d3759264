/**
 * `npm start`: generates the bundled IoT platform example into out/iot-platform (a folder of its
 * own, so the committed example is never touched) and prints the summary.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.js';
import { generateCommand } from './generate.js';

export async function demoCommand(io: Io): Promise<number> {
  const packageRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  const compose = resolve(packageRoot, 'examples/iot-platform/compose.yaml');
  if (!existsSync(compose)) throw new Error(`the bundled example is missing: ${compose}`);
  const out = resolve(io.cwd, 'out/iot-platform');
  io.out(`Generating the IoT platform example (${io.display(compose)}) into ${io.display(out)}\n\n`);
  const code = await generateCommand(io, { file: [compose], out, verify: true, format: 'text' });
  io.out(
    [
      '',
      `Next: read ${io.display(out)}, or`,
      `  npx ecsform explain -f ${io.display(compose)}           every decision, from Compose line to Terraform line`,
      `  npx ecsform report ${io.display(join(out, 'infra/terraform'))} -o out/report.html   the architecture, cost and findings on one page`,
      '',
    ].join('\n'),
  );
  return code;
}
