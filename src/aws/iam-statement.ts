/**
 * IAM policy statements as data, before they become `aws_iam_policy_document` blocks. Keeping
 * them as data lets the plan render them and the tests measure them (IAM limits policy sizes)
 * without evaluating any Terraform.
 */
import type { Expr } from '../hcl/ast.js';

/**
 * An ARN with placeholders the plan fills in from the stack: `{partition}`, `{region}`,
 * `{account}`, `{prefix}` (local.name_prefix), `{cluster}` (the ECS cluster name),
 * `{project}` and `{environment}` (the variables of the same name).
 */
export type ArnTemplate = string;

export const PLACEHOLDERS = ['partition', 'region', 'account', 'prefix', 'cluster', 'project', 'environment'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A resource: a templated ARN, or a reference to an attribute of this stack. */
export type ResourceSpec = ArnTemplate | Expr;

export interface ConditionSpec {
  readonly test: 'StringEquals' | 'StringLike' | 'ArnLike' | 'Bool';
  readonly variable: string;
  readonly values: readonly ResourceSpec[];
}

export interface StatementSpec {
  /** Alphanumeric, unique within its policy. */
  readonly sid: string;
  readonly effect?: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly ResourceSpec[];
  readonly conditions?: readonly ConditionSpec[];
  /**
   * Why the resources reach beyond ARNs of this stack (`*`, or generated IDs in the account).
   * Becomes an `ecsform:ignore IAM_WILDCARD_RESOURCE` reason on the policy that holds it.
   */
  readonly wideBecause?: string;
}

/** IAM quotas, in characters without whitespace. */
export const IAM_POLICY_LIMITS = { managedPolicy: 6144, inlinePoliciesPerRole: 10240 } as const;

/** Longest value each placeholder can take (`aws-us-gov`, `ap-southeast-3`, the name validations). */
const WORST_CASE_LENGTH: Readonly<Record<Placeholder, number>> = { partition: 10, region: 14, account: 12, prefix: 49, cluster: 64, project: 32, environment: 16 };

/** A reference resolves to an ARN; ECR and CloudFront ones stay under this. */
const REFERENCE_LENGTH = 110;

/** The size IAM counts for a statement (JSON without whitespace), with every value at its longest. */
export function estimatedSize(statement: StatementSpec): number {
  const text = (r: ResourceSpec): string => {
    if (typeof r !== 'string') return 'x'.repeat(REFERENCE_LENGTH);
    return r.replace(/\{([a-z]+)\}/g, (_, name: string) => 'x'.repeat(WORST_CASE_LENGTH[name as Placeholder] ?? REFERENCE_LENGTH));
  };
  const json = JSON.stringify({
    Sid: statement.sid,
    Effect: statement.effect ?? 'Allow',
    Action: statement.actions,
    Resource: statement.resources.map(text),
    Condition: (statement.conditions ?? []).map((c) => ({ [c.test]: { [c.variable]: c.values.map(text) } })),
  });
  return json.length;
}

/** Statements grouped into policies that each stay under `limit` characters, in order. */
export function chunkStatements(statements: readonly StatementSpec[], limit: number): StatementSpec[][] {
  const chunks: StatementSpec[][] = [];
  let current: StatementSpec[] = [];
  let size = 0;
  for (const statement of statements) {
    const next = estimatedSize(statement);
    if (current.length > 0 && size + next > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(statement);
    size += next;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
