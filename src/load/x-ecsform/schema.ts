/**
 * The `x-ecsform` Compose extension: what Compose cannot say about running on AWS.
 *
 * Every key is strict (an unknown key is an error with a did-you-mean) and documented here; the
 * reference in docs/x-ecsform.md and the JSON Schema for editors are generated from this file,
 * so a key cannot exist without its description.
 */
import { z } from 'zod';
import { LOG_RETENTION_DAYS } from '../../aws/log-retention.js';

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, 'use 2-32 lowercase letters, digits and dashes, starting with a letter');

/** A directory inside the project: never absolute, never up with `..` (only --out writes elsewhere). */
const projectRelativeDir = z
  .string()
  .regex(/^(?![/\\])(?![A-Za-z]:)(?!(?:.*\/)?\.\.(?:\/|$))[^\\\0]+$/, 'a path inside the project directory: relative, without "..", no backslashes (write elsewhere with --out)');

const awsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region such as us-east-1');

const cidr = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/, 'an IPv4 CIDR block such as 10.0.0.0/16');

const arn = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/, 'an ARN');

const port = z.number().int().min(1).max(65535);

const suppression = z.strictObject({
  rule: z.string().describe('Rule id to suppress, e.g. `ECS_READONLY_ROOT_FILESYSTEM` (docs/security-rules.md lists them).'),
  resource: z
    .string()
    .optional()
    .describe('Terraform address the suppression applies to (e.g. `aws_lb.main`); all resources when omitted.'),
  reason: z.string().min(1).describe('Why the finding is acceptable. Required: a suppression without a reason is itself a finding.'),
});

// ---------------------------------------------------------------------------------------------
// Per service
// ---------------------------------------------------------------------------------------------

const route = z.strictObject({
  path: z
    .string()
    .regex(/^\/[^\s]*$/, 'a path starting with /')
    .optional()
    .describe('Path prefix routed to the service, e.g. `/api`. Matches the prefix and everything below it.'),
  host: z.string().optional().describe('Host header routed to the service, e.g. `api.example.com`.'),
  priority: z.number().int().min(1).max(50000).optional().describe('Listener rule priority; default: assigned in service order, more specific paths first.'),
});

const healthCheck = z.strictObject({
  path: z.string().regex(/^\//, 'a path starting with /').default('/').describe('HTTP path the load balancer probes.'),
  matcher: z.string().default('200-399').describe('HTTP codes that count as healthy.'),
  interval_seconds: z.number().int().min(5).max(300).default(30).describe('Seconds between probes.'),
  timeout_seconds: z.number().int().min(2).max(120).default(5).describe('Seconds before a probe fails.'),
  healthy_threshold: z.number().int().min(2).max(10).default(2).describe('Consecutive successes before healthy.'),
  unhealthy_threshold: z.number().int().min(2).max(10).default(3).describe('Consecutive failures before unhealthy.'),
  grace_period_seconds: z
    .number()
    .int()
    .min(0)
    .max(2147483647)
    .default(60)
    .describe('Seconds ECS ignores failing load balancer health checks after a task starts.'),
})
  // The load balancer rejects a probe timeout that is not shorter than the interval between probes.
  .refine((hc) => hc.timeout_seconds < hc.interval_seconds, { message: 'timeout_seconds must be less than interval_seconds', path: ['timeout_seconds'] });

const autoscaling = z
  .strictObject({
    min: z.number().int().min(0).describe('Minimum number of tasks.'),
    max: z.number().int().min(1).describe('Maximum number of tasks.'),
    cpu_target: z.number().min(1).max(100).optional().describe('Target average CPU utilisation in percent.'),
    memory_target: z.number().min(1).max(100).optional().describe('Target average memory utilisation in percent.'),
    requests_per_target: z.number().int().min(1).optional().describe('Target ALB requests per task per minute (web services only).'),
    scale_in_cooldown_seconds: z.number().int().min(0).default(300).describe('Seconds between scale-in activities.'),
    scale_out_cooldown_seconds: z.number().int().min(0).default(60).describe('Seconds between scale-out activities.'),
  })
  .describe('Target-tracking autoscaling; at least one target is required.');

const envSetting = z.union([
  z
    .enum(['secret', 'plain', 'external', 'generate'])
    .describe(
      '`secret`: stored in Secrets Manager (value set by you after apply); `plain`: kept in the task definition; `external`: a secret whose value lives outside this stack; `generate`: a random secret generated at apply time and never stored in state.',
    ),
  z.strictObject({
    secret: z.string().regex(/^[a-z0-9_-]+$/).describe('Name of a shared secret (several variables or services can use one secret).'),
    kind: z
      .enum(['secret', 'external', 'generate', 'existing'])
      .default('secret')
      .describe('How the shared secret gets its value; `existing`: the secret already exists and its ARN is a required variable `<secret>_secret_arn`.'),
    key: z.string().optional().describe('A key of a JSON secret: the variable gets only that key\'s value (`{"client_id": ...}`).'),
    description: z.string().optional().describe('What the value is and where to get it; shown in outputs and docs.'),
  }),
  z.strictObject({
    variable: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a Terraform variable name').describe('Take the value from a required Terraform variable of this name (an input of the module).'),
    description: z.string().optional().describe('Description of that variable.'),
  }),
  z.strictObject({
    value_from: z
      .enum(['domain_name', 'alb_url', 'cloudfront_url', 'aws_region', 'environment'])
      .describe('Take the value from a setting of the generated stack instead of the Compose value.'),
  }),
]);

const database = z.strictObject({
  engine: z.enum(['postgres', 'mysql', 'mariadb']).optional().describe('RDS engine; default: inferred from the image (postgres, mysql, mariadb).'),
  engine_version: z.string().optional().describe('Engine version; default: the major version of the image tag, else the engine default.'),
  instance_class: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'an RDS instance class such as db.t4g.micro').default('db.t4g.micro').describe('RDS instance class.'),
  allocated_storage_gb: z.number().int().min(20).max(65536).default(20).describe('Storage in GiB (gp3).'),
  max_allocated_storage_gb: z.number().int().min(20).max(65536).optional().describe('Upper bound for storage autoscaling.'),
  multi_az: z.boolean().default(false).describe('Standby in a second AZ.'),
  backup_retention_days: z.number().int().min(1).max(35).default(7).describe('Days of automated backups.'),
  deletion_protection: z.boolean().default(true).describe('Refuse to delete the instance until turned off.'),
  database_name: z.string().optional().describe('Initial database; default: from POSTGRES_DB / MYSQL_DATABASE of the service.'),
  username: z.string().optional().describe('Master username; default: from POSTGRES_USER / MYSQL_USER of the service.'),
});

