/**
 * Real Terraform for the tests: the binary on the PATH, the provider from a filesystem mirror
 * found at run time (the folder holding `registry.terraform.io`), one plugin cache for every run.
 * Without a mirror Terraform downloads the provider as usual.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { cliConfig, findTerraform } from '../../src/terraform-run/index.js';

export interface TerraformSetup {
  readonly terraform: string;
  readonly cliConfigFile: string;
  readonly mirror?: string;
}

/** Why the real-Terraform tests cannot run here, or undefined when they can. */
export function terraformUnavailable(): string | undefined {
  return findTerraform(process.env) ? undefined : 'terraform is not on the PATH (install Terraform >= 1.11 to run the real-Terraform tests)';
}

export function terraformSetup(): TerraformSetup {
  const terraform = findTerraform(process.env);
  if (!terraform) throw new Error(terraformUnavailable());
  const pluginCacheDir = join(tmpdir(), 'ecsform-terraform-plugin-cache');
  mkdirSync(pluginCacheDir, { recursive: true });
  const mirror = process.env['ECSFORM_TERRAFORM_MIRROR'] ?? findProviderMirror([pluginCacheDir]);
  const cliConfigFile = join(pluginCacheDir, `cli-${process.pid}.tfrc`);
  writeFileSync(cliConfigFile, cliConfig({ ...(mirror !== undefined ? { mirror } : {}), pluginCacheDir }));
  return { terraform, cliConfigFile, ...(mirror !== undefined ? { mirror } : {}) };
}

const SKIPPED_ROOTS = new Set(['proc', 'sys', 'dev', 'run']);

/**
 * The parent of a `registry.terraform.io` folder holding hashicorp/aws, at most four levels below
 * `/`; folders outside the temporary directory first (a plugin cache there is a copy).
 */
export function findProviderMirror(exclude: readonly string[] = []): string | undefined {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries.sort()) {
      if (depth === 0 && SKIPPED_ROOTS.has(entry)) continue;
      const path = join(dir, entry);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (!isDir) continue;
      if (entry === 'registry.terraform.io') {
        if (existsSync(join(path, 'hashicorp', 'aws')) && !exclude.some((e) => dir === e)) found.push(dir);
      } else if (depth < 3) walk(path, depth + 1);
    }
  };
  walk(sep, 0);
  const temp = tmpdir();
  return found.sort((a, b) => Number(a.startsWith(temp)) - Number(b.startsWith(temp)))[0];
}
