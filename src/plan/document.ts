/**
 * What the plan produces: Terraform blocks grouped by resource family, plus the variables,
 * locals and outputs they need. The layout decides which family goes into which file.
 */
import type { Block } from '../hcl/ast.js';

/** Resource families; each becomes one file (or shares one) depending on the layout. */
export const FAMILIES = [
  'terraform',
  'locals',
  'data',
  'network',
  'security_groups',
  'registry',
  'kms',
  'secrets',
  'database',
  'iam',
  'logs',
  'cluster',
  'services',
  'discovery',
  'scaling',
  'load_balancer',
  'static_site',
  'storage',
  'alarms',
  'ci',
  'variables',
  'outputs',
] as const;

export type Family = (typeof FAMILIES)[number];

/** A block and the family it belongs to; `origin` names the Compose key it came from, for explain. */
export interface PlannedBlock {
  readonly family: Family;
  readonly block: Block;
  /** A short banner title above a group of blocks (`# ECS service: ui_iot`), written once per section. */
  readonly section?: string;
}

export interface TerraformFile {
  /** Path relative to the output directory, e.g. `ecs.tf`. */
  readonly path: string;
  /** Comment lines at the top of the file. */
  readonly header: readonly string[];
  readonly blocks: readonly Block[];
  /** Section titles by index of their first block. */
  readonly sections: ReadonlyMap<number, string>;
}

/** A Terraform module directory: the files of one module. */
export interface TerraformModule {
  /** Directory relative to the output root (`''` for the root itself). */
  readonly dir: string;
  readonly files: readonly TerraformFile[];
}

/** Everything `generate` writes, before rendering. Non-HCL files are rendered text already. */
export interface GeneratedOutput {
  readonly modules: readonly TerraformModule[];
  readonly textFiles: ReadonlyArray<{ readonly path: string; readonly content: string }>;
}
