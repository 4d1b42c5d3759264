/**
 * The application as ECS sees it: pure data, no I/O, no HCL. Every decision ecsform makes about
 * a Compose file is recorded here (and explained in `decisions`), so that the plan layer only
 * translates and never decides.
 */
import type { Finding, SourcePoint } from '../diagnostics/finding.js';

/** Where in the user's files something came from. */
export interface Origin {
  readonly at: SourcePoint;
  /** Compose path, e.g. `services.api.environment.DB_PASSWORD`. */
  readonly path: string;
}

export type Layout = 'root' | 'module';
export type Architecture = 'x86_64' | 'arm64';

export interface AppModel {
  readonly project: Project;
  readonly network: Network;
  readonly cluster: Cluster;
  /** ECS services, sorted by name. Empty in platform mode. */
  readonly services: readonly Service[];
  /** Container images to build and where they are pushed, sorted by repository. */
  readonly repositories: readonly Repository[];
  readonly registry: RegistrySettings;
  readonly secrets: readonly Secret[];
  /** Days a deleted secret can be restored (0: at once, else 7-30). */
  readonly secretRecoveryWindowDays: number;
  readonly databases: readonly Database[];
  readonly staticSites: readonly StaticSite[];
  readonly volumes: readonly EfsVolume[];
  readonly loadBalancer?: LoadBalancer;
  readonly networkLoadBalancer?: NetworkLoadBalancer;
  readonly discovery?: Discovery;
  readonly securityGroups: readonly SecurityGroup[];
  readonly logs: Logs;
  readonly encryption: Encryption;
  readonly iam: Iam;
  readonly alarms: Alarms;
  readonly efs: EfsSettings;
  readonly ci?: CiSettings;
  readonly suppressions: readonly Suppression[];
  /** What became of each Compose key, for `ecsform explain`. */
  readonly decisions: readonly Decision[];
  /** Non-fatal messages about the input (approximated or ignored keys, rewrites...). */
  readonly warnings: readonly Finding[];
}

export interface Project {
  /** Lowercase project name, first part of resource names. */
  readonly name: string;
  readonly environment: string;
  readonly region: string;
  readonly layout: Layout;
  readonly mode: 'services' | 'platform';
  /** Output directory relative to the first Compose file. */
  readonly outputDir: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly backend?: { readonly bucket: string; readonly key: string; readonly region: string; readonly useLockfile: boolean };
  /** Compose files, relative to the project directory, for headers and docs. */
  readonly composeFiles: readonly string[];
  readonly domainName?: string;
  /** Default: every task runs on Fargate Spot / ARM64 / with ECS Exec. */
  readonly spot: boolean;
  readonly architecture: Architecture;
  readonly exec: boolean;
}

export interface Network {
  readonly existing: boolean;
  readonly vpcCidr: string;
  readonly availabilityZones: number;
  readonly natGateways: number;
  readonly flowLogs: boolean;
  readonly publicSubnetsMapPublicIp: boolean;
  /** Whether anything needs public subnets (ALB, NLB, tasks with public IPs). */
  readonly needsPublicSubnets: boolean;
  /** A port tasks accept from a CIDR (e.g. a control agent). */
  readonly agent?: { readonly port: number; readonly cidr?: string };
  /** Tasks in the shared task security group may reach each other on any port. */
  readonly selfIngress: boolean;
}

export interface Cluster {
  readonly existing: boolean;
  readonly name?: string;
  readonly containerInsights: 'enabled' | 'enhanced' | 'disabled';
  readonly capacityProviders: boolean;
}

export type ServiceKind = 'web' | 'internal' | 'tcp' | 'worker';

/**
 * One container of a task, as the ECS container definition needs it. A service's own Compose
 * container is the service itself (`Service` extends this); other containers of the same task
 * (init containers, sidecars, services Compose ties to its network) are `Sidecar`s.
 */
