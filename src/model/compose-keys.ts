/**
 * Every Compose key, and what ecsform does with it on ECS Fargate. This is the one table: the
 * model walks each service's keys through it, so no key is silently dropped, a key missing from
 * the table is reported as unknown (with a did-you-mean), and `docs/compose-support.md` is
 * generated from it.
 *
 * - `mapped`: becomes part of the task definition or infrastructure as written.
 * - `approximated`: mapped to the closest ECS feature; a warning says what differs.
 * - `ignored`: has no ECS equivalent and does not matter for running it; a warning says so.
 * - `error`: cannot run on Fargate; the message says what to do instead.
 */
import type { RawNode } from '../load/types.js';

export type Treatment = 'mapped' | 'approximated' | 'ignored' | 'error';

export interface KeyRule {
  readonly treatment: Treatment;
  /** What happens, or (for errors) what to do instead. */
  readonly note: string;
  /**
   * Where a mapped or approximated key lands in the generated Terraform, checked by a
   * table-driven test that generates a service with and without the key:
   * `container.<field>` (the container definition), `task.<argument>` (aws_ecs_task_definition),
   * `service.<argument>` (aws_ecs_service) or `resources.<type>` (every block of that type).
   */
  readonly lands?: string;
  /** A value of the key for that test (as it would be written in YAML). */
  readonly example?: unknown;
  /** Some keys are fine with some values and not others (`privileged: false` is harmless). */
  readonly forValue?: (value: RawNode) => { readonly treatment: Treatment; readonly note: string } | undefined;
}

const isFalse = (v: RawNode) => v.kind === 'scalar' && (v.value === false || v.value === 'false');
const scalarText = (v: RawNode) => (v.kind === 'scalar' ? String(v.value) : '');
const rawScalars = (v: RawNode): unknown => (v.kind === 'scalar' ? v.value : v.kind === 'seq' ? v.items.map(rawScalars) : v.entries.map((e) => [e.key, rawScalars(e.value)]));

/** Linux capabilities Fargate lets a task add (Fargate platform 1.4.0: only SYS_PTRACE). */
const FARGATE_ADDABLE_CAPABILITIES = new Set(['SYS_PTRACE']);

