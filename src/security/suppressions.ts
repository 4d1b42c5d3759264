/**
 * Deliberate exceptions. A suppression marks a finding `suppressed: { reason }` instead of
 * dropping it, so reports still show what was accepted and why. Two sources:
 * - `# ecsform:ignore RULE_ID reason` directly above a resource or data source;
 * - suppressions passed in options (the generator's `x-ecsform.suppress`).
 * A suppression without a reason, or naming no rule, is itself a finding and suppresses nothing.
 */
import type { Finding, SourcePoint } from '../diagnostics/finding.js';
import { closestName } from './closest-rule.js';
import { ignoreDirectives, type ModuleIndex } from '../terraform/index.js';

export interface SecuritySuppression {
  readonly rule: string;
  /** A Terraform address (`aws_lb.main`, or one instance: `aws_subnet.public[0]`); every resource when omitted. */
  readonly resource?: string;
  /** Why the finding is acceptable. Without one the suppression is reported and ignored. */
  readonly reason?: string;
  /** Where the suppression was written, for findings about it. */
  readonly at?: SourcePoint;
  /** Its logical path, e.g. `x-ecsform.suppress[0]`. */
  readonly path?: string;
}

/** The finding codes this module emits about suppressions themselves. */
export const SUPPRESSION_CODES = {
  SUPPRESSION_NO_REASON: {
    title: 'Suppression without a reason',
    description: 'An `ecsform:ignore` comment or an `x-ecsform.suppress` entry that does not say why the finding is acceptable. It suppresses nothing until it does.',
    severity: 'medium',
  },
  SUPPRESSION_UNKNOWN_RULE: {
    title: 'Suppression names no rule',
    description: 'An `ecsform:ignore` comment or an `x-ecsform.suppress` entry naming a rule id that does not exist (often a typo; the finding suggests the closest id).',
    severity: 'low',
  },
  SUPPRESSION_UNUSED: {
    title: 'Suppression matches nothing',
    description: 'A suppression for a rule that reports nothing on its resource: the problem was fixed, or the suppression sits on the wrong resource. Remove or move it.',
    severity: 'info',
  },
} as const;

interface Entry {
  readonly rule: string;
  readonly reason: string;
  /** Set for a comment: the declaration it sits above. */
  readonly declaration?: { readonly module: string; readonly address: string };
  readonly resource?: string;
  readonly where: Pick<Finding, 'file' | 'line' | 'column' | 'path'>;
  readonly label: string;
  used: boolean;
}

export class SuppressionBook {
  /** Problems with the suppressions themselves. */
  readonly problems: Finding[] = [];
  private readonly comments = new Map<string, Entry[]>();
  private readonly passed: Entry[] = [];
  /** Declarations with no instance: their comments cannot be used, so are never "unused". */
  private readonly absent = new Set<string>();

  constructor(
    modules: readonly ModuleIndex[],
    passed: readonly SecuritySuppression[],
    private readonly ruleIds: ReadonlySet<string>,
    private readonly selected: ReadonlySet<string>,
  ) {
    for (const module of modules) this.readComments(module);
    for (const [index, suppression] of passed.entries()) this.readPassed(suppression, index);
  }

  /** Marks a declaration that creates no instance (count = 0, empty for_each). */
  noteAbsent(module: ModuleIndex, address: string): void {
    this.absent.add(declarationKey(module.dir, address));
  }

  /** The reason a finding is suppressed, if a suppression covers it. */
  reasonFor(rule: string, module: ModuleIndex, address: string, instance: string, alsoAt: readonly string[]): string | undefined {
    let reason: string | undefined;
    for (const declaration of [address, ...alsoAt]) {
      for (const entry of this.comments.get(declarationKey(module.dir, declaration)) ?? []) {
        if (entry.rule !== rule) continue;
        entry.used = true;
        reason ??= entry.reason;
      }
    }
    for (const entry of this.passed) {
      if (entry.rule !== rule || (entry.resource !== undefined && entry.resource !== address && entry.resource !== instance)) continue;
      entry.used = true;
      reason ??= entry.reason;
    }
    return reason;
  }

  /** `SUPPRESSION_UNUSED` for valid suppressions of rules that ran and matched nothing. */
  unused(): Finding[] {
    const out: Finding[] = [];
    const entries = [...[...this.comments.values()].flat(), ...this.passed];
    for (const entry of entries) {
      if (entry.used || !this.selected.has(entry.rule)) continue;
      if (entry.declaration && this.absent.has(declarationKey(entry.declaration.module, entry.declaration.address))) continue;
      out.push({
        code: 'SUPPRESSION_UNUSED',
        severity: SUPPRESSION_CODES.SUPPRESSION_UNUSED.severity,
        message: `${entry.label} matches no finding of ${entry.rule}.`,
        ...entry.where,
        hint: 'Remove the suppression, or move it to the resource the finding is about.',
      });
    }
    return out;
  }

  private readComments(module: ModuleIndex): void {
    for (const decl of module.resources.values()) {
      const site = module.find(decl.address);
      if (!site) continue;
      for (const directive of ignoreDirectives(site.leadingComments)) {
        const start = directive.comment.range?.start;
        const where = { file: decl.file, ...(start ? { line: start.line, column: start.column } : {}), path: decl.address };
        const label = `ecsform:ignore ${directive.ruleId} above ${decl.address}`;
        const entry = this.validate(directive.ruleId, directive.reason, where, label);
        if (!entry) continue;
        const key = declarationKey(module.dir, decl.address);
        const list = this.comments.get(key) ?? [];
        list.push({ ...entry, declaration: { module: module.dir, address: decl.address } });
        this.comments.set(key, list);
      }
    }
  }

  private readPassed(suppression: SecuritySuppression, index: number): void {
    const at = suppression.at;
    const where = {
      ...(at ? { file: at.file, line: at.line, column: at.column } : {}),
      path: suppression.path ?? `suppress[${index}]`,
    };
    const label = `Suppression of ${suppression.rule}${suppression.resource ? ` for ${suppression.resource}` : ''} (${where.path})`;
    const entry = this.validate(suppression.rule, suppression.reason ?? '', where, label);
    if (entry) this.passed.push({ ...entry, ...(suppression.resource !== undefined ? { resource: suppression.resource } : {}) });
  }

  private validate(rule: string, reason: string, where: Entry['where'], label: string): Entry | undefined {
    if (!this.ruleIds.has(rule)) {
      const suggestion = closestName(rule, this.ruleIds);
      this.problems.push({
        code: 'SUPPRESSION_UNKNOWN_RULE',
        severity: SUPPRESSION_CODES.SUPPRESSION_UNKNOWN_RULE.severity,
        message: `${label} names no security rule${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
        ...where,
        hint: 'Use a rule id from docs/security-rules.md.',
      });
      return undefined;
    }
    if (reason.trim() === '') {
      this.problems.push({
        code: 'SUPPRESSION_NO_REASON',
        severity: SUPPRESSION_CODES.SUPPRESSION_NO_REASON.severity,
        message: `${label} gives no reason, so it suppresses nothing.`,
        ...where,
        hint: `Say why the finding is acceptable: \`# ecsform:ignore ${rule} <reason>\`.`,
      });
      return undefined;
    }
    return { rule, reason: reason.trim(), where, label, used: false };
  }
}

function declarationKey(module: string, address: string): string {
  return `${module}\u0000${address}`;
}