export interface ContainerSpec {
  /** The container name (`ui-iot`), also used in AWS resource names for the main container. */
  readonly awsName: string;
  readonly image: ImageSource;
  readonly ports: readonly ContainerPort[];
  readonly containerHealthCheck?: ContainerHealthCheck;
  readonly environment: readonly PlainEnv[];
  readonly secretEnv: readonly SecretEnv[];
  readonly command?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly user?: string;
  readonly workingDirectory?: string;
  readonly readonlyRootFilesystem: boolean;
  /** Docker labels (Compose `labels`). */
  readonly dockerLabels: Readonly<Record<string, string>>;
  readonly linux: LinuxParameters;
  readonly ulimits: readonly { readonly name: string; readonly soft: number; readonly hard: number }[];
  /** Scratch paths that get an ephemeral volume of their own (Compose `tmpfs`), for read-only roots. */
  readonly scratchPaths: readonly string[];
  /** Mounts of EFS volumes (by Compose volume name) and of the task's shared volumes (`Service.taskVolumes`). */
  readonly mounts: readonly VolumeMount[];
  /** The container's soft memory limit (`memoryReservation`), below the task memory. */
  readonly memoryReservationMiB?: number;
  readonly stopTimeoutSeconds?: number;
  /** Containers of the same task this one waits for before it starts. */
  readonly containerDependsOn: readonly ContainerDependency[];
}

export interface ContainerDependency {
  /** Container name (`awsName`) in the same task. */
  readonly container: string;
  /** ECS `dependsOn` condition: started, healthy, exited, or exited with code 0. */
  readonly condition: 'START' | 'HEALTHY' | 'COMPLETE' | 'SUCCESS';
}

/** Another container of a service's task. */
export interface Sidecar extends ContainerSpec {
  /** Why it is there, for comments and `explain`. */
  readonly purpose: string;
  /** The task stops when an essential container stops; init containers are not essential. */
  readonly essential: boolean;
  readonly origin: Origin;
}

export interface Service extends ContainerSpec {
  /** Compose service name. */
  readonly name: string;
  /** Terraform identifier (`ui_iot`). */
  readonly id: string;
  readonly origin: Origin;
  readonly kind: ServiceKind;
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  readonly desiredCount: number;
  readonly architecture: Architecture;
  readonly spot: boolean;
  readonly exec: boolean;
  /** The port traffic is routed to (web, internal, tcp). */
  readonly mainPort?: number;
  readonly routes: readonly Route[];
  readonly loadBalancerHealthCheck?: LoadBalancerHealthCheck;
  /** Other containers of the task, in start order. */
  readonly sidecars: readonly Sidecar[];
  /** Empty task-scoped volumes shared between the task's containers (e.g. files an init container writes). */
  readonly taskVolumes: readonly string[];
  /** Name of the security group the service runs in. */
  readonly securityGroup: string;
  readonly exposure: 'alb' | 'nlb' | 'public-ip' | 'none';
  readonly subnets: 'private' | 'public';
  /** Name registered in service discovery, when other services reach this one by name. */
  readonly discoveryName?: string;
  readonly autoscaling?: Autoscaling;
  readonly alarms: boolean;
  readonly dependsOn: readonly { readonly service: string; readonly condition: 'START' | 'HEALTHY' | 'COMPLETE' }[];
}

export interface LinuxParameters {
  readonly initProcessEnabled?: boolean;
  readonly capabilitiesAdd: readonly string[];
  readonly capabilitiesDrop: readonly string[];
  readonly pseudoTerminal?: boolean;
  readonly interactive?: boolean;
}

export type ImageSource =
  | { readonly kind: 'public'; readonly reference: string }
  | { readonly kind: 'repository'; readonly repository: string };

export interface Repository {
  /** ECR repository name, e.g. `iot/ui-iot`. */
  readonly name: string;
  /** Terraform key (`ui_iot`). */
  readonly id: string;
  readonly mode: 'create' | 'lookup';
  /** Compose `build` of the service(s) that push here; undefined for platform-only repositories. */
  readonly build?: BuildSpec;
  readonly architecture: Architecture;
  readonly services: readonly string[];
  readonly origin: Origin;
}

export interface RegistrySettings {
  readonly scanOnPush: boolean;
  readonly immutableTags: boolean;
  readonly untaggedExpiryDays: number;
  readonly keepTaggedImages: number;
}

export interface BuildSpec {
  readonly context: string;
  readonly dockerfile?: string;
  readonly target?: string;
  readonly args: readonly { readonly name: string; readonly value: string }[];
}

