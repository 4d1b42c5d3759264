/**
 * Runs the security rules over indexed modules: each resource instance is read once per rule
 * that applies to its type (the module index is never re-parsed), findings are merged across the
 * instances of one resource, and suppressions are applied.
 */
import { compareFindings, type Finding } from '../diagnostics/finding.js';
import { type ModuleIndex, ModuleView, type ResourceDecl, type ResourceInstance, type Site } from '../terraform/index.js';
import type { ReportOptions, SecurityRule } from './rule.js';
import { SECURITY_RULES } from './rules/index.js';
import { SuppressionBook, type SecuritySuppression } from './suppressions.js';

export interface SecurityOptions {
  /** Rule ids to run; every rule when omitted (see `resolveRuleSelection` for ids and families). */
  readonly rules?: ReadonlySet<string>;
  /** Suppressions besides `ecsform:ignore` comments, e.g. the generator's `x-ecsform.suppress`. */
  readonly suppressions?: readonly SecuritySuppression[];
  /** Report suppressions that match no finding (`SUPPRESSION_UNUSED`, info). On by default. */
  readonly reportUnused?: boolean;
}

export function runSecurityRules(modules: readonly ModuleIndex[], options: SecurityOptions = {}): Finding[] {
  const selected = SECURITY_RULES.filter((rule) => options.rules === undefined || options.rules.has(rule.id));
  if (selected.length === 0) return [];
  const rulesByType = new Map<string, SecurityRule[]>();
  for (const rule of selected) {
    for (const type of rule.appliesTo) rulesByType.set(type, [...(rulesByType.get(type) ?? []), rule]);
  }
  const book = new SuppressionBook(
    modules,
    options.suppressions ?? [],
    new Set(SECURITY_RULES.map((rule) => rule.id)),
    new Set(selected.map((rule) => rule.id)),
  );
  const findings: Finding[] = [...book.problems];
  for (const module of modules) {
    const view = new ModuleView(module);
    for (const decl of module.resources.values()) {
      if (decl.mode === 'data' && view.instancesOf(decl).length === 0) book.noteAbsent(module, decl.address);
      const rules = decl.mode === 'managed' ? rulesByType.get(decl.type) : undefined;
      if (!rules) continue;
      const instances = view.instancesOf(decl);
      if (instances.length === 0) book.noteAbsent(module, decl.address);
      for (const rule of rules) findings.push(...checkResource(rule, decl, instances, view, book));
    }
  }
  if (options.reportUnused ?? true) findings.push(...book.unused());
  return findings.sort(compareFindings);
}

interface Report {
  readonly site: Site;
  readonly message: string;
  readonly instance: ResourceInstance;
  readonly options: ReportOptions;
}

/** One rule on every instance of one resource; a finding every instance shares is reported once. */
function checkResource(rule: SecurityRule, decl: ResourceDecl, instances: readonly ResourceInstance[], view: ModuleView, book: SuppressionBook): Finding[] {
  const groups = new Map<string, Report[]>();
  for (const instance of instances) {
    rule.check({
      resource: instance,
      module: view,
      report(site, message, options = {}) {
        const start = site.range?.start;
        const key = `${site.file}:${start?.line ?? 0}:${start?.column ?? 0}`;
        const group = groups.get(key) ?? [];
        // One report per instance and place: a rule looping over containers may hit one twice.
        if (!group.some((r) => r.instance === instance)) group.push({ site, message, instance, options });
        groups.set(key, group);
      },
    });
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const path = instances.length > 1 && group.length === instances.length ? decl.address : first.instance.address;
    const start = first.site.range?.start;
    const reason = book.reasonFor(rule.id, view.index, decl.address, first.instance.address, first.options.alsoSuppressedAt ?? []);
    out.push({
      code: rule.id,
      severity: rule.severity,
      message: first.message,
      file: first.site.file,
      ...(start ? { line: start.line, column: start.column } : {}),
      path,
      hint: rule.fix,
      ...(reason !== undefined ? { suppressed: { reason } } : {}),
    });
  }
  return out;
}
