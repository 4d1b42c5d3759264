/**
 * Finding codes the model reports about Compose input, each documented. The CLI, the docs and
 * the tests use this table; a code that is not here does not compile.
 */
export const MODEL_CODES = {
  COMPOSE_UNKNOWN_KEY: { title: 'Unknown Compose key', description: 'A service or top-level key the Compose Specification does not define (often a typo).' },
  COMPOSE_UNSUPPORTED: { title: 'Cannot run on Fargate', description: 'A Compose feature Fargate does not offer; the hint says what to do instead.' },
  COMPOSE_APPROXIMATED: { title: 'Approximated', description: 'Mapped to the closest ECS feature; the message says what differs.' },
  COMPOSE_IGNORED: { title: 'Ignored', description: 'Has no ECS equivalent and is not needed to run the service.' },
  BIND_MOUNT: { title: 'Bind mount', description: 'Fargate cannot mount a directory of your machine.' },
  NO_IMAGE: { title: 'No image', description: 'A service without `image` or `build`.' },
  TASK_SIZE_INVALID: { title: 'Invalid Fargate task size', description: 'A CPU/memory pair Fargate does not offer.' },
  TASK_SIZE_ROUNDED: { title: 'Task size rounded up', description: 'deploy.resources asked for a size between Fargate sizes.' },
  ROUTE_CONFLICT: { title: 'Route claimed twice', description: 'Two services claim the same ALB path or host.' },
  NO_EGRESS: { title: 'Tasks without a way out', description: 'Private subnets without a NAT gateway: tasks cannot reach the AWS APIs they need to start.' },
  PROJECT_NAME: { title: 'Project name unusable on AWS', description: 'The project name starts every resource name, so it must be 2-32 lowercase letters, digits and dashes.' },
  SETTING_CONFLICT: { title: 'Contradictory settings', description: 'Two settings that cannot both hold.' },
  UNKNOWN_SERVICE: { title: 'Unknown service', description: 'A reference to a service that does not exist or is not an ECS service.' },
  SECRET_CLASSIFIED: { title: 'Secret moved to Secrets Manager', description: 'An environment variable classified as a secret.' },
  HOSTNAME_REWRITTEN: { title: 'Hostname rewritten', description: 'A Compose service name inside a value, rewritten to the name it has on AWS.' },
  HOSTNAME_UNRESOLVED: { title: 'Hostname not reachable', description: 'A value names a service that has no address on AWS; the hint says what to change.' },
  ENV_NO_VALUE: { title: 'Variable without a value', description: 'A variable taken from the shell, or from an unset variable, that would be empty on AWS.' },
  FILE_SECRET: { title: 'File secret becomes an environment variable', description: 'ECS injects secrets as environment variables, not files.' },
  DATABASE_PASSWORD_ROTATION: { title: 'Managed password rotates under running tasks', description: 'RDS rotates the master password it manages; tasks keep the value they started with.' },
  DATABASE_URL_PASSWORD: { title: 'Connection string embeds a managed password', description: 'A URL with the password of an RDS-managed database cannot be assembled by ECS.' },
  VOLUME_EPHEMERAL: { title: 'Anonymous volume', description: 'An anonymous volume becomes task-local ephemeral storage.' },
  EMPTY_PROJECT: { title: 'Nothing to deploy', description: 'No service is left to deploy after profiles and x-ecsform kinds.' },
} as const;

export type ModelCode = keyof typeof MODEL_CODES;
