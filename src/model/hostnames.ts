/**
 * Finds Compose service names used as hostnames inside values (`http://keycloak:8080/auth`,
 * `mqtt`, `db:5432`, `kafka:9092,kafka2:9092`, `jdbc:postgresql://db/app`). Only the host part
 * counts: `keycloak` in the path `/realms/keycloak` is not a hostname.
 */
import { splitNameWords } from '../util/name-words.js';

export interface HostReference {
  readonly host: string;
  /** Offsets of the host inside the value. */
  readonly start: number;
  readonly end: number;
  /** The port written after the host, if any. */
  readonly port?: number;
  /** Written as the host of a URL (`http://host/...`). */
  readonly inUrl?: boolean;
}

const URL_AUTHORITY = /^((?:jdbc:)?[a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#\s]*@)?([^/?#\s]*)/i;

/** Last words of a variable name that say its value is an address (`DB_HOST`, `KAFKA_BROKERS`). */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(['host', 'hosts', 'hostname', 'hostnames', 'addr', 'address', 'addresses', 'server', 'servers', 'endpoint', 'endpoints', 'broker', 'brokers', 'url', 'urls', 'uri', 'uris', 'dsn', 'node', 'nodes', 'upstream', 'upstreams', 'backend', 'backends', 'peer', 'peers', 'seed', 'seeds', 'target', 'targets', 'proxy', 'remote']);

/**
 * `PGHOST`, `DB_HOST`, `spring.redis.host`, `redisHost`, `KAFKA_BOOTSTRAP_SERVERS`: the last word
 * of the name says what the value is (so `CLUSTER_NAME=kafka` is a name, not an address).
 */
export function isAddressName(name: string): boolean {
  const last = splitNameWords(name).at(-1);
  return last !== undefined && (ADDRESS_WORDS.has(last) || /(host|hosts|hostname|addr|url|uri)$/.test(last));
}

/**
 * `name` is the variable's name: a bare word (`db`) only counts as a host when the name says the
 * value is an address, so `POSTGRES_DB=app` is not a reference to a service called `app`. A URL
 * or a `host:port` counts whatever the name.
 */
export function findHostReferences(value: string, hosts: ReadonlySet<string>, name?: string): HostReference[] {
  const url = URL_AUTHORITY.exec(value);
  if (url) {
    const authority = url[2] ?? '';
    const authorityStart = url[0].length - authority.length;
    return hostsInList(authority, authorityStart, hosts).map((r) => ({ ...r, inUrl: true }));
  }
  // `host`, `host:port` or a comma-separated list of them (words separated by spaces are prose).
  if (!/^[\w.-]+(:\d+)?(\s*,\s*[\w.-]+(:\d+)?)*$/.test(value.trim())) return [];
  const found = hostsInList(value, 0, hosts);
  if (name === undefined || isAddressName(name)) return found;
  return found.filter((r) => r.port !== undefined);
}

function hostsInList(text: string, offset: number, hosts: ReadonlySet<string>): HostReference[] {
  const found: HostReference[] = [];
  const token = /([\w.-]+)(?::(\d+))?/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const host = m[1]!;
    if (hosts.has(host)) {
      const start = offset + m.index;
      found.push({ host, start, end: start + host.length, ...(m[2] ? { port: Number(m[2]) } : {}) });
    }
  }
  return found;
}
