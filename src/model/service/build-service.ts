/**
 * One ECS service from a classified Compose service: composes the per-decision modules (ports,
 * architecture, exposure, sizing, scaling, container settings, mounts) into the model's `Service`.
 */
import type { ProjectExtension } from '../../load/x-ecsform/schema.js';
import type { ClassifiedService } from '../classify.js';
import type { ModelContext } from '../context.js';
import type { ServiceEnvironment } from '../environment.js';
import { awsName, terraformId } from '../names.js';
import type { Origin, Route, Service, ServiceKind } from '../types.js';
import { containerHealthCheck, dockerLabels, linuxParameters, memoryReservation, platformArchitecture, stopTimeout, ulimits } from './container.js';
import { defaultSecurityGroup, exposureOf } from './exposure.js';
import { volumeMounts } from './mounts.js';
import { containerPorts, mainPort } from './ports.js';
import { autoscaling, desiredCount } from './scaling.js';
import { taskSize } from './sizing.js';
import { loadBalancerHealthCheck } from '../routing.js';

export interface ServiceInputs {
  readonly settings: ProjectExtension;
  readonly routes: readonly Route[];
  readonly env: ServiceEnvironment;
}

export function buildService(service: ClassifiedService, inputs: ServiceInputs, ctx: ModelContext): Service {
  const { compose, ext, extOrigin } = service;
  const kind = service.role as ServiceKind;
  const name = compose.name;
  const aws = awsName(name);
  const origin: Origin = { at: compose.at, path: `services.${name}` };
  if (!compose.image && !compose.build) ctx.error('NO_IMAGE', `Service ${name} has neither image nor build.`, origin, 'Add `image:` (a public or private image) or `build:` (built in CI and pushed to ECR).');
  const ports = containerPorts(service, aws, ctx);
  const port = mainPort(service, ports, ctx);
  const architecture = architectureOf(service, inputs.settings, ctx);
  const spot = ext.spot ?? inputs.settings.spot;
  if (spot && architecture === 'arm64') ctx.decide('mapped', extOrigin, 'FARGATE_SPOT with ARM64 (supported on Linux platform 1.4.0).', name);
  const exposure = exposureOf(service, ports, ctx);
  const scaling = autoscaling(service, ctx);
  const size = taskSize(compose, ext, extOrigin, ctx);
  const reservation = memoryReservation(compose, size.memoryMiB, ctx);
  const { mounts, scratchPaths } = volumeMounts(compose, ctx);
  const healthCheck = containerHealthCheck(compose, ctx);
  const stop = stopTimeout(compose, ctx);
  return {
    name,
    id: terraformId(name),
    awsName: aws,
    origin,
    kind,
    image: compose.build ? { kind: 'repository', repository: terraformId(ext.image?.name ?? name) } : { kind: 'public', reference: compose.image?.value ?? '' },
    cpuUnits: size.cpuUnits,
    memoryMiB: size.memoryMiB,
    ...(reservation !== undefined ? { memoryReservationMiB: reservation } : {}),
    desiredCount: desiredCount(service, scaling),
    architecture,
    spot,
    exec: ext.exec ?? inputs.settings.exec,
    ports,
    ...(port !== undefined ? { mainPort: port } : {}),
    routes: inputs.routes,
    ...(kind === 'web' ? { loadBalancerHealthCheck: loadBalancerHealthCheck(compose, ext, extOrigin, ctx) } : {}),
    ...(healthCheck ? { containerHealthCheck: healthCheck } : {}),
    environment: inputs.env.environment,
    secretEnv: inputs.env.secretEnv,
    ...(compose.command ? { command: compose.command.value } : {}),
    ...(compose.entrypoint ? { entrypoint: compose.entrypoint.value } : {}),
    ...(compose.user ? { user: compose.user.value } : {}),
    ...(compose.workingDir ? { workingDirectory: compose.workingDir.value } : {}),
    readonlyRootFilesystem: compose.readOnly?.value ?? false,
    dockerLabels: dockerLabels(compose),
    linux: linuxParameters(compose),
    ulimits: ulimits(compose),
    scratchPaths,
    mounts,
    containerDependsOn: [],
    sidecars: [],
    taskVolumes: [],
    securityGroup: ext.security_group ?? defaultSecurityGroup(kind, name),
    exposure,
    subnets: exposure === 'public-ip' ? 'public' : 'private',
    ...(ext.discovery_name ? { discoveryName: ext.discovery_name } : {}),
    ...(scaling ? { autoscaling: scaling } : {}),
    alarms: ext.alarms ?? inputs.settings.alarms.enabled,
    ...(stop !== undefined ? { stopTimeoutSeconds: stop } : {}),
    dependsOn: compose.dependsOn.map((d) => ({ service: d.service, condition: d.condition === 'service_healthy' ? 'HEALTHY' : d.condition === 'service_completed_successfully' ? 'COMPLETE' : 'START' })),
  };
}

/** `x-ecsform.architecture`, else the Compose platform, else the project default; an x86-only image on ARM64 is an error. */
function architectureOf(service: ClassifiedService, settings: ProjectExtension, ctx: ModelContext): Service['architecture'] {
  const { compose, ext, extOrigin } = service;
  const architecture = ext.architecture ?? platformArchitecture(compose) ?? settings.architecture;
  const image = compose.image;
  if (architecture === 'arm64' && image && !compose.build && /(^|[^a-z0-9])(amd64|x86_64|x86-64|x64)([^a-z0-9]|$)/i.test(image.value)) {
    ctx.error(
      'SETTING_CONFLICT',
      `Service ${compose.name} runs on ARM64, but its image ${image.value} is built for x86 (${image.at.file}:${image.at.line}).`,
      ext.architecture ? extOrigin : { at: image.at, path: image.path },
      'Use an ARM64 or multi-architecture image, or set x-ecsform.architecture: x86_64 for this service.',
    );
  }
  return architecture;
}
