/**
 * Reads a usage file (YAML, or JSON, which YAML reads too) strictly: an unknown key is an error
 * with a did-you-mean, a wrong value names its key, and every message points at file:line:column.
 * All problems are reported at once as an `InputError`.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../diagnostics/errors.js';
import type { Finding, SourcePoint } from '../diagnostics/finding.js';
import { didYouMean } from '../util/did-you-mean.js';
import { innerObjectShape, usageSchema, type Usage } from './usage.js';

const HINT = 'See docs/cost.md for the usage keys and their defaults.';

/** `file` is the path shown in messages. */
export function parseUsageFile(file: string, text: string): Usage {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): SourcePoint => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((error) => ({ code: 'USAGE_SYNTAX', severity: 'error', message: `${file}: ${firstLine(error.message)}`, ...at(error.pos[0]), hint: HINT })));
  }
  const input: unknown = doc.toJS() ?? {};
  const result = usageSchema.safeParse(input);
  if (result.success) return result.data;
  throw new InputError(result.error.issues.flatMap((issue) => describeIssue(issue, doc, at)));
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, doc: Document, at: (offset: number | undefined) => SourcePoint): Finding[] {
  const path = issue.path.map((segment) => String(segment));
  if (issue.code === 'unrecognized_keys') {
    const valid = validKeysAt(path);
    return issue.keys.map((key) => {
      const suggestion = didYouMean(key, valid);
      return {
        code: 'USAGE_UNKNOWN_KEY',
        severity: 'error' as const,
        message: `Unknown usage key \`${[...path, key].join('.')}\`.`,
        ...at(keyOffset(doc, path, key)),
        path: [...path, key].join('.'),
        hint: `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Valid keys${path.length > 0 ? ` of ${path.join('.')}` : ''}: ${valid.join(', ')}.`,
      };
    });
  }
  const node = doc.getIn(path, true);
  const offset = isNode(node) ? node.range?.[0] : keyOffset(doc, path.slice(0, -1), path[path.length - 1] ?? '');
  return [
    {
      code: 'USAGE_INVALID',
      severity: 'error',
      message: `Usage key \`${path.join('.') || '(top level)'}\` ${issueMessage(issue)}.`,
      ...at(offset),
      path: path.join('.'),
      hint: HINT,
    },
  ];
}

function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return `is invalid: ${issue.message}`;
  }
}

/** The keys the schema accepts at `path` (an object inside the usage file). */
function validKeysAt(path: readonly string[]): string[] {
  let shape: Record<string, z.ZodType> | undefined = usageSchema.shape;
  for (const segment of path) {
    const field: z.ZodType | undefined = shape?.[segment];
    shape = field ? innerObjectShape(field) : undefined;
  }
  return Object.keys(shape ?? {}).sort();
}

/** Where key `key` of the mapping at `path` is written. */
function keyOffset(doc: Document, path: readonly string[], key: string): number | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(parent)) return isNode(parent) ? parent.range?.[0] : undefined;
  const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : parent.range?.[0];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