const staticSite = z.strictObject({
  build_command: z.string().default('npm ci && npm run build').describe('Command that builds the site in the service build context.'),
  output_dir: z.string().default('dist').describe('Directory, relative to the build context, holding the built files.'),
  spa: z.boolean().default(true).describe('Serve index.html for unknown paths (client-side routing).'),
  aliases: z.array(z.string()).default([]).describe('Custom domain names; needs `certificate_arn` in us-east-1.'),
  certificate_arn: arn.optional().describe('ACM certificate in us-east-1 for the aliases.'),
  price_class: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']).default('PriceClass_100').describe('CloudFront price class.'),
});

const external = z.strictObject({
  secret: z.string().regex(/^[a-z0-9_-]+$/).describe('Name of the secret holding the connection string.'),
  description: z.string().optional().describe('What the value is and where to get it.'),
  variables: z
    .array(z.string())
    .default([])
    .describe('Environment variables (in other services) that receive the secret; default: every variable whose value names this service.'),
});

export const serviceExtensionSchema = z.strictObject({
  kind: z
    .enum(['web', 'internal', 'tcp', 'worker', 'static-site', 'database', 'external'])
    .optional()
    .describe(
      'What the service becomes on AWS. `web`: HTTP behind the shared ALB; `internal`: reachable only inside the VPC; `tcp`: non-HTTP ports reachable from outside (public IP or NLB); `worker`: no inbound traffic; `static-site`: built and served from S3 + CloudFront; `database`: replaced by RDS; `external`: replaced by a system outside AWS whose connection string is a secret. Default: inferred from ports, image and names (see `ecsform explain`): a database image becomes `database`, published HTTP ports `web`, other ports `internal`, no ports `worker`; `tcp` is never inferred, since it opens a port to the internet.',
    ),
  port: port.optional().describe('The container port that serves traffic; default: the first port.'),
  routes: z.array(route).min(1).optional().describe('ALB routes (web services). Default: `/` for the only web service, else `/<service>`.'),
  health_check: healthCheck.optional().describe('Load balancer health check (web services).'),
  cpu: z.number().int().optional().describe('Fargate task CPU units (256, 512, 1024, ...). Default: from `deploy.resources`, else 256.'),
  memory: z.number().int().optional().describe('Fargate task memory in MiB. Default: from `deploy.resources`, else the smallest valid for the CPU.'),
  desired_count: z.number().int().min(0).optional().describe('Tasks to run; default: `deploy.replicas`, else 1.'),
  autoscaling: autoscaling.optional(),
  env: z.record(z.string(), envSetting).default({}).describe('Per-variable override of the secret/plain classification.'),
  exposure: z
    .enum(['public-ip', 'nlb'])
    .optional()
    .describe('How a `tcp` service is reached: a public IP per task in public subnets, or a Network Load Balancer. Default: `nlb`.'),
  architecture: z.enum(['x86_64', 'arm64']).optional().describe('CPU architecture; default: the project default.'),
  spot: z.boolean().optional().describe('Run on FARGATE_SPOT (interruptible, cheaper); default: the project default.'),
  exec: z.boolean().optional().describe('Enable ECS Exec; default: the project default.'),
  image: z
    .strictObject({
      repository: z
        .enum(['create', 'lookup'])
        .optional()
        .describe('`create` an ECR repository, or `lookup` an existing one; default: the project registry setting.'),
      name: z.string().optional().describe('Repository name when it differs from the service name.'),
    })
    .optional()
    .describe('Where the image of a service with `build` lives.'),
  security_group: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional()
    .describe('Security group the service shares with others; default: `ecs_api` for web/internal, `ecs_worker` for workers, the service name for tcp.'),
  discovery_name: z.string().optional().describe('Name other services use to reach this one; default: the Compose service name.'),
  database: database.optional().describe('RDS settings for a `database` service.'),
  static_site: staticSite.optional().describe('Build and hosting settings for a `static-site` service.'),
  external: external.optional().describe('Settings for an `external` service.'),
  alarms: z.boolean().optional().describe('CloudWatch alarms for this service; default: the project setting.'),
  suppress: z.array(suppression).default([]).describe('Accepted findings for this service\'s resources.'),
});

