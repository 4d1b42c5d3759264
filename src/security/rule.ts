/**
 * The shape of a security rule. Each rule is one file calling `defineRule`; its documentation
 * (title, severity, equivalents in other scanners, rationale, fix) lives beside its check, so the
 * rule table in docs/security-rules.md is complete by construction.
 */
import type { ModuleView, ResourceInstance, Site } from '../terraform/index.js';
import type { ConcernFamily, ServiceFamily } from './families.js';

export type RuleSeverity = 'critical' | 'high' | 'medium' | 'low';

/** The same check in other tools, from shared/reference/scanners-prices-fargate.md section 1. */
export interface Equivalents {
  readonly checkov?: readonly string[];
  readonly trivy?: readonly string[];
  readonly securityHub?: readonly string[];
  readonly cdkNag?: readonly string[];
}

export interface ReportOptions {
  /**
   * Declarations besides the checked resource whose `ecsform:ignore` comments also cover the
   * finding: the policy document a statement is written in, read by the role policy checked.
   */
  readonly alsoSuppressedAt?: readonly string[];
}

export interface RuleContext {
  /** The resource instance being checked (one of the rule's `appliesTo` types). */
  readonly resource: ResourceInstance;
  readonly module: ModuleView;
  /** One finding; the message names the resource and says what is wrong. */
  report(site: Site, message: string, options?: ReportOptions): void;
}

export interface SecurityRule<Id extends string = string> {
  /** UPPER_SNAKE, prefixed by its service family (see `ID_PREFIXES`). */
  readonly id: Id;
  readonly title: string;
  readonly severity: RuleSeverity;
  /** The service family first, then the concerns. */
  readonly families: readonly [ServiceFamily, ...ConcernFamily[]];
  readonly equivalents: Equivalents;
  /** One line: why it matters. */
  readonly rationale: string;
  /** One line: what to change. Becomes the finding's hint. */
  readonly fix: string;
  /** Managed resource types the check runs on, once per instance. */
  readonly appliesTo: readonly string[];
  check(context: RuleContext): void;
}

export function defineRule<const Id extends string>(rule: SecurityRule<Id>): SecurityRule<Id> {
  return Object.freeze(rule);
}
