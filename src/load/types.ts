/**
 * What the Compose loader hands to the model: the project after interpolation, `include`,
 * `extends`, multi-file merge and profile selection, with every value remembering where the user
 * wrote it. Short and long Compose syntaxes are normalised here so the model sees one shape.
 *
 * The loader does no interpretation for ECS: it never decides what is a secret, what is public,
 * or what Fargate can run. That is the model's job.
 */
import type { SourcePoint } from '../diagnostics/finding.js';

/** A positioned YAML value after interpolation. Scalars keep their YAML type. */
export type RawNode = RawScalar | RawMap | RawSeq;

export interface RawBase {
  /** Where the value starts (for a map entry: where the value starts, not the key). */
  readonly at: SourcePoint;
  /** Dotted path from the document root, e.g. `services.api.environment.DB_PASSWORD`. */
  readonly path: string;
}

export interface RawScalar extends RawBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}

export interface RawMap extends RawBase {
  readonly kind: 'map';
  /** Insertion order as merged; `keyAt` is where the key itself was written. */
  readonly entries: ReadonlyArray<{ readonly key: string; readonly keyAt: SourcePoint; readonly value: RawNode }>;
}

export interface RawSeq extends RawBase {
  readonly kind: 'seq';
  readonly items: readonly RawNode[];
}

/** A value plus the place it came from. */
export interface Located<T> {
  readonly value: T;
  readonly at: SourcePoint;
  readonly path: string;
}

export interface ComposeProject {
  /**
   * As docker compose decides it: `-p` (`LoadInput.projectName`), else `COMPOSE_PROJECT_NAME`, else the
   * top-level `name:`, else the project directory's base name; the last two normalised.
   */
  readonly name: string;
  /** The Compose files read, in merge order (includes and extends sources too). */
  readonly files: readonly string[];
  /** The directory relative paths (build contexts, env files) are resolved against. */
  readonly projectDir: string;
  /** Services enabled by the active profiles, sorted by name. */
  readonly services: readonly ComposeService[];
  readonly volumes: readonly ComposeVolume[];
  readonly secrets: readonly ComposeSecret[];
  readonly configs: readonly ComposeConfig[];
  readonly networks: readonly ComposeNetwork[];
  /** Top-level `x-*` keys, raw, including fragments only used through YAML anchors. `x-ecsform` lives here. */
  readonly extensions: ReadonlyMap<string, RawNode>;
  /** Every top-level key other than `x-*`, raw (for the key table: `version`, `models`, unknown keys...). */
  readonly topLevelKeys: ReadonlyMap<string, RawNode>;
}

export interface ComposeService {
  readonly name: string;
  /** Where `services.<name>:` was written. */
  readonly at: SourcePoint;
  /**
   * Every key present on the service after merging, raw. The model walks this against its key
   * table so that no key, known or unknown, is silently dropped.
   */
  readonly raw: RawMap;
  readonly image?: Located<string>;
  readonly build?: ComposeBuild;
  readonly command?: Located<readonly string[]>;
  readonly entrypoint?: Located<readonly string[]>;
  /** `environment` and `env_file` merged, `environment` winning, sorted by name. */
  readonly environment: readonly EnvVar[];
  readonly ports: readonly PortMapping[];
  readonly expose: readonly Located<number>[];
  readonly volumes: readonly VolumeMount[];
  readonly dependsOn: readonly DependsOn[];
  readonly secrets: readonly ServiceSecretRef[];
  readonly healthcheck?: Healthcheck;
  readonly deploy?: Deploy;
  readonly user?: Located<string>;
  readonly workingDir?: Located<string>;
  readonly readOnly?: Located<boolean>;
  /** `labels` as a map or a `key=value` list, sorted by name. */
  readonly labels: readonly NamedValue[];
  /** `tmpfs` paths (without their `:options`). */
  readonly tmpfs: readonly Located<string>[];
  readonly ulimits: readonly Ulimit[];
  readonly init?: Located<boolean>;
  readonly tty?: Located<boolean>;
  readonly stdinOpen?: Located<boolean>;
  /** Capability names without the `CAP_` prefix. */
  readonly capAdd: readonly Located<string>[];
  readonly capDrop: readonly Located<string>[];
  /** `platform`, e.g. `linux/arm64`. */
  readonly platform?: Located<string>;
  readonly stopGracePeriodSeconds?: Located<number>;
  readonly scale?: Located<number>;
  /** Legacy `cpus`, `mem_limit`, `mem_reservation`. */
  readonly cpus?: Located<number>;
  readonly memLimitMiB?: Located<number>;
  readonly memReservationMiB?: Located<number>;
  /** `restart`: `no`, `always`, `on-failure[:N]`, `unless-stopped`. */
  readonly restart?: Located<string>;
  /** `network_mode`: `bridge`, `host`, `none`, `service:<name>`, `container:<id>`. */
  readonly networkMode?: Located<string>;
  readonly hostname?: Located<string>;
  readonly containerName?: Located<string>;
  /** Networks the service joins, with the aliases it has on each. */
  readonly networks: readonly ServiceNetwork[];
  /** `links`: `service` or `service:alias`. */
  readonly links: readonly ServiceLink[];
  readonly configs: readonly ServiceConfigRef[];
  readonly profiles: readonly string[];
  /** `x-*` keys on the service, raw. `x-ecsform` lives here. */
  readonly extensions: ReadonlyMap<string, RawNode>;
}

export interface NamedValue {
  readonly name: string;
  readonly value: string;
  readonly at: SourcePoint;
  readonly path: string;
}

export interface Ulimit {
  readonly name: string;
  readonly soft: number;
  readonly hard: number;
  readonly at: SourcePoint;
  readonly path: string;
}

