/**
 * Compose project → AppModel. Composes the per-decision modules: settings, what each service
 * becomes, its environment, routes, the service itself, who reaches whom, and the platform around
 * them. Every problem is collected first and reported together (InputError), so one run shows them all.
 */
import { InputError } from '../diagnostics/errors.js';
import type { ComposeProject } from '../load/types.js';
import { classifyService, type ClassifiedService } from './classify.js';
import { ModelContext } from './context.js';
import { buildDatabase, type DatabaseInfo } from './databases.js';
import { referencesOf, withClients } from './dependencies.js';
import { efsVolumes } from './efs-volumes.js';
import { classifyEnvironment, type ExternalSystem } from './environment.js';
import { externalSystem } from './externals.js';
import { walkTopLevelKeys } from './key-walk.js';
import { platformModel } from './platform.js';
import { repositories } from './repositories.js';
import { assignRoutes } from './routing.js';
import type { ComposeRole } from './service-kind.js';
import { buildService } from './service/build-service.js';
import { readSettings } from './settings.js';
import { staticSite } from './static-sites.js';
import { suppressions } from './suppressions.js';
import type { AppModel, StaticSite } from './types.js';

export interface BuildOptions {
  /** `--layout`, overriding x-ecsform.layout. */
  readonly layout?: 'root' | 'module';
  /** Compose file names as generated headers should show them (relative to the project). */
  readonly sourceNames?: readonly string[];
}

const ECS_ROLES: readonly ComposeRole[] = ['web', 'internal', 'tcp', 'worker'];

export function buildModel(project: ComposeProject, options: BuildOptions = {}): AppModel {
  const ctx = new ModelContext();
  const settings = readSettings(project, ctx);
  walkTopLevelKeys(project.topLevelKeys, ctx);

  const classified = project.services.map((compose) => classifyService(compose, ctx));
  const withRole = (role: ComposeRole) => classified.filter((c) => c.role === role);
  const databaseInfo = new Map<string, DatabaseInfo>(withRole('database').map((c) => [c.compose.name, buildDatabase(c.compose, c.ext, ctx)]));
  const externals = new Map<string, ExternalSystem>(withRole('external').map((c) => [c.compose.name, externalSystem(c, ctx)]));
  const staticSites = withRole('static-site').map((c) => staticSite(c, ctx)).filter((s): s is StaticSite => s !== undefined);
  const ecs = classified.filter((c) => ECS_ROLES.includes(c.role));
  if (ecs.length === 0 && staticSites.length === 0 && databaseInfo.size === 0 && settings.ext.mode === 'services') {
    ctx.error('EMPTY_PROJECT', 'No service is left to deploy after profiles and x-ecsform kinds.', { at: settings.firstFileAt, path: 'services' }, 'Check --profile and the x-ecsform.kind of your services.');
  }

  const env = classifyEnvironment(
    {
      project,
      services: new Map(ecs.map((c) => [c.compose.name, { compose: c.compose, ext: c.ext }])),
      databases: databaseInfo,
      externals,
      staticSites: new Set(staticSites.map((s) => s.name)),
      discoveryMode: settings.ext.service_discovery.mode,
      existingSecrets: settings.ext.secrets.existing,
    },
    ctx,
  );
  const routes = assignRoutes(webServices(ecs), ctx);
  const references = new Map<string, Set<string>>();
  const services = ecs
    .map((c) => {
      const serviceEnv = env.byService.get(c.compose.name)!;
      references.set(c.compose.name, referencesOf(c, ecs, serviceEnv, ctx));
      return buildService(c, { settings: settings.ext, routes: routes.get(c.compose.name) ?? [], env: serviceEnv }, ctx);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const databases = withClients([...databaseInfo.values()].map((d) => d.database), ecs, env.byService).sort((a, b) => a.name.localeCompare(b.name));

  const model: AppModel = {
    ...platformModel({ settings, project, services, references, databases, volumes: efsVolumes(services, project, ctx), ...(options.layout ? { layout: options.layout } : {}), sourceNames: options.sourceNames ?? project.files }, ctx),
    repositories: repositories(classified, services, settings.ext),
    secrets: settings.ext.mode === 'platform' ? [] : env.secrets,
    staticSites,
    suppressions: suppressions(settings, classified),
    decisions: ctx.decisions,
    warnings: ctx.warnings,
  };
  if (ctx.errors.length > 0) throw new InputError(ctx.errors);
  return model;
}

function webServices(ecs: readonly ClassifiedService[]) {
  return ecs.filter((c) => c.role === 'web').map((c) => ({ name: c.compose.name, compose: c.compose, ext: c.ext, extOrigin: c.extOrigin }));
}
