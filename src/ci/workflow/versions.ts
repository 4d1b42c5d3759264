/**
 * Everything the workflow runs, pinned to a full release tag (Dependabot's `github-actions`
 * ecosystem keeps them current). Tags, not SHAs, so a reviewer can read what runs; pin to SHAs
 * if your organisation requires it.
 */
export const ACTIONS = {
  checkout: 'actions/checkout@v4.2.2',
  setupNode: 'actions/setup-node@v4.4.0',
  uploadArtifact: 'actions/upload-artifact@v4.6.2',
  downloadArtifact: 'actions/download-artifact@v4.3.0',
  awsCredentials: 'aws-actions/configure-aws-credentials@v4.3.1',
  ecrLogin: 'aws-actions/amazon-ecr-login@v2.0.1',
  setupQemu: 'docker/setup-qemu-action@v3.6.0',
  setupBuildx: 'docker/setup-buildx-action@v3.11.1',
  buildPush: 'docker/build-push-action@v6.18.0',
  setupTerraform: 'hashicorp/setup-terraform@v3.1.2',
} as const;

/** Satisfies the generated `required_version` (>= 1.11, for write-only arguments). */
export const TERRAFORM_VERSION = '1.12.2';

export const NODE_VERSION = '22';

/** A fixed runner image rather than `ubuntu-latest`, so the toolchain changes only when you say. */
export const RUNNER = 'ubuntu-24.04';
