/**
 * Splits every service's environment into plain values and secrets, and points names of other
 * Compose services at what they become on AWS (a service discovery name, an RDS endpoint, an
 * external secret). No secret value is kept: values are only compared, never stored.
 */
import type { ComposeProject, ComposeService, EnvVar } from '../load/types.js';
import type { EnvSetting, ServiceExtension } from '../load/x-ecsform/schema.js';
import type { ModelContext } from './context.js';
import type { DatabaseInfo } from './databases.js';
import { findHostReferences } from './hostnames.js';
import { splitNameWords } from '../util/name-words.js';
import { envFromName, kebabFromEnv, terraformId } from './names.js';
import { isConnectionStringName, secretNameMatch, secretValueMatch, urlHasPassword } from '../aws/secret-patterns.js';
import type { EnvPart, Origin, PlainEnv, Secret, SecretEnv, SecretSource } from './types.js';

export interface ExternalSystem {
  readonly name: string;
  readonly secret: string;
  readonly description?: string;
  readonly variables: readonly string[];
}

export interface EnvironmentInput {
  readonly project: ComposeProject;
  /** ECS services (by Compose name) with their x-ecsform settings. */
  readonly services: ReadonlyMap<string, { readonly compose: ComposeService; readonly ext: ServiceExtension }>;
  readonly databases: ReadonlyMap<string, DatabaseInfo>;
  readonly externals: ReadonlyMap<string, ExternalSystem>;
  readonly staticSites: ReadonlySet<string>;
  readonly discoveryMode: 'cloud-map' | 'service-connect' | 'none';
  /** Every secret is an existing one (bring your own). */
  readonly existingSecrets: boolean;
}

export interface ServiceEnvironment {
  readonly environment: PlainEnv[];
  readonly secretEnv: SecretEnv[];
  /** ECS services this one reaches by name. */
  readonly references: Set<string>;
  /** Databases this one connects to. */
  readonly databases: Set<string>;
}

export interface EnvironmentResult {
  readonly byService: Map<string, ServiceEnvironment>;
  readonly secrets: Secret[];
}

/** A variable's fate before secrets are named. */
type Classified =
  | { readonly kind: 'plain'; readonly parts: EnvPart[]; readonly byChoice?: boolean }
  | { readonly kind: 'secret'; readonly source: SecretSource; readonly identity: string; readonly name?: string; readonly description: string; readonly jsonKey?: string }
  | { readonly kind: 'database'; readonly database: string; readonly jsonKey: 'password' | 'username' }
  | { readonly kind: 'dropped' };

interface Pending {
  readonly service: string;
  readonly variable: string;
  readonly origin: Origin;
  readonly classified: Classified;
}

