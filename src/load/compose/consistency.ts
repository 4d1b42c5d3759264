/**
 * Cross-references Compose itself rejects (compose-go `checkConsistency`): dependencies on
 * undefined or disabled services, dependency cycles, and named volumes, secrets, configs and
 * networks that the top level does not declare. Only enabled services are checked.
 */
import type { SourcePoint } from '../../diagnostics/finding.js';
import type { DependsOn, VolumeMount } from '../types.js';
import type { FindingCollector } from './findings.js';
import type { DependencyDeclaration } from './normalize-depends-on.js';
import type { MountReference } from './normalize-secrets.js';

export interface ServiceReferences {
  readonly name: string;
  readonly dependencies: readonly DependencyDeclaration[];
  readonly volumes: readonly VolumeMount[];
  readonly secrets: readonly MountReference[];
  readonly configs: readonly MountReference[];
  readonly networks: ReadonlyArray<{ readonly name: string; readonly at: SourcePoint; readonly path: string }>;
}

export interface DeclaredNames {
  readonly volumes: ReadonlySet<string>;
  readonly secrets: ReadonlySet<string>;
  readonly configs: ReadonlySet<string>;
  readonly networks: ReadonlySet<string>;
}

/** Checks every enabled service; returns each one's dependencies minus skipped optional ones. */
export function checkReferences(
  services: readonly ServiceReferences[],
  disabledProfiles: ReadonlyMap<string, readonly string[]>,
  declared: DeclaredNames,
  findings: FindingCollector,
): Map<string, DependsOn[]> {
  const enabled = new Set(services.map((service) => service.name));
  const kept = new Map<string, DependsOn[]>();
  for (const service of services) {
    kept.set(service.name, checkDependencies(service, enabled, disabledProfiles, findings));
    checkNamedResources(service, declared, findings);
  }
  reportCycles(kept, findings);
  return kept;
}

function checkDependencies(service: ServiceReferences, enabled: ReadonlySet<string>, disabledProfiles: ReadonlyMap<string, readonly string[]>, findings: FindingCollector): DependsOn[] {
  const kept: DependsOn[] = [];
  for (const dependency of service.dependencies) {
    const { service: target, nameAt: at, path } = dependency;
    if (enabled.has(target)) {
      kept.push({ service: target, condition: dependency.condition, at: dependency.at });
      continue;
    }
    const profiles = disabledProfiles.get(target);
    const why = profiles === undefined ? 'is not defined' : `is disabled: it only runs with profile ${profiles.map((p) => JSON.stringify(p)).join(' or ')}`;
    if (!dependency.required) {
      findings.report({ code: 'COMPOSE_DEPENDS_ON_SKIPPED', at, path, message: `Service "${service.name}" has an optional dependency on "${target}", which ${why}; the dependency is ignored.` });
    } else if (profiles === undefined) {
      findings.report({
        code: 'COMPOSE_DEPENDS_ON_UNKNOWN',
        at,
        path,
        message: `Service "${service.name}" depends on "${target}", which is not defined.`,
        hint: `Define the service "${target}", fix the name, or remove the dependency.`,
      });
    } else {
      const profile = profiles[0] ?? '';
      findings.report({
        code: 'COMPOSE_DEPENDS_ON_DISABLED',
        at,
        path,
        message: `Service "${service.name}" depends on "${target}", which ${why}.`,
        hint: `Activate the profile (--profile ${profile} or COMPOSE_PROFILES=${profile}), give "${service.name}" the same profile, or mark the dependency \`required: false\`.`,
      });
    }
  }
  return kept;
}

function checkNamedResources(service: ServiceReferences, declared: DeclaredNames, findings: FindingCollector): void {
  const undefinedReference = (code: 'COMPOSE_VOLUME_UNDEFINED' | 'COMPOSE_SECRET_UNDEFINED' | 'COMPOSE_CONFIG_UNDEFINED' | 'COMPOSE_NETWORK_UNDEFINED', kind: string, section: string, name: string, at: SourcePoint, path: string): void => {
    findings.report({
      code,
      at,
      path,
      message: `Service "${service.name}" uses the ${kind} "${name}", which the top-level \`${section}:\` section does not declare.`,
      hint: `Declare it under the top-level \`${section}:\` (\`${section}: { ${name}: {} }\`) or fix the name.`,
    });
  };
  for (const mount of service.volumes) {
    if (mount.type === 'volume' && mount.source !== undefined && !declared.volumes.has(mount.source)) {
      undefinedReference('COMPOSE_VOLUME_UNDEFINED', 'named volume', 'volumes', mount.source, mount.at, mount.path);
    }
  }
  for (const secret of service.secrets) {
    if (!declared.secrets.has(secret.source)) undefinedReference('COMPOSE_SECRET_UNDEFINED', 'secret', 'secrets', secret.source, secret.at, secret.path);
  }
  for (const config of service.configs) {
    if (!declared.configs.has(config.source)) undefinedReference('COMPOSE_CONFIG_UNDEFINED', 'config', 'configs', config.source, config.at, config.path);
  }
  for (const network of service.networks) {
    if (network.name !== 'default' && !declared.networks.has(network.name)) undefinedReference('COMPOSE_NETWORK_UNDEFINED', 'network', 'networks', network.name, network.at, network.path);
  }
}

/** Reports each dependency loop once, at the dependency that closes it. */
function reportCycles(dependencies: ReadonlyMap<string, readonly DependsOn[]>, findings: FindingCollector): void {
  const done = new Set<string>();
  const visit = (name: string, stack: string[]): void => {
    if (done.has(name)) return;
    stack.push(name);
    for (const dependency of dependencies.get(name) ?? []) {
      const loopStart = stack.indexOf(dependency.service);
      if (loopStart >= 0) {
        const loop = [...stack.slice(loopStart), dependency.service];
        findings.report({
          code: 'COMPOSE_DEPENDS_ON_CYCLE',
          at: dependency.at,
          message: `Services depend on each other in a loop: ${loop.join(' → ')}.`,
          hint: 'Remove one of the dependencies in the loop so that one service can start first.',
        });
      } else {
        visit(dependency.service, stack);
      }
    }
    stack.pop();
    done.add(name);
  };
  for (const name of [...dependencies.keys()].sort()) visit(name, []);
}
