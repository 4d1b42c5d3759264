/**
 * Finds Compose service names used as hostnames inside values (`http://keycloak:8080/auth`,
 * `mqtt`, `db:5432`, `kafka:9092,kafka2:9092`, `jdbc:postgresql://db/app`). Only the host part
 * counts: `keycloak` in the path `/realms/keycloak` is not a hostname.
 */

export interface HostReference {
  readonly host: string;
  /** Offsets of the host inside the value. */
  readonly start: number;
  readonly end: number;
  /** The port written after the host, if any. */
  readonly port?: number;
}

const URL_AUTHORITY = /^((?:jdbc:)?[a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#\s]*@)?([^/?#\s]*)/i;

export function findHostReferences(value: string, hosts: ReadonlySet<string>): HostReference[] {
  const url = URL_AUTHORITY.exec(value);
  if (url) {
    const authority = url[2] ?? '';
    const authorityStart = url[0].length - authority.length;
    return hostsInList(authority, authorityStart, hosts);
  }
  // `host`, `host:port` or a comma-separated list of them (words separated by spaces are prose).
  if (/^[\w.-]+(:\d+)?(\s*,\s*[\w.-]+(:\d+)?)*$/.test(value.trim())) return hostsInList(value, 0, hosts);
  return [];
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