export interface ContainerPort {
  readonly containerPort: number;
  readonly protocol: 'tcp' | 'udp';
  /** Port name, needed by Service Connect (`<service>-<port>`). */
  readonly name: string;
  /** Published on the host in Compose (reachable from outside). */
  readonly published: boolean;
  /** The host port it is published on (`8883:1883` → 8883): the port clients use. */
  readonly publishedPort?: number;
  readonly origin: Origin;
}

export interface Route {
  readonly pathPrefix?: string;
  readonly host?: string;
  readonly priority: number;
  readonly origin: Origin;
}

export interface LoadBalancerHealthCheck {
  readonly path: string;
  readonly matcher: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  readonly gracePeriodSeconds: number;
}

export interface ContainerHealthCheck {
  /** ECS form: `["CMD-SHELL", "..."]` or `["CMD", ...]`. */
  readonly command: readonly string[];
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly retries: number;
  readonly startPeriodSeconds: number;
}

/** A piece of an environment value: text, or a value only known once the stack exists. */
export type EnvPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'database-address'; readonly database: string }
  | { readonly kind: 'database-port'; readonly database: string }
  | { readonly kind: 'setting'; readonly setting: 'domain_name' | 'alb_url' | 'cloudfront_url' | 'aws_region' | 'environment' }
  | { readonly kind: 'discovery-namespace' }
  /** A required input variable of the generated module. */
  | { readonly kind: 'variable'; readonly name: string; readonly description: string };

export interface PlainEnv {
  readonly name: string;
  readonly value: readonly EnvPart[];
  readonly origin: Origin;
  /** Marked `plain` in x-ecsform although its name or value looks like a secret. */
  readonly plainByChoice?: boolean;
}

export interface SecretEnv {
  readonly name: string;
  /** `Secret.name` of the secret the value comes from. */
  readonly secret: string;
  /** A key of a JSON secret (`password` of an RDS-managed secret). */
  readonly jsonKey?: string;
  readonly origin: Origin;
}

export type SecretSource =
  /** Created empty; you set the value after the first apply. */
  | 'user'
  /** Created empty; the value is a credential of a system outside AWS. */
  | 'external'
  /** A random value generated during apply, never stored in state. */
  | 'generate'
  /** Exists already; its ARN is a required variable. */
  | 'existing'
  /** Created and rotated by RDS (`manage_master_user_password`). */
  | 'database';

export interface Secret {
  /** Secret short name, e.g. `timescale-url`; stored as `<prefix>/<name>`. */
  readonly name: string;
  /** Terraform identifier (`timescale_url`). */
  readonly id: string;
  readonly source: SecretSource;
  readonly description: string;
  /** For `database` secrets: the database whose master secret this is. */
  readonly database?: string;
  readonly usedBy: readonly { readonly service: string; readonly variable: string }[];
  readonly origin: Origin;
}

export interface Database {
  /** Compose service the database replaces. */
  readonly name: string;
  readonly id: string;
  readonly awsName: string;
  readonly engine: 'postgres' | 'mysql' | 'mariadb';
  readonly engineVersion: string;
  readonly port: number;
  readonly instanceClass: string;
  readonly allocatedStorageGb: number;
  readonly maxAllocatedStorageGb?: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly databaseName: string;
  readonly username: string;
  /** Services that connect to it (they get ingress on the database security group). */
  readonly clients: readonly string[];
  readonly origin: Origin;
}

export interface StaticSite {
  readonly name: string;
  readonly id: string;
  readonly awsName: string;
  readonly buildContext: string;
  readonly buildCommand: string;
  readonly outputDir: string;
  readonly spa: boolean;
  readonly aliases: readonly string[];
  readonly certificateArn?: string;
  readonly priceClass: string;
  readonly origin: Origin;
}

export interface EfsVolume {
  /** Compose volume name. */
  readonly name: string;
  readonly id: string;
  readonly usedBy: readonly string[];
  readonly origin: Origin;
}

export interface VolumeMount {
  readonly volume: string;
  readonly containerPath: string;
  readonly readOnly: boolean;
  readonly origin: Origin;
}

