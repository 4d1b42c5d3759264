/**
 * Policy statements (data) as `statement` blocks of an `aws_iam_policy_document`, with the ARN
 * placeholders replaced by the expressions the stack supplies.
 */
import type { Block, Expr, TemplatePart } from '../hcl/ast.js';
import { attr, block, str, tuple } from '../hcl/build.js';
import { PLACEHOLDERS, type Placeholder, type ResourceSpec, type StatementSpec } from '../aws/iam-statement.js';

/** Turns a resource or condition value into the expression to write. */
export type Filler = (spec: ResourceSpec) => Expr;

export function statementBlock(statement: StatementSpec, fill: Filler): Block {
  return block('statement', [], [
    attr('sid', statement.sid),
    statement.effect === 'Deny' ? attr('effect', 'Deny') : undefined,
    attr('actions', tuple([...statement.actions].map(str), statement.actions.length > 3)),
    attr('resources', tuple(statement.resources.map(fill), statement.resources.length > 2)),
    ...(statement.conditions ?? []).map((c) => block('condition', [], [attr('test', c.test), attr('variable', c.variable), attr('values', tuple(c.values.map(fill), c.values.length > 3))])),
  ]);
}

/**
 * Replaces `{partition}`, `{account}`... in ARN templates, whether written as strings or as the
 * string parts of a template around a reference. Values are thunks so a data source is declared
 * only when some statement uses it.
 */
export function placeholderFiller(values: Readonly<Record<Placeholder, () => Expr>>): Filler {
  const pattern = new RegExp(`\\{(${PLACEHOLDERS.join('|')})\\}`, 'g');
  const fillText = (text: string): TemplatePart[] =>
    text.split(pattern).flatMap((piece, i): TemplatePart[] => {
      if (i % 2 === 1) return [{ kind: 'interpolation', expr: values[piece as Placeholder]() }];
      return piece === '' ? [] : [{ kind: 'string', value: piece }];
    });
  const toExpr = (parts: readonly TemplatePart[]): Expr => {
    const merged = mergeStrings(parts);
    const only = merged[0];
    // `"${var.x}"` alone is written as `var.x`, as terraform fmt users expect.
    return merged.length === 1 && only?.kind === 'interpolation' ? only.expr : { kind: 'template', parts: merged };
  };
  return (spec) => {
    if (typeof spec === 'string') return toExpr(fillText(spec));
    if (spec.kind !== 'template') return spec;
    return toExpr(spec.parts.flatMap((part) => (part.kind === 'string' ? fillText(part.value) : [part])));
  };
}

function mergeStrings(parts: readonly TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'string' && last?.kind === 'string') out[out.length - 1] = { kind: 'string', value: last.value + part.value };
    else out.push(part);
  }
  return out;
}
