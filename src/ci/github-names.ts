/**
 * Names the generated Terraform and the generated workflow must agree on: GitHub's OIDC issuer
 * and audience, and the repository variables that carry the role ARNs from one to the other.
 */

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The audience aws-actions/configure-aws-credentials requests. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

export type RoleKind = 'plan' | 'publish' | 'deploy';

/** Repository variable holding each role's ARN, set once from `terraform output github_actions_variables`. */
export const ROLE_VARIABLES: Readonly<Record<RoleKind, string>> = {
  deploy: 'AWS_DEPLOY_ROLE_ARN',
  plan: 'AWS_PLAN_ROLE_ARN',
  publish: 'AWS_PUBLISH_ROLE_ARN',
};
