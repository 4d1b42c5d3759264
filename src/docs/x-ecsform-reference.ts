/**
 * The x-ecsform reference (docs/x-ecsform.md) and the JSON Schemas for editors, generated from
 * the zod schema itself, so a key cannot exist without being documented.
 */
import { z } from 'zod';
import { projectExtensionSchema, serviceExtensionSchema } from '../load/x-ecsform/schema.js';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};

export function projectJsonSchema(): JsonSchema & { $schema?: string; title?: string } {
  return { ...(z.toJSONSchema(projectExtensionSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema), title: 'x-ecsform (top level of a Compose file)' };
}

export function serviceJsonSchema(): JsonSchema & { $schema?: string; title?: string } {
  return { ...(z.toJSONSchema(serviceExtensionSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema), title: 'x-ecsform (inside a Compose service)' };
}

/** Keys whose description is missing, for the test that keeps the reference complete. */
export function undocumentedKeys(): string[] {
  const missing: string[] = [];
  const visit = (schema: JsonSchema, path: string) => {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const keyPath = path ? `${path}.${key}` : key;
      if (!describe(child)) missing.push(keyPath);
      for (const nested of objectShapes(child)) visit(nested, keyPath);
    }
  };
  visit(projectJsonSchema(), 'x-ecsform');
  visit(serviceJsonSchema(), 'services.<name>.x-ecsform');
  return missing;
}

export function xEcsformReference(): string {
  const lines = [
    '# x-ecsform reference',
    '',
    '<!-- Generated from src/load/x-ecsform/schema.ts by `node dist/scripts/generate-docs.js`; do not edit. -->',
    '',
    'x-ecsform is a Compose extension: Compose ignores it, ecsform reads it. It goes at the top level of the Compose file (project settings) and inside services (service settings). Every key is checked: a misspelled key is an error that names the line and suggests the right key.',
    '',
    'Editors that understand JSON Schema can validate it while you type: [schema/x-ecsform.schema.json](../schema/x-ecsform.schema.json) and [schema/x-ecsform-service.schema.json](../schema/x-ecsform-service.schema.json).',
    '',
    '## Project settings (top-level `x-ecsform`)',
    '',
    ...table(projectJsonSchema(), 'x-ecsform'),
    '',
    '## Service settings (`services.<name>.x-ecsform`)',
    '',
    ...table(serviceJsonSchema(), 'x-ecsform'),
    '',
  ];
  return lines.join('\n');
}

function table(schema: JsonSchema, root: string): string[] {
  const rows: string[] = ['| Key | Type | Default | Description |', '|-----|------|---------|-------------|'];
  const visit = (node: JsonSchema, path: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const keyPath = `${path}.${key}`;
      rows.push(`| \`${keyPath}\` | ${typeOf(child)} | ${defaultOf(child)} | ${escape(describe(child) ?? '')} |`);
      for (const nested of objectShapes(child)) visit(nested, isArray(child) ? `${keyPath}[]` : isRecord(child) ? `${keyPath}.<name>` : keyPath);
    }
  };
  visit(schema, root);
  return rows;
}

function describe(schema: JsonSchema): string | undefined {
  return schema.description ?? schema.anyOf?.find((s) => s.description)?.description ?? schema.oneOf?.find((s) => s.description)?.description;
}

/** The object shapes below a node (directly, in an array, in a record, or in union members). */
function objectShapes(schema: JsonSchema): JsonSchema[] {
  if (schema.properties) return [schema];
  if (schema.items) return objectShapes(schema.items);
  if (typeof schema.additionalProperties === 'object') return objectShapes(schema.additionalProperties);
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(objectShapes);
}

const isArray = (schema: JsonSchema) => schema.type === 'array';
const isRecord = (schema: JsonSchema) => schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object';

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return members.map(typeOf).join(' or ');
  if (isArray(schema)) return `list of ${schema.items ? typeOf(schema.items) : 'any'}`;
  if (isRecord(schema)) return `map of ${typeOf(schema.additionalProperties as JsonSchema)}`;
  if (schema.type === 'integer') {
    // zod's `int()` bounds every integer by the safe-integer range: those bounds say nothing.
    const min = schema.minimum !== undefined && schema.minimum > -1e9 ? schema.minimum : undefined;
    const max = schema.maximum !== undefined && schema.maximum < 1e9 ? schema.maximum : undefined;
    const range = min !== undefined || max !== undefined ? ` (${min ?? ''}..${max ?? ''})` : '';
    return `integer${range}`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

function defaultOf(schema: JsonSchema): string {
  if (schema.default === undefined) return '';
  if (typeof schema.default === 'object' && schema.default !== null && !Array.isArray(schema.default)) return Object.keys(schema.default).length === 0 ? '`{}`' : '(see keys)';
  return `\`${JSON.stringify(schema.default)}\``;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
