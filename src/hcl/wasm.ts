/**
 * HashiCorp's own HCL parser and formatter, compiled to WebAssembly and published on npm
 * (`@cdktn/hcl2json` embeds hcl v2.23, `@cdktn/hcl-tools` embeds hclwrite v2.19). Both packages
 * instantiate their wasm as soon as they are imported, so they are imported lazily, once, and
 * `warmUp()` lets a caller pay that start-up for both at the same time, early.
 *
 * They are imported through a non-literal specifier on purpose: their type declarations carry
 * `/// <reference lib="dom" />`, which would add browser globals to the whole program's types.
 */
import type { Pos } from './ast.js';
import { hclError, sortErrors, type HclError } from './errors.js';

interface Hcl2Json {
  parse(filename: string, contents: string): Promise<unknown>;
}

interface HclTools {
  format(contents: string): Promise<string>;
}

let hcl2json: Promise<Hcl2Json> | undefined;
let hclTools: Promise<HclTools> | undefined;

async function importFunction<T>(specifier: string, name: string): Promise<T> {
  const module: unknown = await import(specifier);
  const candidates = [module, (module as { default?: unknown } | null)?.default];
  const found = candidates.find((candidate) => typeof (candidate as Record<string, unknown> | null)?.[name] === 'function');
  if (!found) throw new Error(`${specifier} does not export ${name}()`);
  return found as T;
}

function loadHcl2Json(): Promise<Hcl2Json> {
  hcl2json ??= importFunction<Hcl2Json>('@cdktn/hcl2json', 'parse');
  return hcl2json;
}

function loadHclTools(): Promise<HclTools> {
  hclTools ??= importFunction<HclTools>('@cdktn/hcl-tools', 'format');
  return hclTools;
}

/** Loads and starts both wasm modules concurrently; later calls then cost only the call itself. */
export async function warmUp(): Promise<void> {
  await Promise.all([loadHcl2Json().then((m) => m.parse('warm-up.tf', '')), loadHclTools().then((m) => m.format(''))]);
}

/**
 * HashiCorp's parser's verdict on `text`: an empty list when it parses, else one error per
 * diagnostic (positions are HCL's: 1-based lines, columns counting characters). Besides syntax,
 * HCL reports an attribute set twice in one body, as Terraform would.
 */
export async function checkSyntax(path: string, text: string): Promise<HclError[]> {
  const { parse } = await loadHcl2Json();
  try {
    await parse(path, text);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // After parsing, hcl2json converts to JSON, which fails on valid HCL it cannot represent
    // (a block type used both with and without labels): not a syntax problem.
    if (message.startsWith('convert to HCL:')) return [];
    return diagnosticsFromMessage(path, text, message);
  }
}

/** `text` formatted by hclwrite (what `terraform fmt` does, minus its few expression rewrites). */
export async function formatHcl(text: string): Promise<string> {
  const { format } = await loadHclTools();
  return format(text);
}

/**
 * hcl2json rejects with `parse config: [<diag> <diag> ...]`, each diagnostic being Go's
 * `<file>:<line>,<col>-[<line>,]<col>: <summary>; <detail>`; this splits them apart again.
 */
export function diagnosticsFromMessage(path: string, text: string, message: string): HclError[] {
  const body = /^parse config: \[([\s\S]*)\]$/.exec(message.trim())?.[1] ?? message;
  const subject = new RegExp(`(?:^|\\s)${escapeRegExp(path)}:(\\d+),(\\d+)-(?:(\\d+),)?(\\d+): `, 'g');
  const matches = [...body.matchAll(subject)];
  if (matches.length === 0) {
    const start = positionAt(text, 1, 1);
    return [hclError(path, message, undefined, { start, end: start })];
  }
  const errors = matches.map((match, i) => {
    const [, line, column, endLine, endColumn] = match;
    const textStart = match.index + match[0].length;
    const textEnd = matches[i + 1]?.index ?? body.length;
    const [summary, ...detail] = body.slice(textStart, textEnd).trim().split('; ');
    const start = positionAt(text, Number(line), Number(column));
    const end = positionAt(text, Number(endLine ?? line), Number(endColumn));
    return hclError(path, summary ?? '', detail.join('; ') || undefined, { start, end });
  });
  return sortErrors(errors);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The offset of a 1-based line and column (counted in code points) in `text`. */
function positionAt(text: string, line: number, column: number): Pos {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) {
      offset = text.length;
      break;
    }
    offset = next + 1;
  }
  for (let i = 1; i < column && offset < text.length && text[offset] !== '\n'; i++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return { line, column, offset };
}
