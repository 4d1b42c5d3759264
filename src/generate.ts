/**
 * The whole generator as a library call: Compose project in, files out (paths relative to the
 * project directory). No I/O: the CLI reads the Compose files and writes the result.
 */
import type { ComposeProject } from './load/types.js';
import { buildModel, type BuildOptions } from './model/build-model.js';
import type { AppModel } from './model/types.js';
import { renderModule } from './plan/emit.js';
import { exampleRoot, moduleReadme } from './plan/module-docs.js';
import { planTerraform, type Plan } from './plan/plan.js';

export interface GenerateOptions extends BuildOptions {
  /** Where the Terraform goes, relative to the project directory; overrides x-ecsform.output. */
  readonly terraformDir?: string;
}

export interface GeneratedFile {
  /** Relative to the output root (the project directory, or --out). */
  readonly path: string;
  readonly content: string;
}

export interface GenerateResult {
  readonly model: AppModel;
  readonly plan: Plan;
  /** Directory of the Terraform root or module, relative to the output root. */
  readonly terraformDir: string;
  readonly files: readonly GeneratedFile[];
}

export function generate(project: ComposeProject, options: GenerateOptions): GenerateResult {
  const model = buildModel(project, options);
  const plan = planTerraform(model);
  const terraformDir = trimSlashes(options.terraformDir ?? model.project.outputDir);
  const files: GeneratedFile[] = renderModule(plan.module).map((f) => ({ path: joinPath(terraformDir, f.path), content: f.content }));
  if (model.project.layout === 'module') {
    files.push(...renderModule(exampleRoot(plan.context)).map((f) => ({ path: joinPath(terraformDir, f.path), content: f.content })));
    files.push({ path: joinPath(terraformDir, 'README.md'), content: moduleReadme(plan.context, terraformDir) });
  }
  return { model, plan, terraformDir, files: files.sort((a, b) => a.path.localeCompare(b.path)) };
}

function trimSlashes(path: string): string {
  return path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function joinPath(dir: string, path: string): string {
  return dir === '' || dir === '.' ? path : `${dir}/${path}`;
}
