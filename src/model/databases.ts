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

/**
 * Major versions RDS offers in standard support (postgres by major, MySQL and MariaDB by
 * major.minor), oldest first, as of the provider schema's date (PostgreSQL 13 is in paid extended
 * support; MariaDB 10.6 is retired). A Compose image of another version moves to the nearest
 * one RDS runs, with a warning.
 */
const RDS_MAJOR_VERSIONS: Record<Engine, readonly string[]> = {
  postgres: ['14', '15', '16', '17', '18'],
  mysql: ['8.0', '8.4'],
  mariadb: ['10.11', '11.4', '11.8'],
};
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
    engineVersion: settings?.engine_version ?? versionFromImage(engine, service, ctx),
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

/** The major version RDS names a version by: `16.4` → `16` (postgres), `8.0.39` → `8.0`. */
export function majorVersion(engine: Engine, version: string): string {
  const [major = '', minor] = version.split('.');
  return engine === 'postgres' || minor === undefined ? major : `${major}.${minor}`;
}

/** The DB parameter group family of a version: `postgres16`, `mysql8.0`, `mariadb10.11`. */
export function parameterGroupFamily(engine: Engine, version: string): string {
  return `${engine}${majorVersion(engine, version)}`;
}

/**
 * RDS accepts a major version for postgres (`16`) and major.minor for MySQL/MariaDB (`8.0`), and
 * picks the newest minor. An image tag RDS has no version for moves to the nearest newer one.
 */
function versionFromImage(engine: Engine, service: ComposeService, ctx: ModelContext): string {
  const image = service.image?.value;
  const tag = image?.split('@')[0]?.split(':')[1];
  const match = tag ? /^(\d+)(?:\.(\d+))?/.exec(tag) : null;
  if (!match) return DEFAULT_VERSION[engine];
  const known = RDS_MAJOR_VERSIONS[engine];
  // `mysql:8` and `mariadb:11` are the newest release of that major version.
  if (engine !== 'postgres' && match[2] === undefined) {
    const newest = [...known].reverse().find((v) => v.startsWith(`${match[1]}.`));
    if (newest) return newest;
  }
  const wanted = engine === 'postgres' ? match[1]! : `${match[1]}.${match[2] ?? '0'}`;
  if (known.includes(wanted)) return wanted;
  const origin: Origin = { at: service.image!.at, path: `services.${service.name}.image` };
  const newer = known.find((v) => compareVersions(v, wanted) > 0);
  if (newer === undefined) {
    ctx.warn('COMPOSE_APPROXIMATED', `${service.name}: ${image} is newer than the ${engine} versions ecsform knows RDS to offer (${known.join(', ')}); RDS ${engine} ${wanted} is requested as is.`, origin, `Check with \`aws rds describe-db-engine-versions --engine ${engine}\`, or set x-ecsform.database.engine_version.`);
    return wanted;
  }
  ctx.warn('COMPOSE_APPROXIMATED', `${service.name}: RDS does not run ${engine} ${wanted} (${image}); the database is created with ${engine} ${newer}, the nearest newer version it offers.`, origin, `Test the application against ${engine} ${newer}, or set x-ecsform.database.engine_version.`, 'medium');
  return newer;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** RDS database names: letters, digits and underscores, starting with a letter, at most 63. */
function sanitizeDbName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '');
  return (cleaned || 'app').slice(0, 63);
}
