/**
 * The reference check: every name an expression uses is declared in its module and used where
 * Terraform defines it; attributes read from `aws_*` resources and data sources exist in the
 * schema; instance keys follow `count`/`for_each`; outputs read from local modules exist.
 */
import type { Finding } from '../diagnostics/finding.js';
import type { Range } from '../hcl/index.js';
import { didYouMean } from '../util/did-you-mean.js';
import { followPath, shapeOfBlock, type Shape } from './attribute-paths.js';
import { didYouMeanHint, verifyFinding, type VerifyCode } from './codes.js';
import { type ExprUses, leadingNames, localModuleOf, type ModuleIndex, outputStep, type ProviderSchema, type Reference, type RefOp, type ResourceDecl, schemaFor } from '../terraform/index.js';
import { builtinFunctionNames, isKnownFunction } from './terraform-functions.js';

export interface ReferenceCheckInput {
  readonly index: ModuleIndex;
  readonly uses: ExprUses;
  readonly schema: ProviderSchema;
  /** Every module of the input, by directory, to check outputs of local module calls. */
  readonly modules: ReadonlyMap<string, ModuleIndex>;
}

const PATH_ATTRIBUTES = ['module', 'root', 'cwd'];
const TERRAFORM_ATTRIBUTES = ['workspace', 'applying'];

export function checkReferences(input: ReferenceCheckInput): Finding[] {
  const checker = new ReferenceChecker(input);
  for (const ref of input.uses.references) checker.check(ref);
  for (const call of input.uses.calls) {
    if (isKnownFunction(call.name)) continue;
    checker.report('REF_UNKNOWN_FUNCTION', `There is no function named "${call.name}".`, call.scope.file, call.range, call.scope.owner, didYouMeanHint(didYouMean(call.name, builtinFunctionNames())));
  }
  return checker.findings;
}

class ReferenceChecker {
  readonly findings: Finding[] = [];
  private readonly index: ModuleIndex;

  constructor(private readonly input: ReferenceCheckInput) {
    this.index = input.index;
  }

  report(code: VerifyCode, message: string, file: string, range: Range | undefined, path: string | undefined, hint?: string): void {
    this.findings.push(verifyFinding(code, message, { file, range }, { path, hint }));
  }

  check(ref: Reference): void {
    if (ref.scope.names.has(ref.root)) return;
    switch (ref.root) {
      case 'var':
        this.checkNamed(ref, 'var', this.index.variables, 'variable');
        return;
      case 'local':
        this.checkNamed(ref, 'local', this.index.locals, 'local value');
        return;
      case 'module':
        this.checkModule(ref);
        return;
      case 'data':
      case 'ephemeral':
        this.checkResource(ref, `${ref.root}.`, 2);
        return;
      case 'path':
        this.checkFixed(ref, PATH_ATTRIBUTES);
        return;
      case 'terraform':
        this.checkFixed(ref, TERRAFORM_ATTRIBUTES);
        return;
      case 'count':
        if (!ref.scope.count) {
          this.atRoot(ref, 'REF_COUNT_OUTSIDE_COUNT', '"count.index" is only available in a block that sets "count".');
          return;
        }
        this.checkFixed(ref, ['index']);
        return;
      case 'each':
        if (!ref.scope.forEach) {
          this.atRoot(ref, 'REF_EACH_OUTSIDE_FOR_EACH', `"each.${attrName(ref.ops[0]) ?? '…'}" is only available in a block that sets "for_each".`);
          return;
        }
        this.checkFixed(ref, ['key', 'value']);
        return;
      case 'self':
        if (!ref.scope.self) {
          this.atRoot(ref, 'REF_SELF_OUTSIDE_PROVISIONER', '"self" is only available in provisioner and connection blocks and in postconditions.', 'Refer to the resource by its address instead.');
        }
        return;
      default:
        this.checkResource(ref, '', 1);
        return;
    }
  }

  private atRoot(ref: Reference, code: VerifyCode, message: string, hint?: string): void {
    this.report(code, message, ref.scope.file, ref.rootRange ?? ref.range, ref.scope.owner, hint);
  }

  /** `var.x`, `local.x`: declared in the module. */
  private checkNamed(ref: Reference, root: 'var' | 'local', declared: ReadonlyMap<string, unknown>, what: string): void {
    const name = attrName(ref.ops[0]);
    if (name === undefined) {
      this.atRoot(ref, 'REF_UNDECLARED', `"${root}" must be followed by the name of a ${what}, as in ${root}.name.`);
      return;
    }
    if (declared.has(name) || !this.index.complete) return;
    const suggestion = didYouMean(name, declared.keys());
    this.atRoot(
      ref,
      'REF_UNDECLARED',
      `${root}.${name} refers to a ${what} that is not declared in this module.`,
      suggestion !== undefined ? `Did you mean ${root}.${suggestion}?` : root === 'var' ? `Declare it: variable "${name}" { ... }.` : `Declare it in a locals block.`,
    );
  }

  /** `path.module`, `terraform.workspace`, `count.index`, `each.key`: a fixed set of attributes. */
  private checkFixed(ref: Reference, allowed: readonly string[]): void {
    const name = attrName(ref.ops[0]);
    if (name !== undefined && allowed.includes(name)) return;
    const valid = allowed.map((a) => `${ref.root}.${a}`).join(', ');
    this.atRoot(ref, 'REF_UNDECLARED', `${ref.root}.${name ?? '…'} is not defined; ${ref.root} offers ${valid}.`);
  }

