/**
 * What each Compose service becomes on AWS, when `x-ecsform.kind` does not say: a web service
 * behind the ALB, an internal service, a TCP service, a worker, or a managed database.
 */
import type { ComposeService } from '../load/types.js';

export type ComposeRole = 'web' | 'internal' | 'tcp' | 'worker' | 'static-site' | 'database' | 'external';

/** Ports that carry something other than HTTP, so a published one makes a service `tcp`. */
const NON_HTTP_PORTS: ReadonlySet<number> = new Set([
  21, 22, 23, 25, 53, 67, 68, 110, 123, 143, 161, 389, 465, 514, 587, 636, 853, 993, 995, 1433, 1521, 1883, 2049, 2181, 2375, 2376,
  3306, 3389, 4222, 5044, 5054, 5060, 5222, 5432, 5671, 5672, 6379, 6380, 7000, 7001, 8883, 9042, 9092, 9093, 9300, 11211, 25565,
  27017, 61613, 61616,
]);

/** Official and common images of engines RDS runs. */
const DATABASE_IMAGES: ReadonlyArray<{ readonly pattern: RegExp; readonly engine: 'postgres' | 'mysql' | 'mariadb' }> = [
  { pattern: /^(docker\.io\/)?(library\/)?postgres(:|@|$)/, engine: 'postgres' },
  { pattern: /^(docker\.io\/)?postgis\/postgis(:|@|$)/, engine: 'postgres' },
  { pattern: /^(docker\.io\/)?bitnami\/postgresql(:|@|$)/, engine: 'postgres' },
  { pattern: /^(docker\.io\/)?(library\/)?mysql(:|@|$)/, engine: 'mysql' },
  { pattern: /^(docker\.io\/)?bitnami\/mysql(:|@|$)/, engine: 'mysql' },
  { pattern: /^(docker\.io\/)?(library\/)?mariadb(:|@|$)/, engine: 'mariadb' },
  { pattern: /^(docker\.io\/)?bitnami\/mariadb(:|@|$)/, engine: 'mariadb' },
];

/**
 * Images of backing services (caches, queues, search) that Compose files publish for local
 * access only; on AWS they stay inside the VPC unless x-ecsform.kind says otherwise.
 */
const BACKING_SERVICE_IMAGES = /^(docker\.io\/)?(library\/|bitnami\/|redislabs\/)?(redis|redismod|valkey|memcached|mongo|mongodb|rabbitmq|kafka|zookeeper|nats|elasticsearch|opensearch|etcd|consul|cassandra|couchdb|influxdb|minio)(:|@|$)/;

export function isBackingService(image: string | undefined): boolean {
  return image !== undefined && BACKING_SERVICE_IMAGES.test(image.replace(/^[a-z0-9.-]+\.[a-z]+\//, ''));
}

export function databaseEngineOf(image: string | undefined): 'postgres' | 'mysql' | 'mariadb' | undefined {
  if (!image) return undefined;
  return DATABASE_IMAGES.find((d) => d.pattern.test(image))?.engine;
}

export function isHttpPort(port: number, protocol: 'tcp' | 'udp' | 'sctp'): boolean {
  return protocol === 'tcp' && !NON_HTTP_PORTS.has(port);
}

/** The inferred role and the reason, in words, for `explain`; `note` is what the user should know. */
export function inferRole(service: ComposeService): { role: ComposeRole; reason: string; note?: string } {
  const engine = databaseEngineOf(service.image?.value);
  if (engine) return { role: 'database', reason: `image ${service.image?.value} is ${engine}, which RDS runs as a managed database` };
  const published = service.ports.filter((p) => p.published !== undefined);
  if (published.length > 0 && isBackingService(service.image?.value)) {
    return { role: 'internal', reason: `image ${service.image?.value} is a backing service, published in Compose for local access only; on AWS only the other services reach it` };
  }
  if (published.length > 0) {
    const nonHttp = published.filter((p) => !isHttpPort(p.target, p.protocol));
    if (nonHttp.length > 0 && nonHttp.length < published.length) {
      const list = nonHttp.map((p) => `${p.target}/${p.protocol}`).join(', ');
      return {
        role: 'web',
        reason: `it publishes HTTP port(s) ${published.filter((p) => isHttpPort(p.target, p.protocol)).map((p) => p.target).join(', ')}`,
        note: `It also publishes non-HTTP port(s) ${list}, which stay inside the VPC: a service is either behind the ALB or a TCP service.`,
      };
    }
    if (nonHttp.length > 0) {
      // Compose publishes ports for local tools as often as for clients; opening a raw TCP port
      // to the internet is a decision the user makes with `kind: tcp`, not one we infer.
      const list = nonHttp.map((p) => `${p.target}/${p.protocol}`).join(', ');
      return { role: 'internal', reason: `it publishes non-HTTP port(s) ${list}, which stay inside the VPC; set x-ecsform.kind: tcp to serve them on the internet through a Network Load Balancer` };
    }
    return { role: 'web', reason: `it publishes HTTP port(s) ${published.map((p) => p.target).join(', ')}` };
  }
  if (service.ports.length > 0 || service.expose.length > 0) return { role: 'internal', reason: 'it has ports but publishes none to the host' };
  return { role: 'worker', reason: 'it has no ports' };
}