// ---------------------------------------------------------------------------------------------
// Project
// ---------------------------------------------------------------------------------------------

const network = z.strictObject({
    vpc_cidr: cidr.default('10.0.0.0/16').describe('CIDR of the created VPC.'),
    availability_zones: z.number().int().min(2).max(6).default(2).describe('How many AZs to spread subnets over.'),
    nat_gateways: z.number().int().min(0).max(6).default(1).describe('NAT gateways: 1 for cost, one per AZ for HA, 0 for none (tasks then need VPC endpoints).'),
    flow_logs: z.boolean().default(true).describe('Send VPC flow logs to CloudWatch Logs.'),
    public_subnets_map_public_ip: z
      .boolean()
      .default(false)
      .describe('Give instances launched in public subnets a public IP automatically (off by default; tasks that need one get it explicitly).'),
    existing: z
      .boolean()
      .default(false)
      .describe('Bring your own VPC: `vpc_id`, `private_subnet_ids` (and `public_subnet_ids` if anything is public) become required variables.'),
});

const cluster = z.strictObject({
  name: z.string().optional().describe('Cluster name; default: `<prefix>-cluster`.'),
  container_insights: z.enum(['enabled', 'enhanced', 'disabled']).default('enabled').describe('Container Insights level.'),
  existing: z.boolean().default(false).describe('Bring your own cluster: `cluster_name` becomes a required variable.'),
  capacity_providers: z.boolean().default(false).describe('Register FARGATE and FARGATE_SPOT capacity providers on the cluster. A cluster this stack creates always has both, so services switch to and from Spot in place; kept for compatibility.'),
});

const loadBalancer = z.strictObject({
  certificate_arn: arn.optional().describe('ACM certificate for HTTPS; default: a required `certificate_arn` variable.'),
  domain_name: z.string().optional().describe('Public domain name of the application (used for host routes and `value_from: domain_name`).'),
  ssl_policy: z.string().default('ELBSecurityPolicy-TLS13-1-2-2021-06').describe('TLS policy of the HTTPS listener.'),
  idle_timeout_seconds: z.number().int().min(1).max(4000).default(60).describe('ALB idle timeout.'),
  deletion_protection: z.boolean().default(true).describe('Protect the ALB from deletion (turn off to let `terraform destroy` remove it).'),
  access_logs: z.boolean().default(true).describe('Write ALB access logs to a created S3 bucket.'),
  waf: z
    .boolean()
    .default(false)
    .describe('Put a WAFv2 web ACL in front of the ALB: AWS managed rules (common, known bad inputs, IP reputation) and a per-IP rate limit. About $5 a month plus $1 per rule group and $0.60 per million requests.'),
  waf_rate_limit: z.number().int().min(10).max(2000000000).default(2000).describe('Requests per IP per 5 minutes before the WAF blocks it.'),
  existing: z
    .enum(['listener', 'target-group'])
    .optional()
    .describe('Bring your own ALB: `listener` takes an HTTPS listener ARN and ALB security group and adds rules; `target-group` takes a target group ARN per web service.'),
});

