/**
 * Checks one block body against a `BodySpec`, recursively: unknown, read-only, repeated and
 * missing arguments, literal types, unknown, repeated and missing blocks, label counts, and
 * `dynamic` blocks (which may generate any number of blocks, so they satisfy a required block
 * and never count as a repetition).
 */
import type { Finding } from '../diagnostics/finding.js';
import type { Attribute, Block, Body, Range } from '../hcl/index.js';
import { didYouMean } from '../util/did-you-mean.js';
import { attributeSite, blockSite } from '../terraform/index.js';
import type { BlockSpec, BodySpec } from './body-spec.js';
import { didYouMeanHint, verifyFinding, type VerifyCode } from './codes.js';
import { dynamicBlockSpec } from './language-spec.js';
import { literalMismatch } from './literal-types.js';

export interface BodyContext {
  readonly file: string;
  /** Logical path of the body, e.g. `aws_ecs_service.api.network_configuration`. */
  readonly path: string;
  /** Where "missing" findings point: the block owning the body. */
  readonly site: Range | undefined;
  readonly findings: Finding[];
}

export function checkBody(body: Body, spec: BodySpec, context: BodyContext): void {
  const seen = new Map<string, Attribute>();
  const staticBlocks = new Map<string, Block[]>();
  const dynamicBlocks = new Set<string>();
  const report = (code: VerifyCode, message: string, range: Range | undefined, path: string, hint?: string): void => {
    context.findings.push(verifyFinding(code, message, { file: context.file, range }, { path, hint }));
  };

  for (const item of body.items) {
    if (item.kind === 'attribute') {
      const path = `${context.path}.${item.name}`;
      if (seen.has(item.name)) {
        report('SCHEMA_ARGUMENT_REPEATED', `The argument "${item.name}" is set more than once.`, attributeSite(item), path);
        continue;
      }
      seen.set(item.name, item);
      checkAttribute(item, spec, path, report);
      continue;
    }
    if (item.kind !== 'block') continue;
    const path = `${context.path}.${item.type}`;
    if (item.type === 'dynamic' && spec.allowsDynamic && spec.block('dynamic') === undefined) {
      const label = checkDynamic(item, spec, context, report);
      if (label !== undefined) dynamicBlocks.add(label);
      continue;
    }
    const nested = spec.block(item.type);
    if (!nested) {
      if (!spec.anyBlocks) unknownBlock(item, spec, path, report);
      continue;
    }
    let list = staticBlocks.get(item.type);
    if (!list) staticBlocks.set(item.type, (list = []));
    list.push(item);
    checkNestedBlock(item, nested, { ...context, path, site: blockSite(item) }, report);
  }

  for (const name of spec.attributeNames()) {
    const attribute = spec.attribute(name);
    if (attribute?.required && !seen.has(name)) {
      report('SCHEMA_MISSING_ARGUMENT', `The argument "${name}" is required, but no definition was found.`, context.site, `${context.path}.${name}`);
    }
  }
  for (const name of spec.blockNames()) {
    const nested = spec.block(name);
    if (!nested) continue;
    const count = staticBlocks.get(name)?.length ?? 0;
    if (nested.minItems > 0 && count === 0 && !dynamicBlocks.has(name)) {
      report('SCHEMA_MISSING_BLOCK', `At least one "${name}" block is required.`, context.site, `${context.path}.${name}`);
    }
  }
  for (const [name, blocks] of staticBlocks) {
    const nested = spec.block(name);
    const second = blocks[1];
    if (nested?.maxItems === 1 && second) {
      report('SCHEMA_BLOCK_REPEATED', `Only one "${name}" block is allowed here; this is the second.`, blockSite(second), `${context.path}.${name}`);
    }
  }
}

type Report = (code: VerifyCode, message: string, range: Range | undefined, path: string, hint?: string) => void;

function checkAttribute(item: Attribute, spec: BodySpec, path: string, report: Report): void {
  const attribute = spec.attribute(item.name);
  if (!attribute) {
    if (spec.anyAttributes) return;
    const isBlock = spec.block(item.name) !== undefined;
    const hint = isBlock ? `"${item.name}" is a block: write ${item.name} { ... }.` : didYouMeanHint(didYouMean(item.name, settableNames(spec)));
    report('SCHEMA_UNKNOWN_ARGUMENT', `An argument named "${item.name}" is not expected here.`, attributeSite(item), path, hint);
    return;
  }
  if (attribute.readOnly) {
    report('SCHEMA_READONLY_ARGUMENT', `"${item.name}" is read-only: the provider computes it, configuration cannot set it.`, attributeSite(item), path);
    return;
  }
  const problem = literalMismatch(item.expr, attribute.type);
  if (problem) {
    report('SCHEMA_TYPE_MISMATCH', `Inappropriate value for "${item.name}": ${problem.message}.`, problem.range ?? item.range, path, attribute.hint);
  }
}

function settableNames(spec: BodySpec): string[] {
  return [...spec.attributeNames()].filter((name) => !spec.attribute(name)?.readOnly);
}

function unknownBlock(item: Block, spec: BodySpec, path: string, report: Report): void {
  const attribute = spec.attribute(item.type);
  const hint = attribute
    ? attribute.readOnly
      ? `"${item.type}" is a read-only attribute.`
      : `"${item.type}" is an argument: write ${item.type} = ...`
    : didYouMeanHint(didYouMean(item.type, spec.blockNames()));
  report('SCHEMA_UNKNOWN_BLOCK', `Blocks of type "${item.type}" are not expected here.`, blockSite(item), path, hint);
}

function checkNestedBlock(item: Block, nested: BlockSpec, context: BodyContext, report: Report): void {
  if (item.labels.length !== nested.labels) {
    const expected = nested.labels === 0 ? 'no labels' : nested.labels === 1 ? 'one label' : `${nested.labels} labels`;
    report('SCHEMA_BLOCK_LABELS', `A "${item.type}" block takes ${expected}, not ${item.labels.length}.`, blockSite(item), context.path);
    return;
  }
  if (nested.body) checkBody(item.body, nested.body, context);
}

/** Checks a `dynamic` block; returns the block type it generates when that type is valid here. */
function checkDynamic(item: Block, spec: BodySpec, context: BodyContext, report: Report): string | undefined {
  const label = item.labels[0];
  if (item.labels.length !== 1 || label === undefined) {
    report('SCHEMA_BLOCK_LABELS', `A "dynamic" block takes one label, the type of the blocks it generates.`, blockSite(item), `${context.path}.dynamic`);
    return undefined;
  }
  const path = `${context.path}.dynamic.${label}`;
  const target = spec.block(label);
  if (!target) {
    const attribute = spec.attribute(label);
    const hint = attribute ? `"${label}" is an argument, not a block.` : didYouMeanHint(didYouMean(label, spec.blockNames()));
    if (!spec.anyBlocks) report('SCHEMA_UNKNOWN_BLOCK', `A dynamic block cannot generate "${label}" blocks: they are not expected here.`, item.labelRanges?.[0] ?? blockSite(item), path, hint);
    return undefined;
  }
  checkBody(item.body, dynamicBlockSpec(target.body), { ...context, path, site: blockSite(item) });
  return label;
}
