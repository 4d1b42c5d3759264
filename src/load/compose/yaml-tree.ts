/**
 * Parses YAML text into source trees: every value with its file, line and column, aliases and
 * `<<` merge keys resolved (as go-yaml does for Compose), `!reset`/`!override` tags recorded.
 */
import { type Alias, Composer, type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type Scalar } from 'yaml';
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { emptyMap, type MergeTag, type ScalarValue, type SourceEntry, type SourceMap, type SourceNode } from './source-tree.js';
import { firstControlCharacter, MAX_YAML_DEPTH, tooDeepAt } from './yaml-bounds.js';

/** Expanded nodes allowed per document: stops "billion laughs" alias bombs. */
const NODE_BUDGET = 100_000;
/** The YAML parser's messages quote the text they stumble on; a line of binary is not worth quoting. */
const MAX_YAML_MESSAGE = 200;

interface ConvertContext {
  readonly file: string;
  readonly baseDir: string;
  readonly lines: LineCounter;
  readonly findings: FindingCollector;
  /** Collections being converted: an alias to one of them is a cycle. */
  readonly inProgress: Set<object>;
  /** What each alias refers to, found in one pass over the document (the yaml package searches the whole document per alias). */
  readonly anchors: ReadonlyMap<Alias, unknown>;
  budget: number;
}

/**
 * One source tree per YAML document in the file (Compose merges several documents in order).
 * Returns undefined, after reporting, when the file is not valid YAML.
 */
export function parseYamlFile(file: string, text: string, baseDir: string, findings: FindingCollector): SourceMap[] | undefined {
  const lines = new LineCounter();
  const documents = parseDocuments(file, text, lines, findings);
  if (documents === undefined) return undefined;
  let valid = true;
  for (const doc of documents) {
    for (const error of doc.errors) {
      valid = false;
      const { line, col } = lines.linePos(error.pos[0]);
      const at = { file, line, column: col };
      if (error.code === 'DUPLICATE_KEY') {
        const key = keyTextAt(text, error.pos[0]);
        findings.report({
          code: 'COMPOSE_YAML_DUPLICATE_KEY',
          at,
          message: `Duplicate key ${JSON.stringify(key)}: the same mapping already defines it.`,
          hint: 'Keep one definition of the key, or merge the two into one.',
        });
      } else {
        findings.report({
          code: 'COMPOSE_YAML_SYNTAX',
          at,
          message: `Invalid YAML: ${error.message.length > MAX_YAML_MESSAGE ? `${error.message.slice(0, MAX_YAML_MESSAGE)}…` : error.message}.`,
          hint: 'Check the indentation (spaces, not tabs) and that every quote and bracket is closed.',
        });
      }
    }
  }
  if (!valid) return undefined;
  const start = { file, line: 1, column: 1 };
  if (documents.length === 0) return [emptyMap(start, baseDir)];
  const roots: SourceMap[] = [];
  for (const doc of documents) {
    const ctx: ConvertContext = { file, baseDir, lines, findings, inProgress: new Set(), anchors: aliasTargets(doc), budget: NODE_BUDGET };
    const root = doc.contents === null ? undefined : convert(ctx, doc.contents, start, '');
    if (root === undefined || (root.kind === 'scalar' && root.value === null)) {
      roots.push(emptyMap(start, baseDir));
    } else if (root.kind !== 'map') {
      findings.report({
        code: 'COMPOSE_TYPE',
        at: root.at,
        message: 'The top level of a Compose file must be a mapping (services:, volumes:, ...).',
        hint: 'Start the file with `services:` and indent the services under it.',
      });
      return undefined;
    } else {
      roots.push(root);
    }
  }
  return roots;
}

/**
 * The documents of the text, or undefined after reporting text that is not YAML (control
 * characters) or nests deeper than MAX_YAML_DEPTH, measured before the recursive parsing.
 */
