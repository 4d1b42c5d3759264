/**
 * A Compose database service (postgres, mysql, mariadb) becomes an RDS instance. Its Compose
 * environment tells us the database name, the user, and which value is its password, so that
 * clients' variables can be pointed at the RDS-managed secret instead.
 */
import type { ComposeService, EnvVar } from '../load/types.js';
import type { ServiceExtension } from '../load/x-ecsform/schema.js';
import type { ModelContext } from './context.js';
import { awsName, terraformId } from './names.js';
import { databaseEngineOf } from './service-kind.js';
import type { Database, Origin } from './types.js';

type Engine = Database['engine'];

const DEFAULT_VERSION: Record<Engine, string> = { postgres: '16', mysql: '8.0', mariadb: '10.11' };
const PORT: Record<Engine, number> = { postgres: 5432, mysql: 3306, mariadb: 3306 };

/** Environment variable names the official images read for the database, user and password. */
const ENV_NAMES: Record<Engine, { db: string[]; user: string[]; password: string[] }> = {
  postgres: { db: ['POSTGRES_DB', 'POSTGRESQL_DATABASE'], user: ['POSTGRES_USER', 'POSTGRESQL_USERNAME'], password: ['POSTGRES_PASSWORD', 'POSTGRESQL_PASSWORD'] },
  mysql: { db: ['MYSQL_DATABASE'], user: ['MYSQL_USER'], password: ['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD'] },
  mariadb: { db: ['MARIADB_DATABASE', 'MYSQL_DATABASE'], user: ['MARIADB_USER', 'MYSQL_USER'], password: ['MARIADB_PASSWORD', 'MYSQL_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD'] },
};

/** How to recognise the database's password in a client's environment. */
export interface PasswordIdentity {
  /** Variables interpolated into the password (`${DB_PASSWORD}`): the same variable elsewhere is the same password. */
  readonly interpolated: readonly string[];
  /** A literal password from the Compose file (only compared, never stored or written). */
  readonly literal?: string;
  /** Compose file-secret names that hold the password (`POSTGRES_PASSWORD_FILE=/run/secrets/db-password`). */
  readonly fileSecrets: readonly string[];
}

export interface DatabaseInfo {
  readonly database: Database;
  readonly password: PasswordIdentity;
}

export function buildDatabase(service: ComposeService, ext: ServiceExtension, ctx: ModelContext): DatabaseInfo {
  const settings = ext.database;
  const engine: Engine = settings?.engine ?? databaseEngineOf(service.image?.value) ?? 'postgres';
  const names = ENV_NAMES[engine];
  const env = (candidates: string[]) => candidates.map((n) => service.environment.find((e) => e.name === n)).find((e) => e !== undefined);
  const username = settings?.username ?? env(names.user)?.value ?? (engine === 'postgres' ? 'postgres' : 'admin');
  const databaseName = sanitizeDbName(settings?.database_name ?? env(names.db)?.value ?? username);
  const origin: Origin = { at: service.at, path: `services.${service.name}` };
  const database: Database = {
    name: service.name,
    id: terraformId(service.name),
    awsName: awsName(service.name),
    engine,
    engineVersion: settings?.engine_version ?? versionFromImage(engine, service.image?.value),
    port: PORT[engine],
    instanceClass: settings?.instance_class ?? 'db.t4g.micro',
    allocatedStorageGb: settings?.allocated_storage_gb ?? 20,
    ...(settings?.max_allocated_storage_gb !== undefined ? { maxAllocatedStorageGb: settings.max_allocated_storage_gb } : {}),
    multiAz: settings?.multi_az ?? false,
    backupRetentionDays: settings?.backup_retention_days ?? 7,
    deletionProtection: settings?.deletion_protection ?? true,
    databaseName,
    username,
    clients: [],
    origin,
  };
  ctx.decide(
    'mapped',
    origin,
    `Replaced by RDS ${engine} ${database.engineVersion} (${database.instanceClass}, ${database.allocatedStorageGb} GiB, encrypted, master password managed by RDS in Secrets Manager), database "${databaseName}", user "${username}".`,
    service.name,
  );
  if (settings === undefined && ext.kind === undefined) {
    ctx.note('COMPOSE_APPROXIMATED', `Service ${service.name} (${service.image?.value}) becomes a managed RDS ${engine} instance instead of a container.`, origin, 'Set x-ecsform.kind: internal to run it as a container instead (data would need an EFS volume), or x-ecsform.database to size it.');
  }
  return { database, password: passwordIdentity(service.environment, names.password) };
}

function passwordIdentity(environment: readonly EnvVar[], passwordNames: readonly string[]): PasswordIdentity {
  const interpolated: string[] = [];
  const fileSecrets: string[] = [];
  let literal: string | undefined;
  for (const name of passwordNames) {
    const direct = environment.find((e) => e.name === name);
    if (direct) {
      interpolated.push(...direct.interpolated);
      if (direct.interpolated.length === 0 && direct.value) literal ??= direct.value;
    }
    const file = environment.find((e) => e.name === `${name}_FILE`)?.value;
    const secret = file ? /^\/run\/secrets\/([^/]+)$/.exec(file)?.[1] : undefined;
    if (secret) fileSecrets.push(secret);
  }
  return { interpolated, ...(literal !== undefined ? { literal } : {}), fileSecrets };
}

/** RDS accepts a major version for postgres (`16`) and major.minor for MySQL/MariaDB (`8.0`). */
function versionFromImage(engine: Engine, image: string | undefined): string {
  const tag = image?.split('@')[0]?.split(':')[1];
  const match = tag ? /^(\d+)(?:\.(\d+))?/.exec(tag) : null;
  if (!match) return DEFAULT_VERSION[engine];
  const major = Number(match[1]);
  if (engine === 'postgres') return major >= 12 ? String(major) : DEFAULT_VERSION.postgres;
  if (engine === 'mysql') return major >= 8 ? '8.0' : DEFAULT_VERSION.mysql;
  return major >= 11 ? '11.4' : DEFAULT_VERSION.mariadb;
}

/** RDS database names: letters, digits and underscores, starting with a letter, at most 63. */
function sanitizeDbName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '');
  return (cleaned || 'app').slice(0, 63);
}