export function classifyEnvironment(input: EnvironmentInput, ctx: ModelContext): EnvironmentResult {
  const hosts = new Set([...input.services.keys(), ...input.databases.keys(), ...input.externals.keys(), ...input.staticSites]);
  const pending: Pending[] = [];
  const byService = new Map<string, ServiceEnvironment>();

  for (const [name, { compose, ext }] of input.services) {
    const result: ServiceEnvironment = { environment: [], secretEnv: [], references: new Set(), databases: new Set() };
    byService.set(name, result);
    const fileSecretVars = fileSecretVariables(compose);
    for (const variable of compose.environment) {
      const origin: Origin = { at: variable.at, path: variable.path };
      const classified = fileSecretVars.has(variable.name)
        ? ({ kind: 'dropped' } as const)
        : classify(variable, ext.env[variable.name], compose, input, hosts, result, ctx);
      pending.push({ service: name, variable: variable.name, origin, classified });
    }
    pending.push(...fileSecrets(compose, input, fileSecretVars, ctx));
  }

  const secrets = new Map<string, Secret>();
  const names = secretNames(pending);
  for (const item of pending) {
    const env = byService.get(item.service)!;
    const c = item.classified;
    if (c.kind === 'plain') {
      env.environment.push({ name: item.variable, value: c.parts, origin: item.origin, ...(c.byChoice ? { plainByChoice: true } : {}) });
      if (c.parts.every((p) => p.kind === 'text')) ctx.decide('mapped', item.origin, `${item.variable} stays a plain value in the task definition's environment (not a secret by name or value).`, item.service);
    }
    else if (c.kind === 'database') {
      const secret = registerDatabaseSecret(secrets, c.database, input.databases.get(c.database)!, item);
      env.secretEnv.push({ name: item.variable, secret: secret.name, jsonKey: c.jsonKey, origin: item.origin });
      env.databases.add(c.database);
      ctx.decide('rewritten', item.origin, `${item.variable} comes from the "${c.jsonKey}" key of the RDS-managed master secret of ${c.database}.`, item.service);
    } else if (c.kind === 'secret') {
      const name = names.get(item)!;
      const source: SecretSource = input.existingSecrets && c.source !== 'external' ? 'existing' : c.source;
      const secret = registerSecret(secrets, name, source, c.description, item);
      env.secretEnv.push({ name: item.variable, secret: secret.name, ...(c.jsonKey ? { jsonKey: c.jsonKey } : {}), origin: item.origin });
      ctx.decide('mapped', item.origin, `${item.variable} is a secret (${c.description}); injected from Secrets Manager secret "${name}" (${describeSource(source)}).`, item.service);
    }
  }
  for (const env of byService.values()) {
    env.environment.sort((a, b) => a.name.localeCompare(b.name));
    env.secretEnv.sort((a, b) => a.name.localeCompare(b.name));
  }
  return { byService, secrets: [...secrets.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

function classify(
  variable: EnvVar,
  setting: EnvSetting | undefined,
  compose: ComposeService,
  input: EnvironmentInput,
  hosts: ReadonlySet<string>,
  result: ServiceEnvironment,
  ctx: ModelContext,
): Classified {
  const value = variable.value ?? '';
  const origin: Origin = { at: variable.at, path: variable.path };
  const identity = variable.interpolated.length > 0 ? `var:${[...variable.interpolated].sort().join(',')}` : `literal:${value}`;
  // A service naming itself in a bare word is not an address; in a URL or `host:port` it is (Kafka
  // advertises `PLAINTEXT://kafka:9092` to its clients), and must resolve on AWS as well.
  const refs = findHostReferences(value, hosts, variable.name).filter((r) => r.host !== compose.name || r.port !== undefined || r.inUrl);
  for (const ref of refs) {
    if (input.services.has(ref.host)) result.references.add(ref.host);
    if (input.databases.has(ref.host)) result.databases.add(ref.host);
  }

  if (setting !== undefined) {
    if (typeof setting === 'string') {
      if (setting === 'plain') {
        const looksSecret = secretNameMatch(variable.name, variable.value) !== undefined || (variable.value !== undefined && secretValueMatch(variable.value) !== undefined);
        return { kind: 'plain', parts: rewriteHosts(variable, refs, input, ctx, compose.name), ...(looksSecret ? { byChoice: true } : {}) };
      }
      const source: SecretSource = setting === 'secret' ? 'user' : setting;
      return { kind: 'secret', source, identity, description: `marked ${setting} in x-ecsform` };
    }
    if ('value_from' in setting) return { kind: 'plain', parts: [{ kind: 'setting', setting: setting.value_from }] };
    if ('variable' in setting) return { kind: 'plain', parts: [{ kind: 'variable', name: setting.variable, description: setting.description ?? `Value of ${variable.name} in ${compose.name}.` }] };
    const source: SecretSource = setting.kind === 'secret' ? 'user' : setting.kind;
    return {
      kind: 'secret',
      source,
      identity: `shared:${setting.secret}`,
      name: setting.secret,
      description: setting.description ?? `shared secret "${setting.secret}"`,
      ...(setting.key ? { jsonKey: setting.key } : {}),
    };
  }

  const external = refs.map((r) => input.externals.get(r.host)).find((e) => e !== undefined);
  if (external && (external.variables.length === 0 || external.variables.includes(variable.name))) {
    return {
      kind: 'secret',
      source: 'external',
      identity: `external:${external.name}:${variable.name}`,
      name: external.secret,
      description: external.description ?? `connection to ${external.name}, which runs outside AWS`,
    };
  }

  // The name decides the role first: Compose files often give the user, the database and the
  // password one value (`wordpress`), and only a password-like name may take the password.
  for (const [dbName, info] of input.databases) {
    const talksToDb = result.databases.has(dbName) || compose.dependsOn.some((d) => d.service === dbName);
    const role = credentialRole(variable.name);
    if (talksToDb && role === 'user' && value === info.database.username) return { kind: 'database', database: dbName, jsonKey: 'username' };
    if (role === 'password' && matchesPassword(variable, info)) return { kind: 'database', database: dbName, jsonKey: 'password' };
  }

  const dbRef = refs.find((r) => input.databases.has(r.host));
  if (dbRef && urlHasPassword(value)) {
    ctx.warn(
      'DATABASE_URL_PASSWORD',
      `${compose.name}: ${variable.name} embeds the password of ${dbRef.host}, which RDS manages on AWS; ECS cannot assemble the URL.`,
      origin,
      `Read the host, user and password from separate variables (the password from the RDS secret), or keep ${variable.name} and set its value in Secrets Manager yourself after apply.`,
      'medium',
    );
    return { kind: 'secret', source: 'user', identity, description: `connection string for ${dbRef.host} (RDS)` };
  }

  const byName = secretNameMatch(variable.name, variable.value);
  if (byName) return { kind: 'secret', source: 'user', identity, description: `name contains "${byName}"` };
  if (value === '' && isConnectionStringName(variable.name)) {
    return { kind: 'secret', source: 'user', identity, description: 'a connection string left empty in Compose, so it is set per environment and usually carries credentials' };
  }
  const byValue = variable.value !== undefined ? secretValueMatch(variable.value) : undefined;
  if (byValue) return { kind: 'secret', source: 'user', identity, description: VALUE_REASONS[byValue] };

  if (variable.value === undefined || (value === '' && variable.interpolated.length > 0)) {
    ctx.warn('ENV_NO_VALUE', `${compose.name}: ${variable.name} has no value when generating (${variable.value === undefined ? 'it is taken from the shell when Compose runs' : `\${${variable.interpolated.join('}, ${')}} is unset`}), so it is empty on AWS.`, origin, `Export it before generating, give it a value in the Compose file, or mark it in x-ecsform.env (secret, external, or { variable: name }).`, 'medium');
  }
  return { kind: 'plain', parts: rewriteHosts(variable, refs, input, ctx, compose.name) };
}

const VALUE_REASONS = {
  'url-credentials': 'the value is a URL with a password',
  'known-token': 'the value has the format of an access token',
  'private-key': 'the value is a private key',
  'high-entropy': 'the value looks random (high entropy)',
} as const;

/** What a variable holds, judging by its name: a user name, a password, or neither. */
function credentialRole(name: string): 'user' | 'password' | undefined {
  const words = splitNameWords(name);
  // The last word names the thing: `DB_USER_PASSWORD` is a password, `PGUSER` a user.
  if (secretNameMatch(words.at(-1) ?? '')) return 'password';
  if (words.some((w) => w === 'login' || /user(name)?$/.test(w))) return 'user';
  return secretNameMatch(name) ? 'password' : undefined;
}

function matchesPassword(variable: EnvVar, info: DatabaseInfo): boolean {
  const { interpolated, literal } = info.password;
  if (variable.interpolated.length > 0 && variable.interpolated.every((v) => interpolated.includes(v))) return true;
  return literal !== undefined && variable.interpolated.length === 0 && variable.value === literal;
}

/** Replaces Compose hostnames in a plain value with their AWS names, recording each rewrite. */
function rewriteHosts(variable: EnvVar, refs: ReturnType<typeof findHostReferences>, input: EnvironmentInput, ctx: ModelContext, serviceName: string): EnvPart[] {
  const value = variable.value ?? '';
  const origin: Origin = { at: variable.at, path: variable.path };
  const parts: EnvPart[] = [];
  let cursor = 0;
  const text = (t: string) => t !== '' && parts.push({ kind: 'text', text: t });
  for (const ref of refs) {
    if (input.databases.has(ref.host)) {
      text(value.slice(cursor, ref.start));
      parts.push({ kind: 'database-address', database: ref.host });
      cursor = ref.end;
      ctx.decide('rewritten', origin, `Host ${ref.host} in ${variable.name} becomes the RDS endpoint address of ${ref.host}.`, serviceName);
    } else if (input.services.has(ref.host) && !hasPorts(input.services.get(ref.host)!.compose)) {
      ctx.warn('HOSTNAME_UNRESOLVED', `${serviceName}: ${variable.name} reaches ${ref.host} by name, but ${ref.host} declares no ports, so it gets no address or security group rule.`, origin, `Add \`expose: ["<port>"]\` to ${ref.host} with the port it listens on.`, 'medium');
    } else if (input.services.has(ref.host) && input.discoveryMode === 'cloud-map') {
      const name = input.services.get(ref.host)!.ext.discovery_name ?? ref.host;
      text(`${value.slice(cursor, ref.start)}${name}.`);
      parts.push({ kind: 'discovery-namespace' });
      cursor = ref.end;
      ctx.decide('rewritten', origin, `Host ${ref.host} in ${variable.name} becomes ${name}.<namespace> (Cloud Map DNS).`, serviceName);
    } else if (input.services.has(ref.host) && input.discoveryMode === 'none') {
      ctx.warn('HOSTNAME_UNRESOLVED', `${serviceName}: ${variable.name} reaches ${ref.host} by name, but service discovery is off.`, origin, 'Set x-ecsform.service_discovery.mode to cloud-map or service-connect.', 'medium');
    } else if (input.staticSites.has(ref.host)) {
      ctx.warn('HOSTNAME_UNRESOLVED', `${serviceName}: ${variable.name} names ${ref.host}, which is served by CloudFront on AWS.`, origin, `Set x-ecsform.env.${variable.name}: { value_from: cloudfront_url }.`, 'medium');
    }
  }
  text(value.slice(cursor));
  return parts;
}

function hasPorts(compose: ComposeService): boolean {
  return compose.ports.length > 0 || compose.expose.length > 0;
}

/** Variables `X_FILE=/run/secrets/<name>` whose secret the service mounts: they become `X`. */
function fileSecretVariables(compose: ComposeService): Map<string, string> {
  const out = new Map<string, string>();
  for (const variable of compose.environment) {
    const m = /^(.+)_FILE$/.exec(variable.name);
    const ref = variable.value ? compose.secrets.find((s) => s.target === variable.value) : undefined;
    if (m && ref) out.set(variable.name, m[1]!);
  }
  return out;
}

/** The file name a secret is mounted as (`/run/secrets/db-password` → `db-password`). */
function secretFileName(target: string): string {
  return target.replace(/^\/run\/secrets\//, '').replace(/[^A-Za-z0-9]+/g, '_');
}

/** Compose `secrets:` of a service become environment variables from Secrets Manager. */
function fileSecrets(compose: ComposeService, input: EnvironmentInput, fileSecretVars: Map<string, string>, ctx: ModelContext): Pending[] {
  const out: Pending[] = [];
  for (const ref of compose.secrets) {
    const origin: Origin = { at: ref.at, path: ref.path };
    const fileVar = [...fileSecretVars].find(([fileName]) => compose.environment.find((e) => e.name === fileName)?.value === ref.target);
    const variable = fileVar ? fileVar[1] : envFromName(secretFileName(ref.target));
    if (fileVar) {
      ctx.decide('rewritten', origin, `${fileVar[0]}=${ref.target} becomes ${variable} injected from Secrets Manager (ECS cannot mount secret files).`, compose.name);
    } else {
      ctx.warn('FILE_SECRET', `${compose.name}: secret ${ref.source} is mounted at ${ref.target} in Compose; on ECS it is the environment variable ${variable}.`, origin, `Read ${variable} from the environment in the application.`, 'medium');
    }
    const database = [...input.databases].find(([, info]) => info.password.fileSecrets.includes(ref.source));
    const classified: Classified = database
      ? { kind: 'database', database: database[0], jsonKey: 'password' }
      : { kind: 'secret', source: 'user', identity: `file:${ref.source}`, name: kebabFromEnv(ref.source), description: `Compose secret "${ref.source}"` };
    out.push({ service: compose.name, variable, origin, classified });
  }
  return out;
}

/**
 * One secret per variable name when every service gives it the same value (same interpolated
 * variable or same literal); otherwise one secret per service, so no two values share a secret.
 */
function secretNames(pending: readonly Pending[]): Map<Pending, string> {
  const names = new Map<Pending, string>();
  const byVariable = new Map<string, Pending[]>();
  for (const item of pending) {
    if (item.classified.kind !== 'secret') continue;
    if (item.classified.name) names.set(item, item.classified.name);
    else byVariable.set(item.variable, [...(byVariable.get(item.variable) ?? []), item]);
  }
  for (const [variable, items] of byVariable) {
    const identities = new Set(items.map((i) => (i.classified.kind === 'secret' ? i.classified.identity : '')));
    for (const item of items) names.set(item, identities.size === 1 ? kebabFromEnv(variable) : `${kebabFromEnv(item.service)}-${kebabFromEnv(variable)}`);
  }
  return names;
}

function registerSecret(secrets: Map<string, Secret>, name: string, source: SecretSource, description: string, item: Pending): Secret {
  const existing = secrets.get(name);
  const usage = { service: item.service, variable: item.variable };
  if (existing) {
    const updated: Secret = { ...existing, usedBy: [...existing.usedBy, usage].sort(byUsage) };
    secrets.set(name, updated);
    return updated;
  }
  const secret: Secret = { name, id: terraformId(name), source, description: capitalise(description), usedBy: [usage], origin: item.origin };
  secrets.set(name, secret);
  return secret;
}

function registerDatabaseSecret(secrets: Map<string, Secret>, database: string, info: DatabaseInfo, item: Pending): Secret {
  const name = `${info.database.awsName}-master`;
  const description = `Master credentials of RDS ${info.database.engine} ${database} (JSON keys username and password), managed and rotated by RDS`;
  const secret: Secret = { ...registerSecret(secrets, name, 'database', description, item), database };
  secrets.set(name, secret);
  return secret;
}

function byUsage(a: { service: string; variable: string }, b: { service: string; variable: string }): number {
  return a.service.localeCompare(b.service) || a.variable.localeCompare(b.variable);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeSource(source: SecretSource): string {
  switch (source) {
    case 'user':
      return 'you set the value after the first apply';
    case 'external':
      return 'value from the external system, set by you';
    case 'generate':
      return 'random value generated during apply, never stored in state';
    case 'existing':
      return 'an existing secret whose ARN is a variable';
    case 'database':
      return 'managed by RDS';
  }
}
