/** Workflow values as plain data, and the steps several jobs share. */
import { ROLE_VARIABLES, type RoleKind } from '../github-names.js';
import { ACTIONS, NODE_VERSION, TERRAFORM_VERSION } from './versions.js';

/** A YAML value; `undefined` entries are dropped, so optional keys can be written inline. */
export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };
export type Step = { readonly [key: string]: YamlValue | undefined };
export type Job = { readonly [key: string]: YamlValue | undefined };

/** A comment written above a key, addressed by its path from the job (`['permissions']`). */
export interface KeyComment {
  readonly path: readonly (string | number)[];
  readonly text: string;
}

export interface PlannedJob {
  readonly id: string;
  readonly job: Job;
  readonly comments?: readonly KeyComment[];
}

export const checkout: Step = { name: 'Check out', uses: ACTIONS.checkout, with: { 'persist-credentials': false } };

export const setupTerraform: Step = {
  name: 'Set up Terraform',
  uses: ACTIONS.setupTerraform,
  // No wrapper: `terraform output -raw` must print the bare value.
  with: { terraform_version: TERRAFORM_VERSION, terraform_wrapper: false },
};

export const setupNode: Step = { name: 'Set up Node.js', uses: ACTIONS.setupNode, with: { 'node-version': NODE_VERSION } };

/** Short-lived credentials from GitHub's OIDC token: no access key exists anywhere. */
export function awsCredentials(role: RoleKind, extra: Readonly<Record<string, YamlValue>> = {}): Step {
  return {
    name: `AWS credentials (${role} role, OIDC)`,
    uses: ACTIONS.awsCredentials,
    with: {
      'role-to-assume': `\${{ vars.${ROLE_VARIABLES[role]} }}`,
      'role-session-name': `${role}-\${{ github.run_id }}-\${{ github.run_attempt }}`,
      'aws-region': '${{ env.AWS_REGION }}',
      ...extra,
    },
  };
}

/** Job permissions: read the code, and mint an OIDC token only when the job talks to AWS. */
export function permissions(oidc: boolean): YamlValue {
  return oidc ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' };
}

/** A job-level `if` that runs only for pushes (or manual runs) on the deploy branch. */
export function onDeployBranch(branch: string): string {
  return `github.event_name != 'pull_request' && github.ref == 'refs/heads/${branch}'`;
}

/** Lines of a shell script; bash `run` steps already stop at the first failing command (`-eo pipefail`). */
export function script(...lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