function parseDocuments(file: string, text: string, lines: LineCounter, findings: FindingCollector): Document[] | undefined {
  const control = firstControlCharacter(text);
  if (control >= 0) {
    const { line, col } = positionOf(text, control);
    const code = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    findings.report({
      code: 'COMPOSE_YAML_SYNTAX',
      at: { file, line, column: col },
      message: `Invalid YAML: the control character U+${code} cannot appear in a YAML file.`,
      hint: 'A Compose file is text; check that this is the file you meant (not a binary file), or remove the character.',
    });
    return undefined;
  }
  const deep = tooDeepAt(text, MAX_YAML_DEPTH);
  if (deep !== undefined) {
    const { line, col } = positionOf(text, deep);
    findings.report({
      code: 'COMPOSE_LIMIT',
      at: { file, line, column: col },
      message: `The YAML nests more than ${MAX_YAML_DEPTH} levels deep here; ecsform reads at most ${MAX_YAML_DEPTH}.`,
      hint: 'A Compose file nests a dozen levels at most; check that this is the file you meant.',
    });
    return undefined;
  }
  return [...new Composer({ merge: true, uniqueKeys: true }).compose(new Parser(lines.addNewLine).parse(text))] as Document[];
}

/** 1-based line and column of an offset, for text the line counter has not seen. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Each alias of the document and the node it refers to: the last one anchored with its name before it. */
function aliasTargets(doc: Document): Map<Alias, unknown> {
  const targets = new Map<Alias, unknown>();
  const anchored = new Map<string, unknown>();
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      targets.set(node, anchored.get(node.source));
      return;
    }
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
      return;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) anchored.set(node.anchor, node);
      if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return targets;
}

function convert(ctx: ConvertContext, node: unknown, fallback: SourcePoint, path: string): SourceNode {
  ctx.budget--;
  if (ctx.budget === 0) {
    ctx.findings.report({
      code: 'COMPOSE_YAML_ALIAS',
      at: fallback,
      path,
      message: `The document expands to more than ${NODE_BUDGET} values through aliases.`,
      hint: 'Reduce nested aliases; an alias of an alias of an alias multiplies the document size.',
    });
  }
  if (ctx.budget <= 0) return nullAt(ctx, fallback);
  if (isAlias(node)) return convertAlias(ctx, ctx.anchors.get(node), node.source, pointAt(ctx, node.range?.[0]) ?? fallback, path);
  if (isScalar(node)) return convertScalar(ctx, node, fallback);
  if (isMap(node)) return guarded(ctx, node, () => convertMap(ctx, node, fallback, path));
  if (isSeq(node)) return guarded(ctx, node, () => convertSeq(ctx, node, fallback, path));
  return nullAt(ctx, fallback);
}

function convertAlias(ctx: ConvertContext, target: unknown, name: string, at: SourcePoint, path: string): SourceNode {
  if (target === undefined) {
    ctx.findings.report({
      code: 'COMPOSE_YAML_ALIAS',
      at,
      path,
      message: `Alias *${name} refers to an anchor &${name} that is not defined before it.`,
      hint: `Define the anchor (\`&${name}\`) on a value above this line, or fix the alias name.`,
    });
    return nullAt(ctx, at);
  }
  if (typeof target === 'object' && target !== null && ctx.inProgress.has(target)) {
    ctx.findings.report({
      code: 'COMPOSE_YAML_ALIAS',
      at,
      path,
      message: `Alias *${name} is used inside the value anchored as &${name}, which would make it infinite.`,
      hint: 'An alias can only refer to a value that is complete; move it out of its own anchor.',
    });
    return nullAt(ctx, at);
  }
  return convert(ctx, target, at, path);
}

function guarded(ctx: ConvertContext, node: object, build: () => SourceNode): SourceNode {
  ctx.inProgress.add(node);
  try {
    return build();
  } finally {
    ctx.inProgress.delete(node);
  }
}

function convertScalar(ctx: ConvertContext, node: Scalar, fallback: SourcePoint): SourceNode {
  const tag = mergeTagOf(node.tag);
  const implicitNull = node.value === null && node.source === '';
  const at = implicitNull ? fallback : (pointAt(ctx, node.range?.[0]) ?? fallback);
  let value = scalarValue(node.value);
  // An unknown tag such as !override leaves a plain scalar unresolved; resolve it as YAML would.
  if (tag !== undefined && node.type === 'PLAIN' && typeof value === 'string') value = resolvePlain(value);
  const text = node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : value === null ? '' : String(value);
  return { kind: 'scalar', value, text, variables: [], at, baseDir: ctx.baseDir, ...(tag ? { tag } : {}) };
}

