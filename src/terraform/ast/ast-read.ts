/** Small readers over the HCL document model, shared by the checks. */
import type { Attribute, Block, Body, Expr, ObjectExpr, Range, TemplateExpr } from '../../hcl/index.js';

export function attributesOf(body: Body): Attribute[] {
  const out: Attribute[] = [];
  for (const item of body.items) if (item.kind === 'attribute') out.push(item);
  return out;
}

export function blocksOf(body: Body, type?: string): Block[] {
  const out: Block[] = [];
  for (const item of body.items) if (item.kind === 'block' && (type === undefined || item.type === type)) out.push(item);
  return out;
}

export function findAttribute(body: Body, name: string): Attribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

/** The text of a string literal without interpolations (`"abc"`, a heredoc without `${}`). */
export function literalString(expr: Expr | undefined): string | undefined {
  if (expr?.kind !== 'template') return undefined;
  let text = '';
  for (const part of expr.parts) {
    if (part.kind !== 'string') return undefined;
    text += part.value;
  }
  return text;
}

/** `"${x}"`: a quoted template that is exactly one interpolation (Terraform returns `x` unconverted). */
export function isInterpolationOnly(expr: TemplateExpr): boolean {
  return expr.heredoc === undefined && expr.parts.length === 1 && expr.parts[0]?.kind === 'interpolation';
}

/** The name of an object key written as a bare identifier or a literal string. */
export function objectKeyName(key: Expr): string | undefined {
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  if (key.kind === 'paren') return literalString(key.inner);
  return literalString(key);
}

/** Key/value pairs of an object constructor whose keys are static names. */
export function objectEntries(expr: ObjectExpr): { name: string; value: Expr; range: Range | undefined }[] {
  const out: { name: string; value: Expr; range: Range | undefined }[] = [];
  for (const item of expr.items) {
    const name = objectKeyName(item.key);
    if (name !== undefined) out.push({ name, value: item.value, range: item.key.range });
  }
  return out;
}

/** Where a finding about a block should point: its type keyword. */
export function blockSite(block: Block): Range | undefined {
  return block.typeRange ?? block.range;
}

export function attributeSite(attribute: Attribute): Range | undefined {
  return attribute.nameRange ?? attribute.range;
}

/** `resource "aws_lb" "main"` → `resource "aws_lb" "main"`, for messages. */
export function describeBlock(block: Block): string {
  return [block.type, ...block.labels.map((label) => `"${label}"`)].join(' ');
}
