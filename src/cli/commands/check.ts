/**
 * `ecsform check DIR`: verifies every Terraform module under DIR offline. Works on any
 * Terraform, generated or hand-written. `--fix` rewrites badly formatted files in place.
 */
import { join } from 'node:path';
import { InputError } from '../../diagnostics/errors.js';
import { isAtLeast, type Severity } from '../../diagnostics/finding.js';
import { VERSION } from '../../version.js';
import { check, CHECK_CODES, formatTerraform, resolveRuleSelection } from '../../check/index.js';
import { UsageError } from '../usage-error.js';
import type { Io } from '../io.js';
import { isInside, realRoot } from '../files/confined-path.js';
import { applyAllOrNothing } from '../files/transaction.js';
import { readTerraformFiles, type TerraformFile } from '../terraform-directory.js';
import { renderFindingsJson } from '../render/findings-json.js';
import { renderFindingsSarif } from '../render/findings-sarif.js';
import { countBySeverity, renderFindingsText } from '../render/findings-text.js';

export interface CheckCommandOptions {
  readonly format?: 'text' | 'json' | 'sarif';
  readonly failOn?: Severity;
  readonly fix?: boolean;
  readonly rules?: string;
  readonly showSuppressed?: boolean;
}

export async function checkCommand(io: Io, dir: string, options: CheckCommandOptions): Promise<number> {
  const { root, files } = readTerraformFiles(io, dir);
  if (options.fix) await fixFormatting(io, root, files);
  const selection = resolveRuleSelection(options.rules ?? 'all');
  if (!selection.ok) throw new UsageError(selection.message);
  const result = await check({ files }, { security: { rules: selection.rules } });
  const display = (path: string | undefined) => (path === undefined ? undefined : io.display(join(root, path)));
  const findings = result.findings.map((f) => (f.file ? { ...f, file: display(f.file)! } : f));
  const failOn = options.failOn ?? 'low';
  const failing = findings.filter((f) => !f.suppressed && isAtLeast(f.severity, failOn));
  switch (options.format ?? 'text') {
    case 'json':
      io.out(renderFindingsJson(findings, { root: io.display(root), files: files.length, modules: result.modules.length }));
      break;
    case 'sarif':
      io.out(renderFindingsSarif(findings, CHECK_CODES, VERSION));
      break;
    default:
      io.out(renderFindingsText(findings, { showSuppressed: options.showSuppressed ?? false }));
      io.out(`ecsform check: ${files.length} files in ${result.modules.length} modules: ${countBySeverity(findings)}${failing.length > 0 ? ` (${failing.length} at or above ${failOn})` : ''}.\n`);
  }
  return failing.length > 0 ? 1 : 0;
}

/**
 * Rewrites the badly formatted files, all or none. Only the formatting changes: every other byte,
 * the permission bits and symbolic links stay (a linked file is rewritten at its target, which
 * must be inside the directory checked).
 */
async function fixFormatting(io: Io, root: string, files: readonly TerraformFile[]): Promise<void> {
  const rewrites: Array<{ file: TerraformFile; formatted: string }> = [];
  for (const file of files) {
    const formatted = await formatTerraform(file.text);
    if (formatted !== file.text) rewrites.push({ file, formatted });
  }
  const base = realRoot(root);
  const outside = rewrites.filter(({ file }) => !isInside(base, file.realPath));
  if (outside.length > 0) {
    throw new InputError(
      outside.map(({ file }) => ({
        code: 'OUTPUT_OUTSIDE_ROOT',
        severity: 'error' as const,
        message: `Not formatting ${io.display(join(root, file.path))}: it is a symbolic link to ${file.realPath}, outside ${io.display(root)}. Nothing was written.`,
        file: io.display(join(root, file.path)),
        hint: 'Format that file where it lives (ecsform check --fix on its directory), or check without --fix.',
      })),
    );
  }
  applyAllOrNothing(
    rewrites.map(({ file, formatted }) => ({ kind: 'write' as const, path: file.realPath, content: formatted })),
    undefined,
    (path) => io.display(path),
  );
  for (const rewrite of rewrites) {
    io.err(`formatted ${rewrite.file.path}\n`);
    rewrite.file.text = rewrite.formatted;
  }
}