export const SERVICE_KEYS: Readonly<Record<string, KeyRule>> = {
  annotations: { treatment: 'ignored', note: 'ECS has no container annotations; use labels (docker labels).' },
  attach: { treatment: 'ignored', note: 'Log attachment is a local CLI behaviour; logs go to CloudWatch.' },
  blkio_config: { treatment: 'ignored', note: 'Fargate does not expose block I/O weights.' },
  build: { treatment: 'mapped', lands: 'resources.aws_ecr_repository', example: { context: './app' }, note: 'Built in CI and pushed to an ECR repository; the task runs the pushed image.' },
  cap_add: {
    treatment: 'mapped', lands: 'container.linuxParameters', example: ['SYS_PTRACE'],
    note: 'Becomes linuxParameters.capabilities.add.',
    forValue: (v) => {
      const caps = v.kind === 'seq' ? v.items.map(scalarText) : [];
      const rejected = caps.filter((c) => !FARGATE_ADDABLE_CAPABILITIES.has(c.replace(/^CAP_/, '')));
      return rejected.length > 0
        ? { treatment: 'error', note: `Fargate can only add SYS_PTRACE; it rejects ${rejected.join(', ')}. Remove them, or run the workload on ECS with EC2 capacity.` }
        : undefined;
    },
  },
  cap_drop: { treatment: 'mapped', lands: 'container.linuxParameters', example: ['NET_RAW'], note: 'Becomes linuxParameters.capabilities.drop.' },
  cgroup: { treatment: 'ignored', note: 'Fargate manages cgroups.' },
  cgroup_parent: { treatment: 'ignored', note: 'Fargate manages cgroups.' },
  command: { treatment: 'mapped', lands: 'container.command', example: ['serve', '--port', '8080'], note: 'Becomes the container command.' },
  configs: {
    treatment: 'error',
    note: 'Fargate cannot mount files from your machine. Bake the file into the image (COPY in the Dockerfile), or load it from SSM/S3 at start-up.',
  },
  container_name: { treatment: 'ignored', note: 'ECS names containers after the service; other services reach it by its service name.' },
  cpu_count: { treatment: 'ignored', note: 'Windows-only CPU setting; task CPU comes from x-ecsform.cpu or deploy.resources.' },
  cpu_percent: { treatment: 'ignored', note: 'Windows-only CPU setting; task CPU comes from x-ecsform.cpu or deploy.resources.' },
  cpu_period: { treatment: 'ignored', note: 'CFS tuning is not available on Fargate.' },
  cpu_quota: { treatment: 'ignored', note: 'CFS tuning is not available on Fargate.' },
  cpu_rt_period: { treatment: 'ignored', note: 'Real-time scheduling is not available on Fargate.' },
  cpu_rt_runtime: { treatment: 'ignored', note: 'Real-time scheduling is not available on Fargate.' },
  cpu_shares: { treatment: 'approximated', note: 'Fargate sizes whole tasks; the task CPU comes from x-ecsform.cpu or deploy.resources.' },
  cpus: { treatment: 'approximated', lands: 'task.cpu', example: 1.5, note: 'Rounded up to the smallest Fargate task size that fits.' },
  cpuset: { treatment: 'ignored', note: 'CPU pinning is not available on Fargate.' },
  credential_spec: { treatment: 'ignored', note: 'gMSA credential specs are for Windows containers on EC2.' },
  depends_on: {
    treatment: 'mapped', lands: 'resources.aws_vpc_security_group_ingress_rule', example: ['cache'],
    note: 'Orders creation and opens the security group of the dependency to this service.',
    forValue: (v) =>
      v.kind === 'map' && v.entries.some((e) => /service_healthy|service_completed_successfully/.test(JSON.stringify(rawScalars(e.value))))
        ? { treatment: 'approximated', note: 'ECS starts services independently and does not wait for a dependency to be healthy or to finish; make the service retry until its dependency answers.' }
        : undefined,
  },
  deploy: { treatment: 'mapped', lands: 'service.desired_count', example: { replicas: 3 }, note: 'replicas and resources are mapped; restart_policy, placement and update_config are approximated by the ECS service scheduler.' },
  develop: { treatment: 'ignored', note: 'File watch for local development only.' },
  device_cgroup_rules: { treatment: 'error', note: 'Fargate gives no access to host devices. Remove the key, or use ECS on EC2.' },
  devices: { treatment: 'error', note: 'Fargate gives no access to host devices. Remove the key, or use ECS on EC2.' },
  dns: { treatment: 'ignored', note: 'Fargate tasks use the VPC resolver (awsvpc mode has no custom DNS servers).' },
  dns_opt: { treatment: 'ignored', note: 'Fargate tasks use the VPC resolver.' },
  dns_search: { treatment: 'ignored', note: 'Fargate tasks use the VPC resolver; service names are resolved through service discovery.' },
  domainname: { treatment: 'ignored', note: 'Fargate does not set a container domain name.' },
  entrypoint: { treatment: 'mapped', lands: 'container.entryPoint', example: ['/bin/app'], note: 'Becomes the container entryPoint.' },
  env_file: { treatment: 'mapped', lands: 'container.environment', example: ['probe.env'], note: 'Read at generation time and merged into the environment (then classified as secret or plain).' },
  environment: { treatment: 'mapped', lands: 'container.environment', example: { LOG_LEVEL: 'debug' }, note: 'Classified: secrets go to Secrets Manager (valueFrom), the rest stays in the task definition.' },
  expose: { treatment: 'mapped', lands: 'container.portMappings', example: ['9090'], note: 'Container ports reachable from other services in the VPC.' },
  extends: { treatment: 'mapped', note: 'Resolved before generation.' },
  external_links: { treatment: 'ignored', note: 'Containers outside the project are not reachable by link; use service discovery names.' },
  extra_hosts: { treatment: 'ignored', note: 'awsvpc tasks cannot add /etc/hosts entries; use DNS (Route 53 private zone) instead.' },
  gpus: { treatment: 'error', note: 'Fargate has no GPUs. Use ECS on EC2 GPU instances.' },
  group_add: { treatment: 'ignored', note: 'Supplementary groups are not supported by ECS task definitions.' },
  healthcheck: { treatment: 'mapped', lands: 'container.healthCheck', example: { test: ['CMD', 'true'], interval: '10s' }, note: 'Becomes the container healthCheck (and the service waits for it).' },
  hostname: { treatment: 'ignored', note: 'Fargate does not set container hostnames; other services use the service discovery name.' },
  image: { treatment: 'mapped', lands: 'container.image', example: 'example/probe:1.2.3', note: 'Public images are pulled as they are; built images come from ECR.' },
  init: { treatment: 'mapped', lands: 'container.linuxParameters', example: true, note: 'Becomes linuxParameters.initProcessEnabled.' },
  ipc: { treatment: 'error', note: 'Fargate does not support IPC modes. Remove the key.' , forValue: (v) => (scalarText(v) === 'private' ? { treatment: 'ignored', note: 'private IPC is what Fargate does anyway.' } : undefined) },
  isolation: { treatment: 'ignored', note: 'Windows isolation modes do not apply to Fargate Linux tasks.' },
  label_file: { treatment: 'ignored', note: 'Labels from files are not read; use labels.' },
  labels: { treatment: 'mapped', lands: 'container.dockerLabels', example: { 'com.example.team': 'platform' }, note: 'Become dockerLabels.' },
  links: { treatment: 'approximated', note: 'Links become service discovery names; aliases are not supported.' },
  logging: { treatment: 'approximated', note: 'Every container logs to CloudWatch Logs (awslogs driver); the Compose driver is not used.' },
  mac_address: { treatment: 'ignored', note: 'Fargate assigns the network interface.' },
  mem_limit: { treatment: 'approximated', lands: 'task.memory', example: '3g', note: 'Rounded up to the smallest Fargate task size that fits.' },
  mem_reservation: { treatment: 'approximated', lands: 'container.memoryReservation', example: '256m', note: 'Becomes the container memoryReservation; the task size comes from the limit.' },
  mem_swappiness: { treatment: 'ignored', note: 'Fargate has no swap.' },
  memswap_limit: { treatment: 'ignored', note: 'Fargate has no swap.' },
  models: { treatment: 'ignored', note: 'AI model runners are a local Docker feature.' },
  network_mode: {
    treatment: 'error',
    note: 'Fargate always uses awsvpc networking. Remove network_mode; services reach each other by name through service discovery.',
    forValue: (v) => (['bridge', 'default'].includes(scalarText(v)) ? { treatment: 'ignored', note: 'Fargate uses awsvpc networking; bridge behaviour is emulated by security groups.' } : undefined),
  },
  networks: { treatment: 'approximated', note: 'All services share the VPC; security groups only open the ports each service is called on.' },
  oom_kill_disable: { treatment: 'ignored', note: 'Not configurable on Fargate.' },
  oom_score_adj: { treatment: 'ignored', note: 'Not configurable on Fargate.' },
  pid: { treatment: 'error', note: 'Fargate supports only task-scoped PID namespaces. Remove pid.' },
  pids_limit: { treatment: 'ignored', note: 'Not configurable on Fargate.' },
  platform: { treatment: 'mapped', lands: 'task.runtime_platform', example: 'linux/arm64', note: 'linux/arm64 selects ARM64 (Graviton) tasks; linux/amd64 X86_64.' },
  ports: { treatment: 'mapped', lands: 'container.portMappings', example: ['8080:8080'], note: 'Container ports; published HTTP ports are routed through the ALB, other published ports through an NLB or a public IP.' },
  post_start: { treatment: 'ignored', note: 'ECS has no lifecycle hooks; run the command in the entrypoint.' },
  pre_stop: { treatment: 'ignored', note: 'ECS has no lifecycle hooks; handle SIGTERM in the application.' },
  privileged: {
    treatment: 'error',
    note: 'Fargate rejects privileged containers. Remove privileged (add only SYS_PTRACE if you need it), or use ECS on EC2.',
    forValue: (v) => (isFalse(v) ? { treatment: 'mapped', note: 'Containers are never privileged.' } : undefined),
  },
  profiles: { treatment: 'mapped', note: 'Only services of the active profiles are generated.' },
  provider: { treatment: 'error', note: 'Provider services are created by a local plugin. Describe the resource in x-ecsform (e.g. kind: database) instead.' },
  pull_policy: { treatment: 'ignored', note: 'ECS pulls the image on every task start.' },
  pull_refresh_after: { treatment: 'ignored', note: 'ECS pulls the image on every task start.' },
  read_only: { treatment: 'mapped', lands: 'container.readonlyRootFilesystem', example: true, note: 'Becomes readonlyRootFilesystem.' },
  restart: {
    treatment: 'mapped',
    note: 'The ECS service scheduler replaces stopped tasks, as `always` and `unless-stopped` do.',
    forValue: (v) => (['no', 'on-failure'].includes(scalarText(v).split(':')[0]!) ? { treatment: 'approximated', note: 'The ECS service scheduler always replaces stopped tasks; `no` and `on-failure` are not available for services.' } : undefined),
  },
  runtime: { treatment: 'ignored', note: 'Fargate chooses the runtime.' },
  scale: { treatment: 'mapped', lands: 'service.desired_count', example: 2, note: 'Becomes the desired count.' },
  secrets: { treatment: 'approximated', lands: 'container.secrets', example: ['api_token'], note: 'Become Secrets Manager secrets injected as environment variables; ECS cannot mount them as files under /run/secrets.' },
  security_opt: { treatment: 'ignored', note: 'Not configurable on Fargate.' },
  shm_size: { treatment: 'ignored', note: 'Fargate does not support sharedMemorySize.' },
  stdin_open: { treatment: 'mapped', lands: 'container.interactive', example: true, note: 'Becomes interactive.' },
  stop_grace_period: { treatment: 'mapped', lands: 'container.stopTimeout', example: '45s', note: 'Becomes stopTimeout (Fargate allows at most 120 seconds).' },
  stop_signal: { treatment: 'ignored', note: 'ECS stops containers with SIGTERM, then SIGKILL after stopTimeout; bake STOPSIGNAL into the image to change it.' },
  storage_opt: { treatment: 'ignored', note: 'Fargate tasks get 20 GiB of ephemeral storage.' },
  sysctls: { treatment: 'ignored', note: 'Fargate accepts only a few namespaced systemControls; set them in the image or entrypoint.' },
  tmpfs: { treatment: 'approximated', lands: 'container.mountPoints', example: ['/scratch'], note: 'Fargate has no tmpfs mounts; each path gets an ephemeral task volume instead.' },
  tty: { treatment: 'mapped', lands: 'container.pseudoTerminal', example: true, note: 'Becomes pseudoTerminal.' },
  ulimits: { treatment: 'mapped', lands: 'container.ulimits', example: { nofile: { soft: 1024, hard: 4096 } }, note: 'Become ulimits.' },
  use_api_socket: { treatment: 'error', note: 'There is no Docker engine socket on Fargate.' },
  user: { treatment: 'mapped', lands: 'container.user', example: '1000:1000', note: 'Becomes the container user.' },
  userns_mode: { treatment: 'ignored', note: 'Not configurable on Fargate.' },
  uts: { treatment: 'ignored', note: 'Not configurable on Fargate.' },
  volumes: { treatment: 'mapped', lands: 'container.mountPoints', example: ['data:/var/lib/probe'], note: 'Named volumes become EFS access points; bind mounts cannot run on Fargate.' },
  volumes_from: { treatment: 'error', note: 'Fargate tasks cannot share volumes with other services\' containers. Use a named volume (EFS) in both services.' },
  working_dir: { treatment: 'mapped', lands: 'container.workingDirectory', example: '/srv', note: 'Becomes workingDirectory.' },
};

