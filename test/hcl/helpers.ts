/** Shared helpers for the HCL layer's tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribute, Block, Body, BodyItem, Expr, File } from '../../src/hcl/ast.js';
import { blockContext, FILE_CONTEXT, policyBlankLine, type BodyContext } from '../../src/hcl/layout.js';
import { parseHcl } from '../../src/hcl/parser.js';
import { fromRoot } from '../helpers/paths.js';

export const FIXTURES = fromRoot('test', 'fixtures', 'hcl');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.tf'))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const RANGE_KEYS = new Set(['range', 'nameRange', 'typeRange', 'labelRanges', 'rootRange']);

/** A deep copy without source positions, for comparing shapes. */
export function stripRanges<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (RANGE_KEYS.has(key) ? undefined : inner))) as T;
}

/** Parses text that must be valid and returns the file. */
export function parseOk(text: string, path = 'test.tf'): File {
  const { file, errors } = parseHcl(path, text);
  if (errors.length > 0) throw new Error(`unexpected errors: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return file;
}

/** The first attribute's expression, without ranges. */
export function exprOf(source: string): Expr {
  const item = parseOk(`x = ${source}\n`).body.items[0];
  if (item?.kind !== 'attribute') throw new Error('no attribute parsed');
  return stripRanges(item.expr);
}

/**
 * A document as the writer and parser agree to see it: no ranges, layout hints that say "no"
 * removed (`multiline: false`, separator `=`), and blank lines the writer adds anyway removed.
 */
export function normalize(file: File): File {
  const stripped = stripRanges(file);
  return JSON.parse(JSON.stringify(stripped, (key, value: unknown) => {
    if (key === 'multiline' && value === false) return undefined;
    if (key === 'separator' && value === '=') return undefined;
    return value;
  })) as File;
}

/** Drops `BlankLine`s the layout policy makes redundant (at the ends, doubled, or beside a block). */
export function withoutImplicitBlankLines(file: File): File {
  return { ...file, body: cleanBody(file.body, FILE_CONTEXT) };
}

function cleanBody(body: Body, context: BodyContext): Body {
  const real = body.items.map((item) => (item.kind === 'block' ? { ...item, body: cleanBody(item.body, blockContext(item.type, context)) } : item));
  const out: BodyItem[] = [];
  for (let i = 0; i < real.length; i++) {
    const item = real[i]!;
    if (item.kind !== 'blank') {
      out.push(item);
      continue;
    }
    const previous = [...out].reverse().find((x): x is Attribute | Block => x.kind !== 'blank');
    const next = real.slice(i + 1).find((x): x is Attribute | Block => x.kind !== 'blank');
    if (previous === undefined || next === undefined) continue;
    if (out[out.length - 1]?.kind === 'blank') continue;
    if (policyBlankLine(previous, next, context)) continue;
    out.push(item);
  }
  return { ...body, items: out };
}
