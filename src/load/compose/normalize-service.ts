/** One service: every attribute the contract names, normalised, plus its raw merged form. */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { ComposeService, RawNode } from '../types.js';
import type { ServiceReferences } from './consistency.js';
import type { LoadContext } from './context.js';
import type { Lookup } from './interpolate.js';
import { compareText } from './key-values.js';
import { normalizeBuild } from './normalize-build.js';
import { normalizeCommand } from './normalize-command.js';
import { normalizeDeploy } from './normalize-deploy.js';
import { readDependsOn } from './normalize-depends-on.js';
import { normalizeEnvironment } from './normalize-environment.js';
import { normalizeHealthcheck } from './normalize-healthcheck.js';
import { normalizeExpose, normalizePorts } from './normalize-ports.js';
import { normalizeLinks, normalizeServiceNetworks } from './normalize-networks.js';
import { normalizeRuntime } from './normalize-runtime.js';
import { readMountReferences, toConfigRefs, toSecretRefs } from './normalize-secrets.js';
import { normalizeVolumes } from './normalize-volumes.js';
import { childPath } from './paths.js';
import { readBoolean, readString, readStringList } from './read.js';
import { toRaw, toRawMap } from './raw.js';
import { valueOf, type SourceMap, type SourceNode } from './source-tree.js';

export interface NormalizedService {
  /** The service without `dependsOn`, which is settled by the consistency checks. */
  readonly service: Omit<ComposeService, 'dependsOn'>;
  readonly references: ServiceReferences;
}

export function normalizeService(ctx: LoadContext, name: string, at: SourcePoint, body: SourceMap, environment: Lookup): NormalizedService {
  const findings = ctx.findings;
  const path = childPath('services', name);
  const field = (key: string): SourceNode | undefined => valueOf(body, key);
  const sub = (key: string): string => childPath(path, key);
  const image = readString(field('image'), sub('image'), findings);
  const build = normalizeBuild(field('build'), sub('build'), ctx.projectDir, environment, findings);
  const command = normalizeCommand(field('command'), sub('command'), findings);
  const entrypoint = normalizeCommand(field('entrypoint'), sub('entrypoint'), findings);
  const healthcheck = normalizeHealthcheck(field('healthcheck'), sub('healthcheck'), findings);
  const deploy = normalizeDeploy(field('deploy'), sub('deploy'), findings);
  const user = readString(field('user'), sub('user'), findings);
  const workingDir = readString(field('working_dir'), sub('working_dir'), findings);
  const readOnly = readBoolean(field('read_only'), sub('read_only'), findings);
  const volumes = normalizeVolumes(field('volumes'), sub('volumes'), ctx.projectDir, findings);
  const secrets = readMountReferences(field('secrets'), sub('secrets'), findings);
  const configs = readMountReferences(field('configs'), sub('configs'), findings);
  const networks = normalizeServiceNetworks(field('networks'), sub('networks'), findings);
  const service: Omit<ComposeService, 'dependsOn'> = {
    name,
    at,
    raw: toRawMap(body, path),
    ...(image !== undefined ? { image } : {}),
    ...(build !== undefined ? { build } : {}),
    ...(command !== undefined ? { command } : {}),
    ...(entrypoint !== undefined ? { entrypoint } : {}),
    environment: normalizeEnvironment(ctx, body, path, environment),
    ports: normalizePorts(field('ports'), sub('ports'), findings),
    expose: normalizeExpose(field('expose'), sub('expose'), findings),
    volumes,
    secrets: toSecretRefs(secrets),
    ...(healthcheck !== undefined ? { healthcheck } : {}),
    ...(deploy !== undefined ? { deploy } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(workingDir !== undefined ? { workingDir } : {}),
    ...(readOnly !== undefined ? { readOnly } : {}),
    ...normalizeRuntime(body, path, findings),
    networks,
    links: normalizeLinks(field('links'), sub('links'), findings),
    configs: toConfigRefs(configs),
    profiles: serviceProfiles(body, path, ctx),
    extensions: extensionsOf(body, path),
  };
  return {
    service,
    references: {
      name,
      dependencies: readDependsOn(field('depends_on'), sub('depends_on'), findings),
      volumes,
      secrets,
      configs,
      networks,
    },
  };
}

export function serviceProfiles(body: SourceMap, path: string, ctx: LoadContext): string[] {
  return readStringList(valueOf(body, 'profiles'), childPath(path, 'profiles'), ctx.findings).map((profile) => profile.value);
}

/** `x-*` keys, sorted by name. */
export function extensionsOf(map: SourceMap, path: string): ReadonlyMap<string, RawNode> {
  const entries = map.entries.filter((entry) => entry.key.startsWith('x-')).sort((a, b) => compareText(a.key, b.key));
  return new Map(entries.map((entry) => [entry.key, toRaw(entry.value, childPath(path, entry.key))]));
}