function convertSeq(ctx: ConvertContext, node: { items: unknown[]; range?: readonly number[] | null | undefined; tag?: string | undefined }, fallback: SourcePoint, path: string): SourceNode {
  const at = pointAt(ctx, node.range?.[0]) ?? fallback;
  const items = node.items.map((item, i) => convert(ctx, item, at, itemPath(path, i)));
  const tag = mergeTagOf(node.tag);
  return { kind: 'seq', items, at, baseDir: ctx.baseDir, ...(tag ? { tag } : {}) };
}

interface AstPair {
  key: unknown;
  value: unknown;
}

function convertMap(ctx: ConvertContext, node: { items: AstPair[]; range?: readonly number[] | null | undefined; tag?: string | undefined }, fallback: SourcePoint, path: string): SourceNode {
  const at = pointAt(ctx, node.range?.[0]) ?? fallback;
  const explicit = new Set<string>();
  for (const pair of node.items) {
    if (!isMergeKey(pair.key)) {
      const key = keyText(ctx, pair.key);
      if (key !== undefined) explicit.add(key);
    }
  }
  const entries: SourceEntry[] = [];
  const present = new Set<string>();
  for (const pair of node.items) {
    if (isMergeKey(pair.key)) {
      // Explicit keys win over merged ones; among merged mappings the first listed wins.
      for (const source of mergeSources(ctx, pair, at, path)) {
        for (const entry of source.entries) {
          if (explicit.has(entry.key) || present.has(entry.key)) continue;
          entries.push(entry);
          present.add(entry.key);
        }
      }
      continue;
    }
    const key = keyText(ctx, pair.key);
    if (key === undefined) {
      ctx.findings.report({
        code: 'COMPOSE_YAML_KEY',
        at: pointAt(ctx, rangeStart(pair.key)) ?? at,
        path: childPath(path, '?'),
        message: 'A mapping key must be a plain string, not a mapping or a list.',
        hint: 'Write the key as text, e.g. `name: value`.',
      });
      continue;
    }
    const keyAt = pointAt(ctx, rangeStart(pair.key)) ?? at;
    entries.push({ key, keyAt, value: convert(ctx, pair.value, keyAt, childPath(path, key)) });
    present.add(key);
  }
  const tag = mergeTagOf(node.tag);
  return { kind: 'map', entries, at, baseDir: ctx.baseDir, ...(tag ? { tag } : {}) };
}

function mergeSources(ctx: ConvertContext, pair: AstPair, at: SourcePoint, path: string): SourceMap[] {
  const valueAt = pointAt(ctx, rangeStart(pair.value)) ?? at;
  const converted = convert(ctx, pair.value, valueAt, path);
  const candidates = converted.kind === 'seq' ? converted.items : [converted];
  const sources: SourceMap[] = [];
  for (const candidate of candidates) {
    if (candidate.kind === 'map') {
      sources.push(candidate);
    } else {
      ctx.findings.report({
        code: 'COMPOSE_YAML_MERGE_KEY',
        at: candidate.at,
        path: childPath(path, '<<'),
        message: 'The value of the merge key `<<` must be a mapping or a list of mappings.',
        hint: 'Merge an anchored mapping, e.g. `<<: *defaults` or `<<: [*a, *b]`.',
      });
    }
  }
  return sources;
}

function keyText(ctx: ConvertContext, key: unknown): string | undefined {
  const node = isAlias(key) ? ctx.anchors.get(key) : key;
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return String(node.value);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.source === '<<';
}

function mergeTagOf(tag: string | undefined): MergeTag | undefined {
  if (tag === '!reset') return 'reset';
  if (tag === '!override') return 'override';
  return undefined;
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  return String(value);
}

/** YAML 1.2 core schema resolution of a plain scalar. */
function resolvePlain(text: string): ScalarValue {
  if (/^(~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}

function pointAt(ctx: ConvertContext, offset: number | undefined): SourcePoint | undefined {
  if (offset === undefined) return undefined;
  const { line, col } = ctx.lines.linePos(offset);
  return { file: ctx.file, line, column: col };
}

function nullAt(ctx: ConvertContext, at: SourcePoint): SourceNode {
  return { kind: 'scalar', value: null, text: '', variables: [], at, baseDir: ctx.baseDir };
}

/** The key written at `offset`, for the duplicate-key message. */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const quoted = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')/.exec(rest);
  if (quoted?.[1]) return quoted[1].slice(1, -1);
  return (/^[^:\n]*/.exec(rest)?.[0] ?? '').trim();
}
