/**
 * How much input ecsform reads before refusing. Far above what real applications have (the
 * largest Compose files of real projects are tens of kilobytes; a 500-service generated stack is
 * about 2 MB of Terraform), low enough that memory and time stay bounded on any input.
 */
const MiB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** One Compose file, `.env`, `env_file`, `include` or `extends` file. */
  composeFileBytes: 1 * MiB,
  /** One `.tf` or `.tf.json` file. */
  terraformFileBytes: 4 * MiB,
  /** Every `.tf` file under the directory a command reads, together. */
  terraformTotalBytes: 16 * MiB,
  /**
   * Top-level blocks (resources, data sources, variables, outputs...) under the directory a
   * command reads. Terraform itself slows to minutes past a few thousand resources in one
   * configuration; checking 10,000 blocks takes about 10 seconds and 400 MB.
   */
  terraformBlocks: 10_000,
  /** Every Compose file and file it refers to (`include`, `extends`, `env_file`, `.env`) read in one run, together. */
  composeTotalBytes: 8 * MiB,
  /** `terraform output -json`, a usage file. */
  jsonFileBytes: 8 * MiB,
} as const;