const registry = z.strictObject({
  repositories: z.enum(['create', 'lookup']).default('create').describe('`create` ECR repositories for built services, or `lookup` existing ones by name.'),
  scan_on_push: z.boolean().default(true).describe('Scan images on push.'),
  immutable_tags: z.boolean().default(true).describe('Refuse to overwrite an existing tag.'),
  untagged_expiry_days: z.number().int().min(1).default(7).describe('Expire untagged images after this many days.'),
  keep_tagged_images: z.number().int().min(1).default(30).describe('Keep this many most recent tagged images.'),
  name_prefix: z.string().optional().describe('Prefix of repository names; default: `<project>/`.'),
});

const logs = z.strictObject({
  retention_days: z
    .literal(LOG_RETENTION_DAYS)
    .default(30)
    .describe('CloudWatch Logs retention in days (one of the values CloudWatch accepts).'),
  group_name: z.string().optional().describe('One log group for every container instead of one per service, e.g. `/sockerless/containers`.'),
});

const discovery = z.strictObject({
  namespace: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a DNS name such as app.local').optional().describe('Private DNS namespace; default: `<project>.local`.'),
  mode: z
    .enum(['cloud-map', 'service-connect', 'none'])
    .default('cloud-map')
    .describe('`cloud-map`: DNS names `<service>.<namespace>`, Compose hostnames in env values are rewritten; `service-connect`: Compose names resolve unchanged through the Service Connect proxy.'),
});

const alarms = z.strictObject({
  enabled: z.boolean().default(false).describe('Create CPU, memory, running-task and 5xx alarms for every service.'),
  topic_arn: arn.optional().describe('Existing SNS topic for notifications; default: a created topic.'),
  cpu_threshold: z.number().min(1).max(100).default(80).describe('CPU alarm threshold in percent.'),
  memory_threshold: z.number().min(1).max(100).default(80).describe('Memory alarm threshold in percent.'),
});

const taskNetwork = z.strictObject({
  agent_port: port.optional().describe('A port tasks accept from `agent_cidr` / `agent_security_group` (e.g. a control agent).'),
  agent_cidr: cidr.optional().describe('CIDR allowed to reach `agent_port`; default: the VPC CIDR.'),
  self_ingress: z.boolean().default(false).describe('Allow all traffic between tasks in the task security group (Docker bridge-network behaviour).'),
});

const efs = z
  .strictObject({
    performance_mode: z.enum(['generalPurpose', 'maxIO']).default('generalPurpose').describe('EFS performance mode.'),
    throughput_mode: z
      .enum(['bursting', 'elastic', 'provisioned'])
      .default('bursting')
      .describe('EFS throughput mode (`elastic` needs `generalPurpose`; `provisioned` needs `provisioned_throughput_mibps`).'),
    provisioned_throughput_mibps: z.number().min(1).max(3414).optional().describe('Throughput in MiB/s when `throughput_mode` is `provisioned`.'),
    encrypted: z.boolean().default(true).describe('Encrypt at rest.'),
    posix_uid: z.number().int().min(1).default(1000).describe('Non-root POSIX user of access points.'),
    posix_gid: z.number().int().min(1).default(1000).describe('POSIX group of access points.'),
  })
  // EFS refuses these combinations when it creates the file system.
  .refine((e) => !(e.performance_mode === 'maxIO' && e.throughput_mode === 'elastic'), { message: 'elastic throughput needs the generalPurpose performance mode', path: ['throughput_mode'] })
  .refine((e) => e.throughput_mode !== 'provisioned' || e.provisioned_throughput_mibps !== undefined, { message: 'provisioned throughput needs provisioned_throughput_mibps', path: ['throughput_mode'] })
  .refine((e) => e.provisioned_throughput_mibps === undefined || e.throughput_mode === 'provisioned', {
    message: 'provisioned_throughput_mibps applies only to throughput_mode: provisioned',
    path: ['provisioned_throughput_mibps'],
  });

const github = z.strictObject({
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name').describe('GitHub repository allowed to deploy, `owner/name`.'),
  branch: z.string().default('main').describe('Branch allowed to apply.'),
  oidc_provider: z.enum(['create', 'lookup']).default('create').describe('Create the GitHub OIDC provider, or look up the one the account already has.'),
});

