/**
 * The whole generator as a library call: Compose project in, files out (paths relative to the
 * project directory). No I/O: the CLI reads the Compose files and writes the result.
 */
import { posix } from 'node:path';
import { githubWorkflowFile } from './ci/github-workflow.js';
import { InputError } from './diagnostics/errors.js';
import type { ComposeProject } from './load/types.js';
import { buildModel, type BuildOptions } from './model/build-model.js';
import type { AppModel } from './model/types.js';
import { renderModule } from './plan/emit.js';
import { exampleRoot, moduleReadme } from './plan/module-docs.js';
import { planTerraform, type Plan } from './plan/plan.js';
import { VERSION } from './version.js';

export interface GenerateOptions extends BuildOptions {
  /** Where the Terraform goes, relative to the project directory; overrides x-ecsform.output. */
  readonly terraformDir?: string;
  /** Also generate the deploy pipeline; default: when x-ecsform.ci.github is set. */
  readonly ci?: 'github';
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

export function generate(project: ComposeProject, options: GenerateOptions = {}): GenerateResult {
  const model = buildModel(project, options);
  const plan = planTerraform(model);
  const terraformDir = trimSlashes(options.terraformDir ?? model.project.outputDir);
  const files: GeneratedFile[] = renderModule(plan.module).map((f) => ({ path: joinPath(terraformDir, f.path), content: f.content }));
  if (model.project.layout === 'module') {
    files.push(...renderModule(exampleRoot(plan.context)).map((f) => ({ path: joinPath(terraformDir, f.path), content: f.content })));
    files.push({ path: joinPath(terraformDir, 'README.md'), content: moduleReadme(plan.context, terraformDir) });
  }
  if ((options.ci ?? (model.ci?.github ? 'github' : undefined)) === 'github') {
    if (model.project.layout === 'module') {
      throw new InputError([{ code: 'CI_NOT_CONFIGURED', severity: 'error', message: 'The deploy pipeline is generated for a root module, not for a reusable module.', hint: 'Generate the pipeline in the root module that calls this module (x-ecsform.layout: root).' }]);
    }
    files.push(githubWorkflowFile(model, { terraformDir, ecsformVersion: VERSION, requiredVariables: plan.context.requiredVariables() }));
  }
  return { model, plan, terraformDir, files: files.sort((a, b) => a.path.localeCompare(b.path)) };
}

function trimSlashes(path: string): string {
  return posix.normalize(path).replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function joinPath(dir: string, path: string): string {
  return dir === '' || dir === '.' ? path : `${dir}/${path}`;
}
