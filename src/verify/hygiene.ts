/**
 * Module hygiene: the tflint "terraform" rules terraform-aws-modules enforce (documented and typed
 * variables, documented outputs, version constraints, no unused declarations, no interpolation-only
 * strings), plus duplicate declarations, which Terraform itself rejects.
 */
import type { Finding } from '../diagnostics/finding.js';
import type { Expr } from '../hcl/index.js';
import { blockSite, type ExprUses, findAttribute, forEachModuleExpression, isInterpolationOnly, literalString, type ModuleIndex, referencedAddress, type ResourceDecl, walkExpr } from '../terraform/index.js';
import { verifyFinding } from './codes.js';

/** Resource type prefixes served by Terraform itself (`terraform_data`), needing no provider. */
const BUILTIN_PROVIDERS: ReadonlySet<string> = new Set(['terraform']);

export function checkHygiene(index: ModuleIndex, uses: ExprUses): Finding[] {
  const findings: Finding[] = [];
  documentation(index, findings);
  versionConstraints(index, findings);
  if (index.complete) unused(index, uses, findings);
  interpolationOnly(index, findings);
  for (const duplicate of index.duplicates) {
    findings.push(
      verifyFinding(
        'HYGIENE_DUPLICATE',
        `${duplicate.address} is declared twice; the first declaration is at ${duplicate.first.file}:${duplicate.first.range?.start.line ?? '?'}.`,
        duplicate.second,
        { path: duplicate.address, hint: 'Rename or remove one of them.' },
      ),
    );
  }
  return findings;
}

function documentation(index: ModuleIndex, findings: Finding[]): void {
  for (const variable of index.variables.values()) {
    const site = { file: variable.file, range: blockSite(variable.block) };
    if (!hasText(variable.description?.expr)) {
      findings.push(verifyFinding('HYGIENE_VARIABLE_DESCRIPTION', `variable "${variable.name}" has no description.`, site, { path: variable.address }));
    }
    if (!variable.type) {
      findings.push(verifyFinding('HYGIENE_VARIABLE_TYPE', `variable "${variable.name}" has no type.`, site, { path: variable.address }));
    }
  }
  for (const output of index.outputs.values()) {
    if (!hasText(findAttribute(output.block.body, 'description')?.expr)) {
      findings.push(
        verifyFinding('HYGIENE_OUTPUT_DESCRIPTION', `output "${output.name}" has no description.`, { file: output.file, range: blockSite(output.block) }, { path: output.address }),
      );
    }
  }
}

/** A description given as anything but an empty string literal counts. */
function hasText(expr: Expr | undefined): boolean {
  if (expr === undefined) return false;
  const text = literalString(expr);
  return text === undefined || text.trim() !== '';
}

function versionConstraints(index: ModuleIndex, findings: Finding[]): void {
  const withVersion = index.terraformBlocks.some((t) => findAttribute(t.block.body, 'required_version') !== undefined);
  if (!withVersion) {
    const first = index.terraformBlocks[0];
    const site = first ? { file: first.file, range: blockSite(first.block) } : { file: index.files[0]?.path ?? index.dir };
    findings.push(
      verifyFinding('HYGIENE_REQUIRED_VERSION', `The module in ${index.dir} does not constrain the Terraform version.`, site, {
        path: index.dir,
        hint: 'Add terraform { required_version = ">= 1.5" } (or the version you test with).',
      }),
    );
  }
  const firstUse = new Map<string, ResourceDecl>();
  for (const resource of index.resources.values()) {
    if (!BUILTIN_PROVIDERS.has(resource.providerName) && !firstUse.has(resource.providerName)) firstUse.set(resource.providerName, resource);
  }
  for (const [provider, resource] of firstUse) {
    const entry = index.requiredProviders.get(provider);
    const expectedSource = provider === 'aws' ? 'hashicorp/aws' : undefined;
    let problem: string | undefined;
    if (!entry) problem = 'has no required_providers entry';
    else if (entry.source === undefined) problem = 'has no source in required_providers';
    else if (expectedSource && normalizeSource(entry.source) !== expectedSource) problem = `has source "${entry.source}", not "${expectedSource}"`;
    else if (entry.version === undefined) problem = 'has no version constraint in required_providers';
    if (!problem) continue;
    findings.push(
      verifyFinding('HYGIENE_REQUIRED_PROVIDERS', `The "${provider}" provider (used by ${resource.address}) ${problem}.`, { file: resource.file, range: blockSite(resource.block) }, {
        path: index.dir,
        hint: `terraform { required_providers { ${provider} = { source = "${expectedSource ?? `<namespace>/${provider}`}", version = ">= …" } } }`,
      }),
    );
  }
}

function normalizeSource(source: string): string {
  return source.toLowerCase().replace(/^registry\.terraform\.io\//, '');
}

function unused(index: ModuleIndex, uses: ExprUses, findings: Finding[]): void {
  const used = new Set<string>();
  for (const ref of uses.references) {
    const address = referencedAddress(ref);
    if (address === undefined) continue;
    // A variable read only by its own validation is still unused.
    if (address === ref.scope.owner && address.startsWith('var.')) continue;
    used.add(address);
  }
  for (const variable of index.variables.values()) {
    if (!used.has(variable.address)) {
      findings.push(
        verifyFinding('HYGIENE_UNUSED_VARIABLE', `variable "${variable.name}" is declared but never used.`, { file: variable.file, range: blockSite(variable.block) }, {
          path: variable.address,
        }),
      );
    }
  }
  for (const local of index.locals.values()) {
    if (!used.has(local.address)) {
      findings.push(
        verifyFinding('HYGIENE_UNUSED_LOCAL', `local.${local.name} is declared but never used.`, { file: local.file, range: local.attribute.nameRange ?? local.attribute.range }, {
          path: local.address,
        }),
      );
    }
  }
}

function interpolationOnly(index: ModuleIndex, findings: Finding[]): void {
  forEachModuleExpression(index, (root, scope) => {
    walkExpr(root, (expr) => {
      if (expr.kind !== 'template' || !isInterpolationOnly(expr)) return;
      findings.push(
        verifyFinding('HYGIENE_INTERPOLATION_ONLY', 'Interpolation-only expressions are deprecated: write the expression without "${ }".', { file: scope.file, range: expr.range }, {
          path: scope.owner,
        }),
      );
    });
  });
}
