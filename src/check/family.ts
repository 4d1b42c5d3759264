/**
 * A rule family: one named set of checks `check()` runs over the modules src/terraform/ read
 * (`ecsform check --rules` and `CheckOptions.checks` select them by name). A family is a function
 * of a `CheckContext` to findings, plus the documentation of every code it can emit.
 */
import type { CodeDoc, Finding } from '../diagnostics/finding.js';
import type { SecurityOptions } from '../security/index.js';
import type { ExprUses, ModuleIndex, ProviderSchema, SourceFile } from '../terraform/index.js';

/** Options a family reads; each family that takes options has its own key. */
export interface FamilyOptions {
  /** For the `security` family: which rules (all by default) and suppressions passed in. */
  readonly security?: SecurityOptions;
}

/** What every family receives: the input read once, and shared lazily computed facts. */
export interface CheckContext {
  /** The files whose syntax is valid, paths relative to the checked root. */
  readonly files: readonly SourceFile[];
  /** One per directory holding `.tf` files, sorted by directory. */
  readonly modules: readonly ModuleIndex[];
  readonly modulesByDir: ReadonlyMap<string, ModuleIndex>;
  /** Directories of the input files: a local module call must stay within them. */
  readonly inputDirs: ReadonlySet<string>;
  /** Every reference and function call of a module, collected once and shared. */
  usesOf(module: ModuleIndex): ExprUses;
  /** The AWS provider schema, loaded once (families that need it say so: `usesSchema`). */
  schema(): Promise<ProviderSchema>;
  readonly options: FamilyOptions;
}

export interface RuleFamily<Name extends string = string> {
  /** The name `--rules`-style selections and timings use. */
  readonly name: Name;
  /** One line: what the family checks. */
  readonly summary: string;
  /** True when the family says what Terraform itself would accept or reject (part of `CORRECTNESS_CHECKS`). */
  readonly correctness: boolean;
  /** True when `run` reads `context.schema()`: the schema then starts loading before parsing ends. */
  readonly usesSchema?: boolean;
  /** Every code the family can emit, documented (SARIF rule metadata, code tables). */
  readonly codes: ReadonlyMap<string, CodeDoc>;
  run(context: CheckContext): readonly Finding[] | Promise<readonly Finding[]>;
}

export function defineFamily<const Name extends string>(family: RuleFamily<Name>): RuleFamily<Name> {
  return Object.freeze(family);
}