export interface ServiceNetwork {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly at: SourcePoint;
  readonly path: string;
}

export interface ServiceLink {
  readonly service: string;
  /** The name the link makes the service reachable under (the service name when no alias). */
  readonly alias: string;
  readonly at: SourcePoint;
  readonly path: string;
}

/** File ownership and mode of a mounted secret or config (long syntax). */
export interface FileOwnership {
  readonly uid?: string;
  readonly gid?: string;
  /** Octal file mode, e.g. 0o440. */
  readonly mode?: number;
}

export interface ServiceConfigRef extends FileOwnership {
  /** Name of the top-level config. */
  readonly source: string;
  /** Absolute path in the container (defaults to `/<source>`). */
  readonly target: string;
  readonly at: SourcePoint;
  readonly path: string;
}

export interface ComposeBuild {
  readonly at: SourcePoint;
  readonly path: string;
  /** As written (relative to the project directory) or a URL. */
  readonly context: string;
  readonly dockerfile?: string;
  readonly target?: string;
  readonly args: ReadonlyArray<{ readonly name: string; readonly value: string | undefined }>;
  readonly platforms: readonly string[];
}

export interface EnvVar {
  readonly name: string;
  /** `undefined` when declared without a value (`- FOO`) and not set in the environment. */
  readonly value: string | undefined;
  readonly at: SourcePoint;
  readonly path: string;
  readonly origin: 'environment' | 'env_file';
  /**
   * Names of the variables interpolated into the value (`${DB_PASSWORD}` gives `DB_PASSWORD`),
   * so that a value coming from `.env` can be recognised as user-supplied.
   */
  readonly interpolated: readonly string[];
}

export interface PortMapping {
  readonly at: SourcePoint;
  readonly path: string;
  readonly target: number;
  /** Host port or range start; undefined when not published to the host. */
  readonly published?: number;
  /** Compose also accepts `sctp`; whether a target platform supports it is the model's call. */
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly hostIp?: string;
  /** `app_protocol` / `name` from the long syntax, when given. */
  readonly appProtocol?: string;
  readonly name?: string;
}

export type VolumeMount =
  | { readonly type: 'volume'; readonly source?: string; readonly target: string; readonly readOnly: boolean; readonly at: SourcePoint; readonly path: string }
  | { readonly type: 'bind'; readonly source: string; readonly target: string; readonly readOnly: boolean; readonly at: SourcePoint; readonly path: string }
  | { readonly type: 'tmpfs'; readonly target: string; readonly at: SourcePoint; readonly path: string }
  | { readonly type: 'npipe' | 'cluster' | 'image'; readonly source?: string; readonly target: string; readonly at: SourcePoint; readonly path: string };

export interface DependsOn {
  readonly service: string;
  readonly condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  readonly at: SourcePoint;
}

export interface ServiceSecretRef extends FileOwnership {
  /** Name of the top-level secret. */
  readonly source: string;
  /** Mount path target (defaults to the source name under /run/secrets). */
  readonly target: string;
  readonly at: SourcePoint;
  readonly path: string;
}

export interface Healthcheck {
  readonly at: SourcePoint;
  readonly path: string;
  /** `["CMD", ...]` / `["CMD-SHELL", "..."]` / `["NONE"]`, normalised from the string form to CMD-SHELL. */
  readonly test?: readonly string[];
  readonly disable: boolean;
  readonly intervalSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly retries?: number;
  readonly startPeriodSeconds?: number;
}

export interface Deploy {
  readonly at: SourcePoint;
  readonly path: string;
  readonly replicas?: Located<number>;
  /** `deploy.resources.limits.cpus` as a number of vCPUs (e.g. 0.5). */
  readonly limitCpus?: Located<number>;
  /** `deploy.resources.limits.memory` in MiB. */
  readonly limitMemoryMiB?: Located<number>;
  readonly reservationCpus?: Located<number>;
  readonly reservationMemoryMiB?: Located<number>;
  /** `deploy.restart_policy.condition`: `none`, `on-failure` or `any`. */
  readonly restartCondition?: Located<string>;
}

export interface ComposeVolume {
  readonly name: string;
  readonly at: SourcePoint;
  readonly external: boolean;
  readonly driver?: string;
  readonly raw: RawMap | undefined;
}

export interface ComposeSecret {
  readonly name: string;
  readonly at: SourcePoint;
  readonly source: { readonly kind: 'file'; readonly file: string } | { readonly kind: 'environment'; readonly variable: string } | { readonly kind: 'external' };
}

export interface ComposeConfig {
  readonly name: string;
  readonly at: SourcePoint;
  readonly source: { readonly kind: 'file'; readonly file: string } | { readonly kind: 'content' } | { readonly kind: 'environment'; readonly variable: string } | { readonly kind: 'external' };
}

export interface ComposeNetwork {
  readonly name: string;
  readonly at: SourcePoint;
  readonly external: boolean;
  readonly driver?: string;
}

/** Everything the loader needs from outside; the CLI supplies real files and `process.env`. */
export interface LoadInput {
  /** Compose files in `-f` order, each with its path and text. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
  /** Reads another file (for `.env`, `env_file`, `include`, `extends.file`); undefined if missing. */
  readonly readFile: (path: string) => string | undefined;
  /** The process environment; wins over `.env` as in `docker compose`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--profile` values; `COMPOSE_PROFILES` is read from `env` when empty. */
  readonly profiles?: readonly string[];
  /** Override for the project name (`-p`). */
  readonly projectName?: string;
  /** Override for the project directory (`--project-directory`); default: the first file's dir. */
  readonly projectDir?: string;
}