  /** `T.N…`, `data.T.N…`, `ephemeral.T.N…`. */
  private checkResource(ref: Reference, prefix: string, nameCount: 1 | 2): void {
    const names = leadingNames(ref, nameCount);
    if (!names) {
      const what = prefix === '' ? `${ref.root}.<name>` : `${ref.root}.<type>.<name>`;
      this.atRoot(ref, 'REF_UNDECLARED', `"${ref.root}" is not a valid reference: it needs the form ${what}.`);
      return;
    }
    const typeAndName = nameCount === 1 ? `${ref.root}.${names[0]}` : `${names[0]}.${names[1]}`;
    const address = `${prefix}${typeAndName}`;
    const decl = this.index.resources.get(address);
    if (!decl) {
      if (this.index.complete) this.undeclaredResource(ref, address, prefix);
      return;
    }
    this.checkInstanceAccess(ref, decl, ref.ops.slice(nameCount));
  }

  private undeclaredResource(ref: Reference, address: string, prefix: string): void {
    const candidates = [...this.index.resources.keys()].filter((a) => (prefix === '' ? !a.startsWith('data.') && !a.startsWith('ephemeral.') : a.startsWith(prefix)));
    const suggestion = didYouMean(address, candidates);
    const asData = prefix === '' && this.index.resources.has(`data.${address}`) ? `data.${address}` : undefined;
    const kind = prefix === 'data.' ? 'data source' : prefix === 'ephemeral.' ? 'ephemeral resource' : 'resource';
    this.atRoot(
      ref,
      'REF_UNDECLARED',
      `${address} refers to a ${kind} that is not declared in this module.`,
      asData ? `It is declared as a data source: ${asData}.` : suggestion ? `Did you mean ${suggestion}?` : undefined,
    );
  }

  /** Instance keys per `count`/`for_each`, then the attribute path through the schema. */
  private checkInstanceAccess(ref: Reference, decl: ResourceDecl, ops: readonly RefOp[]): void {
    const [first, ...rest] = ops;
    if (!first) return;
    const repetition = decl.meta.count ? 'count' : decl.meta.forEach ? 'for_each' : undefined;
    const shape = this.resourceShape(decl);
    const file = ref.scope.file;
    if (repetition) {
      if (first.kind === 'attr') {
        this.report(
          'REF_MISSING_INSTANCE_KEY',
          `${decl.address} has "${repetition}" set, so its attributes must be read from a specific instance.`,
          file,
          first.range ?? ref.range,
          ref.scope.owner,
          repetition === 'count' ? `Use ${decl.address}[count.index].${first.name}, ${decl.address}[0].${first.name} or ${decl.address}[*].${first.name}.` : `Use ${decl.address}[each.key].${first.name} or ${decl.address}["key"].${first.name}.`,
        );
        return;
      }
      if (!shape) return;
      if (first.kind === 'index') this.followAttributes(ref, shape, rest, `${decl.address}[…]`);
      // A splat over a for_each map is unusual enough not to judge.
      else if (repetition === 'count') this.followAttributes(ref, { kind: 'list', element: shape }, ops, decl.address);
      return;
    }
    if (first.kind === 'index') {
      this.report(
        'REF_UNEXPECTED_INSTANCE_KEY',
        `${decl.address} has neither "count" nor "for_each" set, so it must not be indexed.`,
        file,
        first.range ?? ref.range,
        ref.scope.owner,
        `Remove the index: ${decl.address}.<attribute>.`,
      );
      return;
    }
    if (shape) this.followAttributes(ref, shape, ops, decl.address);
  }

  private followAttributes(ref: Reference, shape: Shape, ops: readonly RefOp[], label: string): void {
    const result = followPath(shape, ops, label);
    if ('problem' in result) {
      this.report('REF_UNKNOWN_ATTRIBUTE', result.problem.message, ref.scope.file, result.problem.range ?? ref.range, ref.scope.owner, result.problem.hint);
    }
  }

  private resourceShape(decl: ResourceDecl): Shape | undefined {
    if (!decl.type.startsWith('aws_')) return undefined;
    const block = schemaFor(this.input.schema, decl);
    return block ? shapeOfBlock(block, decl.address) : undefined;
  }

  /** `module.x` is declared; `module.x.y` is an output of x when x is a local module we have. */
  private checkModule(ref: Reference): void {
    const name = attrName(ref.ops[0]);
    if (name === undefined) {
      this.atRoot(ref, 'REF_UNDECLARED', '"module" must be followed by the name of a module call, as in module.name.');
      return;
    }
    const call = this.index.moduleCalls.get(name);
    if (!call) {
      if (!this.index.complete) return;
      const suggestion = didYouMean(name, this.index.moduleCalls.keys());
      this.atRoot(ref, 'REF_UNDECLARED', `module.${name} refers to a module call that is not declared in this module.`, suggestion ? `Did you mean module.${suggestion}?` : undefined);
      return;
    }
    const target = localModuleOf(this.index, name, this.input.modules);
    const output = target ? outputStep(ref.ops.slice(1)) : undefined;
    if (!target || !output || target.outputs.has(output.name)) return;
    const suggestion = didYouMean(output.name, target.outputs.keys());
    this.report(
      'REF_UNKNOWN_ATTRIBUTE',
      `module.${name} (${call.source}) has no output "${output.name}".`,
      ref.scope.file,
      output.range ?? ref.range,
      ref.scope.owner,
      suggestion ? `Did you mean "${suggestion}"?` : `Declare output "${output.name}" in ${target.dir}.`,
    );
  }
}

function attrName(op: RefOp | undefined): string | undefined {
  return op?.kind === 'attr' ? op.name : undefined;
}
