/**
 * Validates `x-ecsform` blocks against the strict schema and turns every schema issue into a
 * finding that points at the user's line, with a did-you-mean for misspelled keys.
 */
import type { z } from 'zod';
import type { Finding, SourcePoint } from '../../diagnostics/finding.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { locate, toPlain } from '../raw-node.js';
import type { RawNode } from '../types.js';
import { projectExtensionSchema, serviceExtensionSchema, type ProjectExtension, type ServiceExtension } from './schema.js';

export const X_ECSFORM_CODES = {
  XECSFORM_UNKNOWN_KEY: { title: 'Unknown x-ecsform key', description: 'A key that x-ecsform does not define; it would otherwise be ignored silently.' },
  XECSFORM_INVALID: { title: 'Invalid x-ecsform value', description: 'A value of the wrong type or outside its allowed range.' },
} as const;

interface Parsed<T> {
  readonly value: T | undefined;
  readonly findings: Finding[];
}

/** `at` is used when the extension is absent (defaults apply) or is not a mapping. */
export function parseProjectExtension(node: RawNode | undefined, at: SourcePoint): Parsed<ProjectExtension> {
  return parseWith(projectExtensionSchema, node, at, 'x-ecsform');
}

export function parseServiceExtension(node: RawNode | undefined, at: SourcePoint, serviceName: string): Parsed<ServiceExtension> {
  return parseWith(serviceExtensionSchema, node, at, `services.${serviceName}.x-ecsform`);
}

function parseWith<S extends z.ZodType>(schema: S, node: RawNode | undefined, at: SourcePoint, prefix: string): Parsed<z.output<S>> {
  const input = node ? toPlain(node) : {};
  const result = schema.safeParse(input === null ? {} : input);
  if (result.success) return { value: result.data, findings: [] };
  const findings = flattenIssues(result.error.issues, input).flatMap((issue) => describeIssue(issue, schema, node, at, prefix));
  return { value: undefined, findings };
}

type Issue = z.core.$ZodIssue;

/** Unions report every branch's issues; keep only the branch that matches the input's shape. */
function flattenIssues(issues: readonly Issue[], input: unknown, base: readonly PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const value = valueAt(input, path);
      const branches = issue.errors.filter((branch) => branchMatchesShape(branch, value));
      const best = (branches.length > 0 ? branches : issue.errors).reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...flattenIssues(best, input, path));
    } else {
      out.push({ ...issue, path } as Issue);
    }
  }
  return out;
}

/** A branch whose only complaint is the top-level type did not expect this kind of value. */
function branchMatchesShape(branch: readonly Issue[], value: unknown): boolean {
  const top = branch.find((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'));
  if (!top) return true;
  return typeof value === 'string' ? top.code === 'invalid_value' : false;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeIssue(issue: Issue, schema: z.ZodType, node: RawNode | undefined, at: SourcePoint, prefix: string): Finding[] {
  const segments = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
  const dotted = [prefix, ...segments].join('.');
  if (issue.code === 'unrecognized_keys') {
    const valid = keysAt(schema, segments);
    return issue.keys.map((key) => {
      const where = node ? locate(node, [...segments, key], { key: true }) : { at, path: prefix };
      const suggestion = didYouMean(key, valid);
      return {
        code: 'XECSFORM_UNKNOWN_KEY',
        severity: 'error' as const,
        message: `Unknown key \`${key}\` in ${dotted}.`,
        ...where.at,
        path: `${dotted}.${key}`,
        hint: suggestion ? `Did you mean \`${suggestion}\`? Valid keys: ${valid.join(', ')}.` : `Valid keys: ${valid.join(', ')}.`,
      };
    });
  }
  const where = node ? locate(node, segments) : { at, path: prefix };
  return [
    {
      code: 'XECSFORM_INVALID',
      severity: 'error',
      message: `${dotted}: ${issueMessage(issue)}.`,
      ...where.at,
      path: dotted,
      hint: 'See docs/x-ecsform.md for the keys and values x-ecsform accepts.',
    },
  ];
}

function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^Invalid string: /, '');
  }
}

/** The keys an object schema accepts at `path`, for did-you-mean suggestions. */
function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return [];
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') current = unwrap((def.shape as Record<string, z.ZodType>)[String(segment)]);
    else if (def.type === 'array') current = unwrap(def.element as z.ZodType);
    else if (def.type === 'record') current = unwrap(def.valueType as z.ZodType);
    else return [];
  }
  const objects = current ? objectsIn(current) : [];
  return [...new Set(objects.flatMap((o) => Object.keys(o._zod.def.shape)))].sort();
}

function objectsIn(schema: z.ZodType): z.ZodObject[] {
  const def = schema._zod.def as unknown as { type: string; options?: z.ZodType[] };
  if (def.type === 'object') return [schema as unknown as z.ZodObject];
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => objectsIn(unwrap(o) ?? o));
  return [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    const def = current._zod.def as unknown as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) current = def.innerType;
    else return current;
  }
  return current;
}