const backend = z.strictObject({
  bucket: z.string().describe('S3 bucket holding the state.'),
  key: z.string().default('terraform.tfstate').describe('State object key.'),
  region: awsRegion.optional().describe('Bucket region; default: the project region.'),
  use_lockfile: z.boolean().default(true).describe('S3-native state locking (Terraform >= 1.10).'),
});

export const projectExtensionSchema = z.strictObject({
  project: identifier.optional().describe('Project name, first part of every resource name; default: the Compose project name.'),
  environment: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, 'lowercase letters, digits and dashes').default('dev').describe('Environment name, second part of every resource name.'),
  region: awsRegion.default('us-east-1').describe('AWS region.'),
  layout: z.enum(['root', 'module']).default('root').describe('`root`: a root module with provider and backend; `module`: a reusable module plus an example root that calls it.'),
  output: projectRelativeDir
    .optional()
    .describe('Output directory relative to the first Compose file, inside its directory (no `..`, not absolute); `--out` overrides, and may point anywhere. Default: `terraform` (root) or `terraform/modules/<project>` (module).'),
  mode: z
    .enum(['services', 'platform'])
    .default('services')
    .describe('`services`: task definitions and services for every Compose service; `platform`: only the platform they need (for software that launches its own tasks).'),
  tags: z.record(z.string(), z.string()).default({}).describe('Extra tags merged onto every taggable resource.'),
  backend: backend.optional().describe('S3 backend for the root module; default: none (local state) with instructions.'),
  network: network.default(network.parse({})).describe('The VPC: created (default) or yours.'),
  cluster: cluster.default(cluster.parse({})).describe('The ECS cluster.'),
  load_balancer: loadBalancer.default(loadBalancer.parse({})).describe('The public ALB that web services share.'),
  registry: registry.default(registry.parse({})).describe('ECR repositories for services with `build`.'),
  logs: logs.default(logs.parse({})).describe('CloudWatch Logs.'),
  kms: z.boolean().default(false).describe('Create a customer-managed KMS key (with rotation) for ECR, CloudWatch Logs and Secrets Manager.'),
  secrets: z
    .strictObject({
      recovery_window_days: z
        .number()
        .int()
        .min(0)
        .max(30)
        .refine((days) => days === 0 || days >= 7, 'must be 0 (delete at once) or between 7 and 30')
        .default(7)
        .describe('Days a deleted secret can be restored (0 deletes at once; otherwise 7-30).'),
      existing: z.boolean().default(false).describe('Bring your own secrets: every secret becomes a required `<secret>_secret_arn` variable.'),
    })
    .default({ recovery_window_days: 7, existing: false })
    .describe('Secrets Manager settings.'),
  iam: z
    .strictObject({
      existing_roles: z.boolean().default(false).describe('Bring your own roles: `execution_role_arn` and `task_role_arn` become required variables.'),
      managed_execution_policy: z
        .boolean()
        .default(false)
        .describe('Also attach the AWS-managed AmazonECSTaskExecutionRolePolicy (its resources are `*`); the scoped inline policy is always created.'),
    })
    .default({ existing_roles: false, managed_execution_policy: false })
    .describe('IAM roles of the tasks.'),
  service_discovery: discovery.default(discovery.parse({})).describe('How services find each other by their Compose names.'),
  architecture: z.enum(['x86_64', 'arm64']).default('x86_64').describe('Default CPU architecture of tasks.'),
  spot: z.boolean().default(false).describe('Default: run services on FARGATE_SPOT.'),
  exec: z.boolean().default(false).describe('Default: enable ECS Exec (with logging).'),
  alarms: alarms.default(alarms.parse({})).describe('CloudWatch alarms.'),
  task_network: taskNetwork.default(taskNetwork.parse({})).describe('Extra rules of the task security group (platform mode).'),
  efs: efs.default(efs.parse({})).describe('The EFS file system behind named volumes.'),
  ci: z
    .strictObject({ github: github.optional().describe('Generate a GitHub Actions deploy pipeline (OIDC, no stored keys) for this repository.') })
    .default({})
    .describe('Deploy pipeline settings.'),
  suppress: z.array(suppression).default([]).describe('Accepted findings, each with a reason.'),
});

export type ServiceExtension = z.output<typeof serviceExtensionSchema>;
export type ProjectExtension = z.output<typeof projectExtensionSchema>;
export type EnvSetting = z.output<typeof envSetting>;
export type Suppression = z.output<typeof suppression>;
