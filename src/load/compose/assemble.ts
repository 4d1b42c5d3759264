/**
 * Turns the merged Compose document into the `ComposeProject`: project name, profile selection,
 * normalised services and top-level resources, cross-reference checks. Everything sorted by name.
 */
import type { ComposeProject, RawNode } from '../types.js';
import { checkReferences } from './consistency.js';
import type { LoadContext } from './context.js';
import type { Lookup } from './interpolate.js';
import { compareText } from './key-values.js';
import { normalizeConfigsSection, normalizeNetworksSection, normalizeSecretsSection, normalizeVolumesSection } from './normalize-resources.js';
import { extensionsOf, normalizeService, serviceProfiles, type NormalizedService } from './normalize-service.js';
import { childPath } from './paths.js';
import { activeProfiles, isEnabled } from './profiles.js';
import { resolveProjectName } from './project-name.js';
import { toRaw } from './raw.js';
import { readMap } from './read.js';
import { emptyMap, valueOf, type SourceMap } from './source-tree.js';
import { enforceServiceUnicity } from './unicity.js';

export function assembleProject(ctx: LoadContext, root: SourceMap, environment: Lookup): ComposeProject {
  const findings = ctx.findings;
  const name = resolveProjectName(ctx.input, environment, valueOf(root, 'name'), ctx.projectDir, findings);
  const active = activeProfiles(ctx.input, environment);
  const normalized: NormalizedService[] = [];
  const disabled = new Map<string, readonly string[]>();
  const services = readMap(valueOf(root, 'services'), 'services', findings);
  for (const entry of [...(services?.entries ?? [])].sort((a, b) => compareText(a.key, b.key))) {
    const path = childPath('services', entry.key);
    const declared = entry.value.kind === 'scalar' && entry.value.value === null ? emptyMap(entry.keyAt, entry.value.baseDir) : readMap(entry.value, path, findings);
    if (!declared) continue;
    const body = enforceServiceUnicity(declared);
    const profiles = serviceProfiles(body, path, ctx);
    if (isEnabled(profiles, active)) normalized.push(normalizeService(ctx, entry.key, entry.keyAt, body, environment));
    else disabled.set(entry.key, profiles);
  }
  const volumes = normalizeVolumesSection(valueOf(root, 'volumes'), findings);
  const networks = normalizeNetworksSection(valueOf(root, 'networks'), findings);
  const secrets = normalizeSecretsSection(valueOf(root, 'secrets'), ctx.projectDir, findings);
  const configs = normalizeConfigsSection(valueOf(root, 'configs'), ctx.projectDir, findings);
  const configNames = new Set((readMap(valueOf(root, 'configs'), 'configs', findings)?.entries ?? []).map((e) => e.key));
  const dependencies = checkReferences(
    normalized.map((n) => n.references),
    disabled,
    {
      volumes: new Set(volumes.map((v) => v.name)),
      networks: new Set(networks.map((n) => n.name)),
      secrets: new Set((readMap(valueOf(root, 'secrets'), 'secrets', findings)?.entries ?? []).map((e) => e.key)),
      configs: configNames,
    },
    findings,
  );
  return {
    name,
    files: [...ctx.composeFiles],
    projectDir: ctx.projectDir,
    services: normalized.map((n) => ({ ...n.service, dependsOn: dependencies.get(n.service.name) ?? [] })),
    volumes,
    secrets,
    configs,
    networks,
    extensions: extensionsOf(root, ''),
    topLevelKeys: topLevelKeys(root),
  };
}

/** Every top-level key other than `x-*`, raw, sorted: the key table decides what each means. */
function topLevelKeys(root: SourceMap): ReadonlyMap<string, RawNode> {
  const entries = root.entries.filter((entry) => !entry.key.startsWith('x-')).sort((a, b) => compareText(a.key, b.key));
  return new Map(entries.map((entry) => [entry.key, toRaw(entry.value, childPath('', entry.key))]));
}