export interface LoadBalancer {
  readonly existing?: 'listener' | 'target-group';
  readonly certificateArn?: string;
  readonly sslPolicy: string;
  readonly idleTimeoutSeconds: number;
  readonly deletionProtection: boolean;
  readonly accessLogs: boolean;
  /** A WAFv2 web ACL with AWS managed rules and a per-IP rate limit, or none. */
  readonly waf?: { readonly rateLimit: number };
  /** Web services in listener-rule order. */
  readonly services: readonly string[];
}

export interface NetworkLoadBalancer {
  readonly services: readonly string[];
}

export interface Discovery {
  readonly namespace: string;
  readonly mode: 'cloud-map' | 'service-connect';
  /** Services registered under a name. */
  readonly services: readonly string[];
}

export interface SecurityGroup {
  /** Terraform identifier and logical name: `alb`, `ecs_api`, `mqtt`, `rds`... */
  readonly id: string;
  readonly description: string;
  readonly ingress: readonly IngressRule[];
  /** Egress to anywhere (tasks need ECR, Secrets Manager, logs and the internet through NAT). */
  readonly egressAll: boolean;
  /** Egress limited to the listed rules (the ALB only reaches its targets). */
  readonly egress: readonly EgressRule[];
  /** Why an open egress is acceptable, written next to the rule. */
  readonly egressReason?: string;
}

export interface IngressRule {
  readonly description: string;
  readonly protocol: 'tcp' | 'udp' | 'all';
  readonly fromPort: number;
  readonly toPort: number;
  readonly source: { readonly kind: 'group'; readonly group: string } | { readonly kind: 'self' } | { readonly kind: 'cidr'; readonly cidr: string; readonly variable?: string } | { readonly kind: 'vpc' };
  /** A deliberate exception to a security rule, written as a suppression comment. */
  readonly exception?: { readonly rules: readonly string[]; readonly reason: string };
}

export interface EgressRule {
  readonly description: string;
  readonly protocol: 'tcp' | 'udp';
  readonly fromPort: number;
  readonly toPort: number;
  readonly destinationGroup: string;
}

export interface Logs {
  readonly retentionDays: number;
  /** One shared group instead of one per service. */
  readonly sharedGroupName?: string;
}

export interface Encryption {
  /** Create a customer-managed KMS key for ECR, logs and secrets. */
  readonly customerKey: boolean;
}

export interface Iam {
  readonly existingRoles: boolean;
  readonly managedExecutionPolicy: boolean;
}

export interface Alarms {
  readonly enabled: boolean;
  readonly topicArn?: string;
  readonly cpuThreshold: number;
  readonly memoryThreshold: number;
}

export interface Autoscaling {
  readonly min: number;
  readonly max: number;
  readonly cpuTarget?: number;
  readonly memoryTarget?: number;
  readonly requestsPerTarget?: number;
  readonly scaleInCooldownSeconds: number;
  readonly scaleOutCooldownSeconds: number;
}

export interface EfsSettings {
  readonly performanceMode: 'generalPurpose' | 'maxIO';
  readonly throughputMode: 'bursting' | 'elastic' | 'provisioned';
  /** MiB/s, with the provisioned throughput mode. */
  readonly provisionedThroughputMibps?: number;
  readonly encrypted: boolean;
  readonly posixUid: number;
  readonly posixGid: number;
}

export interface CiSettings {
  readonly github?: { readonly repository: string; readonly branch: string; readonly oidcProvider: 'create' | 'lookup' };
}

export interface Suppression {
  readonly rule: string;
  /** Terraform address, or a service name (all its resources). Undefined: everywhere. */
  readonly resource?: string;
  readonly service?: string;
  readonly reason: string;
  readonly origin: Origin;
}

export type DecisionOutcome = 'mapped' | 'approximated' | 'ignored' | 'rewritten' | 'inferred';

/** One line of `ecsform explain`: what became of a Compose key and why. */
export interface Decision {
  readonly service?: string;
  /** Compose path of the key, e.g. `services.api.ports[0]`. */
  readonly path: string;
  readonly at: SourcePoint;
  readonly outcome: DecisionOutcome;
  readonly detail: string;
  /** Terraform addresses that carry the result, filled in by the plan. */
  readonly resources?: readonly string[];
}
