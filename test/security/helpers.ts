/** Test helpers: index Terraform text without the WebAssembly checks, and read fixture markers. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Finding } from '../../src/diagnostics/finding.js';
import { parseHcl } from '../../src/hcl/index.js';
import { indexModule, type ModuleIndex, type ParsedFile } from '../../src/terraform/index.js';
import { fromRoot } from '../helpers/paths.js';

export const SECURITY_FIXTURES = fromRoot('test', 'fixtures', 'security');

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** Every `.tf` file under `dir`, paths relative to it. */
export function readTerraform(dir: string): TextFile[] {
  const out: TextFile[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.tf')) out.push({ path: relative(dir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** One module index per directory, as verify() builds them; every file must parse. */
export function indexFiles(files: readonly TextFile[]): ModuleIndex[] {
  const byDir = new Map<string, ParsedFile[]>();
  for (const file of files) {
    const parsed = parseHcl(file.path, file.text);
    assert.deepEqual(parsed.errors, [], `${file.path} must parse`);
    const dir = dirname(file.path);
    byDir.set(dir, [...(byDir.get(dir) ?? []), { path: file.path, text: file.text, ast: parsed.file }]);
  }
  return [...byDir].sort(([a], [b]) => a.localeCompare(b)).map(([dir, parsed]) => indexModule(dir, parsed, true));
}

/** `main.tf` text as a one-module index. */
export function indexText(text: string, path = 'main.tf'): ModuleIndex[] {
  return indexFiles([{ path, text }]);
}

/** `CODE file:line` for each `# expect: CODE` marker in the files. */
export function expectedMarkers(files: readonly TextFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(/#\s*expect:\s*([A-Z0-9_]+)/g)) out.push(`${match[1]} ${file.path}:${index + 1}`);
    });
  }
  return out.sort();
}

/** `CODE file:line`, the form tests compare exactly. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.file ?? ''}:${f.line ?? ''}`).sort();
}

export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.severity} ${f.code} ${f.file ?? ''}:${f.line ?? ''}:${f.column ?? ''} ${f.path ?? ''} ${f.message}${f.suppressed ? ` [suppressed: ${f.suppressed.reason}]` : ''}`).join('\n');
}
