/**
 * `ecsform diagram DIR` prints the architecture of any Terraform as a Mermaid flowchart;
 * `ecsform diagram -f compose.yaml` draws it from the model the generator builds (richer: it
 * knows workers, external systems and routes). `--format svg` prints the SVG instead.
 */
import { basename } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';
import { diagramFromModel, diagramFromModules, renderMermaid, renderSvg, type ArchitectureDiagram } from '../../diagram/index.js';
import type { Io } from '../io.js';
import { readTerraformDirectory } from '../terraform-directory.js';
import { loadAndGenerate, type GenerateCommandOptions } from './generate.js';

export interface DiagramCommandOptions extends Pick<GenerateCommandOptions, 'file' | 'profile' | 'projectName' | 'layout'> {
  readonly format?: 'mermaid' | 'svg';
}

export async function diagramCommand(io: Io, dir: string | undefined, options: DiagramCommandOptions): Promise<number> {
  let diagram: ArchitectureDiagram;
  if (options.file && options.file.length > 0) {
    diagram = diagramFromModel(loadAndGenerate(io, options).result.model);
  } else if (dir !== undefined) {
    const { root, result } = await readTerraformDirectory(io, dir, new Set(['syntax']), { requireSyntax: true });
    diagram = diagramFromModules(result.modules, io.display(root) === '.' ? basename(root) : io.display(root));
  } else {
    throw new InputError([{ code: 'USAGE', severity: 'error', message: 'Nothing to draw: pass a Terraform directory, or -f compose.yaml.', hint: 'ecsform diagram infra/terraform' }]);
  }
  io.out(options.format === 'svg' ? `${renderSvg(diagram)}\n` : renderMermaid(diagram));
  return 0;
}
