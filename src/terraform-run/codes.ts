/**
 * Every finding code of the real-Terraform run (`ecsform check --terraform`), in the shape of the
 * verifier's table: a code cannot exist undocumented, and its severity is decided here, once.
 */
import type { CodeDoc } from '../diagnostics/finding.js';

export const TERRAFORM_RUN_CODES = {
  TERRAFORM_INIT: {
    title: '`terraform init` failed',
    description:
      'Terraform could not install the providers or modules the configuration asks for (a version constraint no release satisfies, a module source it cannot read, no network to the registry). Nothing else was run for that root module.',
    severity: 'error',
  },
  TERRAFORM_ERROR: {
    title: 'Terraform rejects the configuration',
    description:
      "An error of `terraform validate` or of the offline plan: the provider's own validation of names, lengths, enums, conflicts between arguments, ARNs, the Fargate sizes; references and types as Terraform itself resolves them. `terraform apply` would fail the same way.",
    severity: 'error',
  },
  TERRAFORM_WARNING: {
    title: 'Terraform warns',
    description: 'A warning of `terraform validate` or of the offline plan, such as a deprecated argument or attribute.',
    severity: 'low',
  },
  TERRAFORM_PLACEHOLDER_REJECTED: {
    title: 'A placeholder value was rejected',
    description:
      "The offline plan gives every variable without a default a placeholder value chosen from its type, its name and its `validation` blocks. Terraform rejected one; the plan says nothing about the configuration until you pass a real value (the message names the variable).",
    severity: 'info',
  },
  TERRAFORM_OFFLINE_LIMIT: {
    title: 'The plan needs an answer only AWS can give',
    description:
      'During the plan the provider called an AWS API that the local endpoint of the offline plan does not answer (a data source ecsform cannot stand in for, an ephemeral resource it does not know). The plan stopped there: what follows it was not checked.',
    severity: 'info',
  },
  TERRAFORM_NOT_RUN: {
    title: 'The offline plan did not run',
    description: 'Validation failed, so the plan was not attempted for that root module; fix the errors above first.',
    severity: 'info',
  },
} as const satisfies Record<string, CodeDoc>;

export type TerraformRunCode = keyof typeof TERRAFORM_RUN_CODES;
