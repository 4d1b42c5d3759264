/** `ecsform diagram DIR` and `ecsform diagram -f compose.yaml`. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { diagramCommand } from '../../src/cli/commands/diagram.js';
import { tempDir } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { recordingIo } from '../cost/io.js';

describe('ecsform diagram', () => {
  test('DIR prints Mermaid inferred from the Terraform', async () => {
    const dir = tempDir('ecsform-diagram-');
    mkdirSync(join(dir, 'infra'));
    writeFileSync(join(dir, 'infra/main.tf'), 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n');
    const io = recordingIo(dir);
    assert.equal(await diagramCommand(io, 'infra', {}), 0);
    assert.match(io.stdout(), /^flowchart LR\n {2}%% infra\n/);
    assert.match(io.stdout(), /db_main\[\("RDS: main<br\/><small>postgres<\/small>"\)\]/);
  });

  test('-f compose.yaml draws from the model; --format svg prints SVG', async () => {
    const io = recordingIo(fromRoot('examples/iot-platform'));
    await diagramCommand(io, undefined, { file: ['compose.yaml'] });
    assert.match(io.stdout(), /^ {2}%% iot \(dev, us-east-1\)$/m);
    assert.match(io.stdout(), /ext_timescale_url>"Timescale Cloud connection string/);
    const svg = recordingIo(fromRoot('examples/iot-platform'));
    await diagramCommand(svg, undefined, { file: ['compose.yaml'], format: 'svg' });
    assert.match(svg.stdout(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  test('nothing to draw is bad input', async () => {
    await assert.rejects(diagramCommand(recordingIo(tempDir()), undefined, {}), /Nothing to draw/);
  });
});
