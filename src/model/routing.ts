/**
 * ALB routing for web services: which paths and hosts reach which service, in which rule order,
 * and how the load balancer checks health. Two services claiming the same route is an error
 * naming both lines.
 */
import type { ComposeService } from '../load/types.js';
import type { ServiceExtension } from '../load/x-ecsform/schema.js';
import type { ModelContext } from './context.js';
import type { LoadBalancerHealthCheck, Origin, Route } from './types.js';

export interface WebService {
  readonly name: string;
  readonly compose: ComposeService;
  readonly ext: ServiceExtension;
  readonly extOrigin: Origin;
}

/**
 * Routes for every web service. One web service without routes gets the listener's default
 * action (`/`); with several, each without routes is given `/<service>` and a warning, because
 * the ALB forwards the path unchanged.
 */
export function assignRoutes(web: readonly WebService[], ctx: ModelContext): Map<string, Route[]> {
  const wanted: { service: string; pathPrefix?: string; host?: string; priority?: number; origin: Origin }[] = [];
  const frontDoor = frontDoorOf(web);
  for (const s of web) {
    if (s.ext.routes) {
      s.ext.routes.forEach((r, i) => {
        const origin: Origin = { at: s.extOrigin.at, path: `${s.extOrigin.path}.routes[${i}]` };
        if (!r.path && !r.host) ctx.error('SETTING_CONFLICT', `Service ${s.name}: a route needs a path, a host or both.`, origin, 'Add `path: /prefix` or `host: name.example.com`.');
        wanted.push({ service: s.name, ...(r.path ? { pathPrefix: normalisePath(r.path) } : {}), ...(r.host ? { host: r.host.toLowerCase() } : {}), ...(r.priority ? { priority: r.priority } : {}), origin });
      });
    } else if (web.length === 1) {
      wanted.push({ service: s.name, pathPrefix: '/', origin: s.extOrigin });
      ctx.decide('inferred', s.extOrigin, 'The only web service: it receives every request (the listener forwards to it by default).', s.name);
    } else if (s.name === frontDoor) {
      wanted.push({ service: s.name, pathPrefix: '/', origin: s.extOrigin });
      ctx.decide('inferred', s.extOrigin, 'It publishes port 80 like a front door (a reverse proxy, say): it receives every request no other route claims.', s.name);
    } else {
      wanted.push({ service: s.name, pathPrefix: `/${s.name}`, origin: s.extOrigin });
      ctx.warn('COMPOSE_APPROXIMATED', `Service ${s.name} has no x-ecsform.routes; it is routed at /${s.name}, and the ALB forwards that prefix unchanged.`, s.extOrigin, 'Set x-ecsform.routes to the paths or hosts the service serves.');
    }
  }

  const seen = new Map<string, (typeof wanted)[number]>();
  for (const w of wanted) {
    const key = `${w.host ?? '*'}|${w.pathPrefix ?? '/'}`;
    const other = seen.get(key);
    if (other && other.service !== w.service) {
      ctx.error(
        'ROUTE_CONFLICT',
        `Services ${other.service} and ${w.service} both claim ${describeRoute(w)} (${other.origin.at.file}:${other.origin.at.line} and ${w.origin.at.file}:${w.origin.at.line}).`,
        w.origin,
        'Give each service a distinct path prefix or host.',
      );
    }
    seen.set(key, w);
  }

  // More specific rules first: host and path, then host, then longer paths. Explicit priorities win.
  const ordered = [...wanted].sort((a, b) => specificity(b) - specificity(a) || (a.pathPrefix ?? '').localeCompare(b.pathPrefix ?? '') || a.service.localeCompare(b.service));
  const taken = new Set(wanted.flatMap((w) => (w.priority ? [w.priority] : [])));
  let next = 10;
  const routes = new Map<string, Route[]>();
  for (const w of ordered) {
    let priority = w.priority;
    if (priority === undefined) {
      while (taken.has(next)) next += 10;
      priority = next;
      next += 10;
    }
    routes.set(w.service, [...(routes.get(w.service) ?? []), { ...(w.pathPrefix ? { pathPrefix: w.pathPrefix } : {}), ...(w.host ? { host: w.host } : {}), priority, origin: w.origin }]);
  }
  return routes;
}

/**
 * The one web service without routes that publishes host port 80 or 443, if exactly one does:
 * in Compose that is how the entry point of the application (often a reverse proxy) is exposed.
 */
function frontDoorOf(web: readonly WebService[]): string | undefined {
  const candidates = web.filter((s) => !s.ext.routes && s.compose.ports.some((p) => p.published === 80 || p.published === 443));
  return candidates.length === 1 ? candidates[0]!.name : undefined;
}

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/\*$/, '').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function specificity(route: { pathPrefix?: string; host?: string }): number {
  const path = route.pathPrefix && route.pathPrefix !== '/' ? 1000 + route.pathPrefix.length : 0;
  return (route.host ? 100000 : 0) + path;
}

function describeRoute(route: { pathPrefix?: string; host?: string }): string {
  return [route.host ? `host ${route.host}` : '', route.pathPrefix ? `path ${route.pathPrefix}` : ''].filter(Boolean).join(' and ');
}

/**
 * The ALB health check: from x-ecsform, else the path of an HTTP probe in the Compose
 * healthcheck (`curl -f http://localhost:8080/healthz`), else `/`.
 */
export function loadBalancerHealthCheck(service: ComposeService, ext: ServiceExtension, origin: Origin, ctx: ModelContext): LoadBalancerHealthCheck {
  const hc = ext.health_check;
  const base = { matcher: '200-399', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3, gracePeriodSeconds: 60 };
  if (hc) {
    return { path: hc.path, matcher: hc.matcher, intervalSeconds: hc.interval_seconds, timeoutSeconds: hc.timeout_seconds, healthyThreshold: hc.healthy_threshold, unhealthyThreshold: hc.unhealthy_threshold, gracePeriodSeconds: hc.grace_period_seconds };
  }
  const probe = service.healthcheck?.test?.join(' ').match(/https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d+)?(\/[^\s'"|;&]*)/);
  if (probe?.[1]) {
    ctx.decide('inferred', origin, `ALB health check path ${probe[1]}, taken from the Compose healthcheck.`, service.name);
    return { ...base, path: probe[1] };
  }
  ctx.decide('inferred', origin, 'ALB health check path / (set x-ecsform.health_check.path to change it).', service.name);
  return { ...base, path: '/' };
}
