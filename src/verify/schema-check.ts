/**
 * The structure and schema check: top-level block types and labels, the bodies of Terraform's
 * own blocks, and every `aws_*` resource, data source and ephemeral resource against the AWS
 * provider schema (with meta-arguments, `lifecycle`, `dynamic` blocks and attributes written as
 * blocks). Types of other providers are stated as unchecked, once per provider and module.
 */
import type { Finding } from '../diagnostics/finding.js';
import type { Block } from '../hcl/index.js';
import { didYouMean } from '../util/did-you-mean.js';
import { attributeSite, blockSite, MODE_OF_BLOCK, type ModuleIndex, type ProviderSchema, type ResourceMode, schemaFor } from '../terraform/index.js';
import { checkBody } from './body-check.js';
import { specFromSchema, staticSpec, withExtras, type BodySpec } from './body-spec.js';
import { didYouMeanHint, verifyFinding } from './codes.js';
import { resourceMetaSpec, TOP_LEVEL_BLOCKS } from './language-spec.js';

const UNCHECKED_BODY = staticSpec({ anyAttributes: true, anyBlocks: true });

interface UncheckedProvider {
  readonly file: string;
  readonly block: Block;
  readonly addresses: string[];
}

export function checkSchema(index: ModuleIndex, schema: ProviderSchema): Finding[] {
  const findings: Finding[] = [];
  const unchecked = new Map<string, UncheckedProvider>();
  for (const file of index.files) {
    for (const item of file.ast.body.items) {
      if (item.kind === 'attribute') {
        findings.push(
          verifyFinding('SCHEMA_UNKNOWN_ARGUMENT', `An argument named "${item.name}" is not expected at the top level of a file.`, { file: file.path, range: attributeSite(item) }, {
            hint: 'Top-level content is blocks only (resource, variable, locals, ...); put values in a locals block.',
          }),
        );
      } else if (item.kind === 'block') {
        checkTopLevelBlock(file.path, item, schema, findings, unchecked);
      }
    }
  }
  for (const [provider, first] of [...unchecked.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const shown = first.addresses.slice(0, 3).join(', ') + (first.addresses.length > 3 ? ', …' : '');
    findings.push(
      verifyFinding(
        'SCHEMA_PROVIDER_UNCHECKED',
        `${first.addresses.length} block(s) of the "${provider}" provider (${shown}) are not checked against a provider schema.`,
        { file: first.file, range: blockSite(first.block) },
        { path: index.dir, hint: 'Only the hashicorp/aws schema ships with ecsform; `terraform validate` checks the rest.' },
      ),
    );
  }
  return findings;
}

function checkTopLevelBlock(file: string, block: Block, schema: ProviderSchema, findings: Finding[], unchecked: Map<string, UncheckedProvider>): void {
  const spec = Object.hasOwn(TOP_LEVEL_BLOCKS, block.type) ? TOP_LEVEL_BLOCKS[block.type] : undefined;
  if (!spec) {
    findings.push(
      verifyFinding('SCHEMA_UNKNOWN_BLOCK', `Blocks of type "${block.type}" are not expected at the top level.`, { file, range: blockSite(block) }, {
        hint: didYouMeanHint(didYouMean(block.type, Object.keys(TOP_LEVEL_BLOCKS))),
      }),
    );
    return;
  }
  if (block.labels.length !== spec.labels) {
    findings.push(
      verifyFinding('SCHEMA_BLOCK_LABELS', `A "${block.type}" block takes ${spec.labels} label(s), not ${block.labels.length}.`, { file, range: blockSite(block) }),
    );
    return;
  }
  const mode = Object.hasOwn(MODE_OF_BLOCK, block.type) ? MODE_OF_BLOCK[block.type as keyof typeof MODE_OF_BLOCK] : undefined;
  if (mode) {
    checkResourceBlock(file, block, mode, schema, findings, unchecked);
    return;
  }
  const path = [block.type, ...block.labels].join('.');
  if (spec.body) checkBody(block.body, spec.body, { file, path, site: blockSite(block), findings });
  if (block.type === 'check') {
    for (const nested of block.body.items) {
      if (nested.kind === 'block' && nested.type === 'data' && nested.labels.length === 2) checkResourceBlock(file, nested, 'data', schema, findings, unchecked);
    }
  }
}

function checkResourceBlock(file: string, block: Block, mode: ResourceMode, schema: ProviderSchema, findings: Finding[], unchecked: Map<string, UncheckedProvider>): void {
  const [type = '', name = ''] = block.labels;
  const address = `${mode === 'managed' ? '' : `${mode}.`}${type}.${name}`;
  let base: BodySpec = UNCHECKED_BODY;
  if (type.startsWith('aws_')) {
    const schemaBlock = schemaFor(schema, { mode, type });
    if (!schemaBlock) {
      findings.push(unknownType(file, block, mode, type, schema));
      return;
    }
    base = specFromSchema(schemaBlock);
  } else {
    const provider = type.includes('_') ? type.slice(0, type.indexOf('_')) : type;
    const entry = unchecked.get(provider);
    if (entry) entry.addresses.push(address);
    else unchecked.set(provider, { file, block, addresses: [address] });
  }
  checkBody(block.body, withExtras(base, resourceMetaSpec(mode)), { file, path: address, site: blockSite(block), findings });
}

function unknownType(file: string, block: Block, mode: ResourceMode, type: string, schema: ProviderSchema): Finding {
  const kinds = { managed: 'resource type', data: 'data source', ephemeral: 'ephemeral resource type' } as const;
  const candidates = mode === 'managed' ? schema.resourceTypes() : mode === 'data' ? schema.dataSourceTypes() : schema.ephemeralTypes();
  let hint = didYouMeanHint(didYouMean(type, candidates));
  if (mode === 'managed' && schema.dataSource(type)) hint = `"${type}" exists as a data source: data "${type}" "…".`;
  else if (mode === 'data' && schema.resource(type)) hint = `"${type}" is a resource type, not a data source.`;
  return verifyFinding(
    'SCHEMA_UNKNOWN_TYPE',
    `The AWS provider ${schema.version} has no ${kinds[mode]} "${type}".`,
    { file, range: block.labelRanges?.[0] ?? blockSite(block) },
    { path: `${mode === 'managed' ? '' : `${mode}.`}${type}.${block.labels[1] ?? ''}`, hint },
  );
}
