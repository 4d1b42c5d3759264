/**
 * `verify`: the library behind `ecsform check DIR`. No file or process I/O: the caller passes
 * the files in. Each file is parsed once; the parsed modules come back with the findings so later
 * consumers (security rules, cost, diagrams) need not parse again.
 */
import { compareFindings, type Finding } from '../diagnostics/finding.js';
import { warmUp } from '../hcl/index.js';
import { verifyFinding } from './codes.js';
import { checkCycles } from './cycles.js';
import { checkFormat } from './format.js';
import { checkHygiene } from './hygiene.js';
import { checkModuleCalls } from './module-calls.js';
import { collectModuleUses, type ExprUses, type GroupedInput, groupIntoModules, indexModule, loadAwsSchema, moduleDirOf, type ModuleFiles, type ModuleIndex, type ParsedFile, type ProviderSchema, type SourceFile } from '../terraform/index.js';
import { checkReferences } from './references.js';
import { checkSchema } from './schema-check.js';
import { runSecurityRules, type SecurityOptions } from '../security/index.js';
import { checkFileSyntax, filesOwnParserAccepts, parseFiles, type OwnParse } from './syntax.js';

export const CHECK_NAMES = ['syntax', 'format', 'schema', 'references', 'hygiene', 'security'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** Everything but the security rules: what Terraform itself would accept or reject. */
export const CORRECTNESS_CHECKS: ReadonlySet<CheckName> = new Set(CHECK_NAMES.filter((check) => check !== 'security'));

export interface VerifyInput {
  /** Paths relative to the checked root, e.g. `infra/terraform/main.tf`. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export interface VerifyOptions {
  /** The checks to run; all by default. */
  readonly checks?: ReadonlySet<CheckName>;
  /** For the `security` check: which rules (all by default) and suppressions passed in (src/security/). */
  readonly security?: SecurityOptions;
}

/** Milliseconds spent per phase: `parse` (our parser and the module index), each check run, `total`. */
export type VerifyTimings = Readonly<Partial<Record<'parse' | CheckName | 'total', number>>>;

export interface VerifyResult {
  /** Sorted with `compareFindings`. */
  readonly findings: readonly Finding[];
  /** One per directory holding `.tf` files, sorted by directory; files that did not parse are left out. */
  readonly modules: readonly ModuleIndex[];
  readonly timings: VerifyTimings;
}

type Phase = 'parse' | CheckName;

export async function verify(input: VerifyInput, options: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  const enabled = (check: CheckName): boolean => options.checks === undefined || options.checks.has(check);
  const timings: Partial<Record<Phase | 'total', number>> = {};
  const timed = async <T>(phase: Phase, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings[phase] = (timings[phase] ?? 0) + (performance.now() - start);
    return result;
  };
  // Start compiling the WebAssembly tools and decoding the schema while our parser runs.
  const warming = enabled('syntax') || enabled('format') ? warmUp() : undefined;
  const schemaLoading = enabled('schema') || enabled('references') ? loadAwsSchema() : undefined;
  const schema = (): Promise<ProviderSchema> => schemaLoading ?? loadAwsSchema();

  const grouped = groupIntoModules(input.files);
  const findings: Finding[] = inputFindings(grouped);
  const allFiles: SourceFile[] = grouped.modules.flatMap((m) => m.files);
  const parses = await timed('parse', () => parseFiles(allFiles));
  // What is left of the WebAssembly start-up counts towards the first check that needs it.
  if (warming) await timed(enabled('syntax') ? 'syntax' : 'format', () => warming);
  const verdict = enabled('syntax') ? await timed('syntax', () => checkFileSyntax(parses)) : filesOwnParserAccepts(parses);
  findings.push(...verdict.findings);
  const modules = await timed('parse', () => indexModules(grouped.modules, parses, verdict.usable));
  const byDir = new Map(modules.map((m) => [m.dir, m]));
  const inputDirs = new Set(input.files.map((f) => moduleDirOf(f.path)));
  const uses = new Map<ModuleIndex, ExprUses>();
  const usesOf = (module: ModuleIndex): ExprUses => {
    let found = uses.get(module);
    if (!found) uses.set(module, (found = collectModuleUses(module)));
    return found;
  };

  if (enabled('format')) {
    findings.push(...(await timed('format', () => checkFormat(allFiles.filter((f) => verdict.usable.has(f.path))))));
  }
  if (enabled('schema')) {
    const loaded = await timed('schema', schema);
    findings.push(...(await timed('schema', () => modules.flatMap((m) => checkSchema(m, loaded)))));
  }
  if (enabled('references')) {
    const loaded = await timed('references', schema);
    findings.push(
      ...(await timed('references', () =>
        modules.flatMap((m) => [
          ...checkReferences({ index: m, uses: usesOf(m), schema: loaded, modules: byDir }),
          ...checkModuleCalls(m, byDir, inputDirs),
          ...(m.complete ? checkCycles(m, { modules: byDir, usesOf }) : []),
        ]),
      )),
    );
  }
  if (enabled('hygiene')) {
    findings.push(...(await timed('hygiene', () => modules.flatMap((m) => checkHygiene(m, usesOf(m))))));
  }
  if (enabled('security')) {
    findings.push(...(await timed('security', () => runSecurityRules(modules, options.security))));
  }
  timings.total = performance.now() - started;
  return { findings: findings.sort(compareFindings), modules, timings };
}

/** Files left out of the check, or nothing to check at all. */
function inputFindings(grouped: GroupedInput): Finding[] {
  const findings = grouped.jsonFiles.map((path) =>
    verifyFinding('VERIFY_JSON_IGNORED', `${path} is Terraform JSON, which ecsform does not check.`, { file: path }, {
      hint: 'Declarations in this file are invisible to the reference checks of its module.',
    }),
  );
  if (grouped.modules.length === 0) findings.push(verifyFinding('VERIFY_NO_TERRAFORM', 'No .tf files to check.'));
  return findings;
}

/** One index per module, over the files whose syntax is valid; a module missing any is incomplete. */
function indexModules(grouped: readonly ModuleFiles[], parses: readonly OwnParse[], usable: ReadonlySet<string>): ModuleIndex[] {
  const astByPath = new Map(parses.map((p) => [p.file.path, p.ast]));
  return grouped.map((module) => {
    const files: ParsedFile[] = [];
    for (const file of module.files) {
      const ast = astByPath.get(file.path);
      if (ast && usable.has(file.path)) files.push({ path: file.path, text: file.text, ast });
    }
    return indexModule(module.dir, files, files.length === module.files.length);
  });
}
