/**
 * Connections to systems outside AWS found in plain environment variables: a `*_HOST`, `*_URL`,
 * `*_URI` or `*_ENDPOINT` whose value names a public host (`smtp.example.com`,
 * `https://api.stripe.com/v1`). Local, private and cluster-internal names are not external.
 */

const HOST_VARIABLE = /(_|^)(HOST|HOSTNAME|URL|URI|ENDPOINT|ADDR|ADDRESS)$/i;

export function externalHostOf(variable: string, value: string): string | undefined {
  if (!HOST_VARIABLE.test(variable)) return undefined;
  const host = hostOf(value.trim());
  if (!host?.includes('.') || isInternal(host)) return undefined;
  return host;
}

function hostOf(value: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `tcp://${value}`;
  try {
    const url = new URL(withScheme);
    return url.hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function isInternal(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/\.(internal|local|localdomain|svc|cluster\.local|lan|home\.arpa)$/.test(host)) return true;
  const octets = host.split('.').map(Number);
  if (octets.length === 4 && octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)) {
    const [a, b] = octets as [number, number, number, number];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  return false;
}
