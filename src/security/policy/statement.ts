/**
 * An IAM policy statement in one shape, whether it was written as a `statement {}` block of
 * `data "aws_iam_policy_document"` or as JSON (`jsonencode({...})`, a heredoc). Every part keeps
 * its place, so a finding points at the `"*"` that is wrong.
 */
import type { Located, Read, Site, Unknown } from '../../terraform/index.js';

export interface Principal {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`. */
  readonly type: Read<string>;
  readonly id: Located;
}

export interface Condition {
  readonly test: Read<string>;
  readonly variable: Read<string>;
  readonly values: readonly Located[] | Unknown;
}

export interface PolicyStatement {
  readonly site: Site;
  /** Statement ids merge documents: a later statement replaces an earlier one with its sid. */
  readonly sid: string | undefined;
  /** `statement "PullImages" of data.aws_iam_policy_document.ecs_execution`, for messages. */
  readonly label: string;
  readonly effect: string | Unknown;
  readonly actions: readonly Located[] | Unknown;
  readonly hasNotActions: boolean;
  readonly resources: readonly Located[] | Unknown;
  readonly hasNotResources: boolean;
  readonly principals: readonly Principal[] | Unknown;
  readonly hasNotPrincipals: boolean;
  readonly conditions: readonly Condition[] | Unknown;
  /** The data sources the statement was read from: their `ecsform:ignore` comments count too. */
  readonly declarations: readonly string[];
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}
