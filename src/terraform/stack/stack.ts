/**
 * A Terraform configuration as it would be planned: the root modules of the input, the local
 * modules they call (with the call's arguments as variable values), and every resource with its
 * `count`/`for_each` instances. Values come from `evaluate()` of the verifier; whatever it cannot
 * know stays unknown, with the reason, and is never replaced by a guess.
 *
 * Cost estimates, diagrams and the report all read resources through this.
 */
import type { Expr } from '../../hcl/index.js';
import { evaluate, type EvalScope } from '../eval/evaluate.js';
import type { Value } from '../eval/values.js';
import { resolveLocalSource } from '../files.js';
import type { ModuleCallDecl, ModuleIndex, ResourceDecl, VariableDecl } from '../module-index.js';
import { expandInstances, instanceAddress } from '../instances.js';
import { isUnknown, Unknown } from '../unknown.js';

/** One instance of a module: a root module, or one instance of a call to a local module. */
export interface ModuleInstance {
  readonly module: ModuleIndex;
  /** `''` for a root module; `module.app.` or `module.app["a"].` below one. */
  readonly prefix: string;
  /** The root module this instance belongs to (its directory). */
  readonly root: string;
  /** The scope this module's expressions are evaluated in (variables from the call's arguments). */
  readonly scope: EvalScope;
  /** Variables set from call arguments whose value is unknown, with why. */
  readonly unknownVariables: ReadonlyMap<string, string>;
}

export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

export interface StackResource {
  readonly decl: ResourceDecl;
  readonly owner: ModuleInstance;
  /** The address with the module prefix and without an instance key: `module.app.aws_lb.main`. */
  readonly address: string;
  readonly site: SourceLine;
  /** The instances `count`/`for_each` give, or why their number is unknown. */
  readonly instances: readonly StackInstance[] | Unknown;
}

export interface StackInstance {
  /** `aws_lb.main`, `aws_subnet.public[0]`, `aws_ecr_repository.services["api"]`. */
  readonly address: string;
  readonly key?: string | number;
  readonly scope: EvalScope;
}

/** A module call whose resources are not part of the stack, with why. */
export interface OpaqueModuleCall {
  readonly address: string;
  readonly site: SourceLine;
  readonly reason: string;
}

export interface Stack {
  readonly roots: readonly string[];
  readonly modules: readonly ModuleInstance[];
  /** Managed resources and data sources, in module then file order. */
  readonly resources: readonly StackResource[];
  readonly opaqueCalls: readonly OpaqueModuleCall[];
  /** Directories with a file that did not parse: their declarations may be incomplete. */
  readonly incompleteModules: readonly string[];
  /** The resource or data source declared as `address` (no module prefix) in `owner`'s module. */
  find(owner: ModuleInstance, address: string): StackResource | undefined;
}

/** Module-call arguments that are not input variables. */
const CALL_META = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

export function buildStack(modules: readonly ModuleIndex[]): Stack {
  const byDir = new Map(modules.map((m) => [m.dir, m]));
  const called = new Set<string>();
  for (const module of modules) {
    for (const call of module.moduleCalls.values()) {
      const target = localTarget(module, call, byDir);
      if (target && target.dir !== module.dir) called.add(target.dir);
    }
  }
  const roots = modules.filter((m) => !called.has(m.dir));
  const builder = new StackBuilder(byDir);
  for (const root of roots) builder.addModule({ module: root, prefix: '', root: root.dir, scope: { module: root }, unknownVariables: new Map() }, []);
  const byOwner = new Map<ModuleInstance, Map<string, StackResource>>();
  for (const resource of builder.resources) {
    let declared = byOwner.get(resource.owner);
    if (!declared) byOwner.set(resource.owner, (declared = new Map()));
    declared.set(resource.decl.address, resource);
  }
  return {
    roots: roots.map((r) => r.dir),
    modules: builder.moduleInstances,
    resources: builder.resources,
    opaqueCalls: builder.opaqueCalls,
    incompleteModules: modules.filter((m) => !m.complete).map((m) => m.dir),
    find: (owner, address) => byOwner.get(owner)?.get(address),
  };
}

class StackBuilder {
  readonly moduleInstances: ModuleInstance[] = [];
  readonly resources: StackResource[] = [];
  readonly opaqueCalls: OpaqueModuleCall[] = [];

  constructor(private readonly byDir: ReadonlyMap<string, ModuleIndex>) {}

