/**
 * `check`: the library behind `ecsform check DIR`. No file or process I/O: the caller passes the
 * files in. Each file is parsed once (src/terraform/), HashiCorp's parser decides which files are
 * read further, then every selected rule family (./families/) runs over the same modules; the
 * modules come back with the findings so later consumers (cost, diagrams) need not parse again.
 */
import { compareFindings, type Finding } from '../diagnostics/finding.js';
import { warmUp } from '../hcl/index.js';
import { collectModuleUses, type ExprUses, groupIntoModules, indexModules, loadAwsSchema, moduleDirOf, type ModuleIndex, parseFiles, type ProviderSchema } from '../terraform/index.js';
import { checkFileSyntax, filesOwnParserAccepts, inputFindings } from '../verify/index.js';
import { FAMILIES } from './families/index.js';
import type { CheckContext, FamilyOptions } from './family.js';

/** `syntax` (HashiCorp's parser, which decides what is read further), then the families. */
export type CheckName = 'syntax' | (typeof FAMILIES)[number]['name'];

export const CHECK_NAMES: readonly CheckName[] = ['syntax', ...FAMILIES.map((family) => family.name)];

/** What Terraform itself would accept or reject: everything but the security rules. */
export const CORRECTNESS_CHECKS: ReadonlySet<CheckName> = new Set<CheckName>(['syntax', ...FAMILIES.filter((family) => family.correctness).map((family) => family.name)]);

export interface CheckInput {
  /** Paths relative to the checked root, e.g. `infra/terraform/main.tf`. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export interface CheckOptions extends FamilyOptions {
  /** The checks to run; all by default. */
  readonly checks?: ReadonlySet<CheckName>;
}

/** Milliseconds spent per phase: `parse` (our parser and the module index), each check run, `total`. */
export type CheckTimings = Readonly<Partial<Record<'parse' | CheckName | 'total', number>>>;

export interface CheckResult {
  /** Sorted with `compareFindings`. */
  readonly findings: readonly Finding[];
  /** One per directory holding `.tf` files, sorted by directory; files that did not parse are left out. */
  readonly modules: readonly ModuleIndex[];
  readonly timings: CheckTimings;
}

type Phase = 'parse' | CheckName;

export async function check(input: CheckInput, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const enabled = (name: CheckName): boolean => options.checks === undefined || options.checks.has(name);
  const families = FAMILIES.filter((family) => enabled(family.name));
  const timings: Partial<Record<Phase | 'total', number>> = {};
  const timed = async <T>(phase: Phase, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings[phase] = (timings[phase] ?? 0) + (performance.now() - start);
    return result;
  };
  // Start compiling the WebAssembly tools and decoding the schema while our parser runs.
  const warming = enabled('syntax') || enabled('format') ? warmUp() : undefined;
  const schemaLoading = families.some((family) => family.usesSchema) ? loadAwsSchema() : undefined;

  const grouped = groupIntoModules(input.files);
  const findings: Finding[] = inputFindings(grouped);
  const allFiles = grouped.modules.flatMap((m) => m.files);
  const parses = await timed('parse', () => parseFiles(allFiles));
  // What is left of the WebAssembly start-up counts towards the first check that needs it.
  if (warming) await timed(enabled('syntax') ? 'syntax' : 'format', () => warming);
  const verdict = enabled('syntax') ? await timed('syntax', () => checkFileSyntax(parses)) : filesOwnParserAccepts(parses);
  appendAll(findings, verdict.findings);
  const modules = await timed('parse', () => indexModules(grouped.modules, parses, verdict.usable));

  const uses = new Map<ModuleIndex, ExprUses>();
  const context: CheckContext = {
    files: allFiles.filter((f) => verdict.usable.has(f.path)),
    modules,
    modulesByDir: new Map(modules.map((m) => [m.dir, m])),
    inputDirs: new Set(input.files.map((f) => moduleDirOf(f.path))),
    usesOf(module) {
      let found = uses.get(module);
      if (!found) uses.set(module, (found = collectModuleUses(module)));
      return found;
    },
    schema: (): Promise<ProviderSchema> => schemaLoading ?? loadAwsSchema(),
    options,
  };
  for (const family of families) appendAll(findings, await timed(family.name, () => family.run(context)));
  timings.total = performance.now() - started;
  return { findings: findings.sort(compareFindings), modules, timings };
}

/** `target.push(...items)` passes every item as an argument: past about 100,000 the stack overflows. */
function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