export const TOP_LEVEL_KEYS: Readonly<Record<string, KeyRule>> = {
  version: { treatment: 'ignored', note: 'Obsolete in the Compose Specification.' },
  name: { treatment: 'mapped', note: 'The project name (unless x-ecsform.project is set).' },
  include: { treatment: 'mapped', note: 'Resolved before generation.' },
  services: { treatment: 'mapped', note: 'One ECS service each (or a database, static site or external system, per x-ecsform.kind).' },
  volumes: { treatment: 'mapped', note: 'Named volumes used by services become EFS access points.' },
  networks: { treatment: 'approximated', note: 'One VPC; isolation is enforced with security groups.' },
  secrets: { treatment: 'approximated', note: 'Become Secrets Manager secrets injected as environment variables.' },
  configs: { treatment: 'error', note: 'Fargate cannot mount files from your machine; bake configs into the image.' },
  models: { treatment: 'ignored', note: 'AI model runners are a local Docker feature.' },
};

/** The rule for a key and value, applying the value-specific override when there is one. */
export function ruleFor(table: Readonly<Record<string, KeyRule>>, key: string, value: RawNode): { treatment: Treatment; note: string } | undefined {
  const rule = table[key];
  if (!rule) return undefined;
  return rule.forValue?.(value) ?? { treatment: rule.treatment, note: rule.note };
}