  addModule(instance: ModuleInstance, calling: readonly string[]): void {
    this.moduleInstances.push(instance);
    const { module } = instance;
    for (const decl of module.resources.values()) {
      if (decl.mode === 'ephemeral') continue;
      this.resources.push({
        decl,
        owner: instance,
        address: `${instance.prefix}${decl.address}`,
        site: siteOf(decl.file, decl.block.range?.start.line),
        instances: resourceInstances(decl, instance),
      });
    }
    for (const call of module.moduleCalls.values()) this.addCall(instance, call, calling);
  }

  private addCall(caller: ModuleInstance, call: ModuleCallDecl, calling: readonly string[]): void {
    const address = `${caller.prefix}${call.address}`;
    const site = siteOf(call.file, call.block.range?.start.line);
    const opaque = (reason: string): void => void this.opaqueCalls.push({ address, site, reason });
    const target = localTarget(caller.module, call, this.byDir);
    if (!target) {
      opaque(`its source ${call.source === undefined ? '(not a literal)' : `"${call.source}"`} is not a directory of the input`);
      return;
    }
    if (calling.includes(target.dir)) {
      opaque(`it calls ${target.dir} again (a module cannot call itself)`);
      return;
    }
    const instances = expandInstances(call.meta, caller.scope, (expr, scope) => evaluateIn(caller, expr, scope));
    if (isUnknown(instances)) {
      opaque(`the number of instances is unknown: ${instances.why}`);
      return;
    }
    for (const instance of instances) {
      const prefix = instanceAddress(address, instance.key);
      const variables: Record<string, Value> = {};
      const unknownVariables = new Map<string, string>();
      for (const item of call.block.body.items) {
        if (item.kind !== 'attribute' || CALL_META.has(item.name)) continue;
        const evaluated = evaluateIn(caller, item.expr, instance.scope);
        if (isUnknown(evaluated)) unknownVariables.set(item.name, evaluated.why);
        else variables[item.name] = evaluated;
      }
      const view = unknownVariables.size === 0 ? target : withoutDefaults(target, unknownVariables);
      this.addModule({ module: target, prefix: `${prefix}.`, root: caller.root, scope: { module: view, variables }, unknownVariables }, [...calling, caller.module.dir]);
    }
  }
}

function resourceInstances(decl: ResourceDecl, owner: ModuleInstance): readonly StackInstance[] | Unknown {
  const instances = expandInstances(decl.meta, owner.scope, (expr, scope) => evaluateIn(owner, expr, scope));
  if (isUnknown(instances)) return instances;
  return instances.map((i) => ({ address: instanceAddress(`${owner.prefix}${decl.address}`, i.key), ...(i.key !== undefined ? { key: i.key } : {}), scope: i.scope }));
}

/**
 * Evaluates an expression of `owner`'s module. A variable set from an unknown call argument
 * reads as "no default" to the evaluator; the reason is rewritten to name the argument.
 */
export function evaluateIn(owner: ModuleInstance, expr: Expr, scope: EvalScope = owner.scope): Value | Unknown {
  const result = evaluate(expr, scope);
  if (!isUnknown(result)) return result;
  const variable = /^var\.([A-Za-z0-9_-]+) has no default and no value was supplied$/.exec(result.why)?.[1];
  const argument = variable !== undefined ? owner.unknownVariables.get(variable) : undefined;
  if (argument !== undefined) return new Unknown(`var.${variable} is set by ${owner.prefix.slice(0, -1)}, where ${argument}`);
  return result;
}

/** The module a call points to when its source is a local directory present in the input. */
function localTarget(caller: ModuleIndex, call: ModuleCallDecl, byDir: ReadonlyMap<string, ModuleIndex>): ModuleIndex | undefined {
  const dir = call.source !== undefined ? resolveLocalSource(caller.dir, call.source) : undefined;
  return dir !== undefined ? byDir.get(dir) : undefined;
}

/** A view of `module` whose listed variables have no default, so reading them stays unknown. */
function withoutDefaults(module: ModuleIndex, names: ReadonlyMap<string, string>): ModuleIndex {
  const variables = new Map<string, VariableDecl>();
  for (const [name, decl] of module.variables) {
    if (!names.has(name)) variables.set(name, decl);
    else variables.set(name, { name: decl.name, address: decl.address, file: decl.file, block: decl.block, ...(decl.type ? { type: decl.type } : {}) });
  }
  return { ...module, variables };
}

function siteOf(file: string, line: number | undefined): SourceLine {
  return { file, line: line ?? 1 };
}
