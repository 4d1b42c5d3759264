/**
 * The container definition of a service, as the ECS API spells it (camelCase), written as an
 * HCL object inside `jsonencode([...])` so references stay references.
 */
import type { Expr } from '../../hcl/ast.js';
import { obj, str, tmpl, tuple, type ExprLike } from '../../hcl/build.js';
import type { ContainerSpec, EnvPart } from '../../model/types.js';

export interface ContainerInputs {
  readonly image: Expr;
  /** Whether the task stops when this container stops (the main container always is). */
  readonly essential: boolean;
  readonly logGroup: Expr;
  readonly region: Expr;
  readonly secretArnOf: (secretName: string) => Expr;
  readonly envPart: (part: Exclude<EnvPart, { kind: 'text' }>) => Expr;
}

/** Ephemeral task volumes standing in for tmpfs / anonymous volumes, named by container and position. */
export function scratchVolumeName(container: ContainerSpec, index: number): string {
  return `${container.awsName}-scratch-${index}`;
}

export function containerDefinition(service: ContainerSpec, inputs: ContainerInputs): Expr {
  const hc = service.containerHealthCheck;
  const linux = service.linux;
  const capabilities = linux.capabilitiesAdd.length > 0 || linux.capabilitiesDrop.length > 0 ? obj({ add: linux.capabilitiesAdd.length > 0 ? [...linux.capabilitiesAdd] : undefined, drop: linux.capabilitiesDrop.length > 0 ? [...linux.capabilitiesDrop] : undefined }) : undefined;
  const linuxParameters = linux.initProcessEnabled !== undefined || capabilities ? obj({ initProcessEnabled: linux.initProcessEnabled, capabilities }) : undefined;
  const mountPoints = [
    ...service.mounts.map((m) => obj({ sourceVolume: str(m.volume), containerPath: str(m.containerPath), readOnly: m.readOnly }, false)),
    ...service.scratchPaths.map((path, i) => obj({ sourceVolume: str(scratchVolumeName(service, i)), containerPath: str(path), readOnly: false }, false)),
  ];
  const record: Record<string, ExprLike | undefined> = {
    name: str(service.awsName),
    image: inputs.image,
    essential: inputs.essential,
    memoryReservation: service.memoryReservationMiB,
    entryPoint: service.entrypoint ? tuple(service.entrypoint.map(str), false) : undefined,
    command: service.command ? tuple(service.command.map(str), false) : undefined,
    user: service.user !== undefined ? str(service.user) : undefined,
    workingDirectory: service.workingDirectory !== undefined ? str(service.workingDirectory) : undefined,
    portMappings:
      service.ports.length > 0
        ? tuple(service.ports.map((p) => obj({ name: str(p.name), containerPort: p.containerPort, protocol: str(p.protocol) }, false)), true)
        : undefined,
    environment: service.environment.length > 0 ? tuple(service.environment.map((e) => obj({ name: str(e.name), value: envValue(e.value, inputs) }, false)), true) : undefined,
    secrets:
      service.secretEnv.length > 0
        ? tuple(
            service.secretEnv.map((s) => obj({ name: str(s.name), valueFrom: s.jsonKey ? tmpl`${inputs.secretArnOf(s.secret)}:${s.jsonKey}::` : inputs.secretArnOf(s.secret) }, false)),
            true,
          )
        : undefined,
    readonlyRootFilesystem: service.readonlyRootFilesystem,
    mountPoints: mountPoints.length > 0 ? tuple(mountPoints, true) : undefined,
    healthCheck: hc
      ? obj({ command: tuple(hc.command.map(str), false), interval: hc.intervalSeconds, timeout: hc.timeoutSeconds, retries: hc.retries, startPeriod: hc.startPeriodSeconds })
      : undefined,
    linuxParameters,
    pseudoTerminal: linux.pseudoTerminal,
    interactive: linux.interactive,
    ulimits: service.ulimits.length > 0 ? tuple(service.ulimits.map((u) => obj({ name: str(u.name), softLimit: u.soft, hardLimit: u.hard }, false)), true) : undefined,
    dockerLabels: Object.keys(service.dockerLabels).length > 0 ? obj(Object.fromEntries(Object.entries(service.dockerLabels).map(([k, v]) => [k, str(v)])), true) : undefined,
    stopTimeout: service.stopTimeoutSeconds,
    dependsOn:
      service.containerDependsOn.length > 0
        ? tuple(service.containerDependsOn.map((d) => obj({ containerName: str(d.container), condition: str(d.condition) }, false)), true)
        : undefined,
    logConfiguration: obj({
      logDriver: str('awslogs'),
      options: obj({ 'awslogs-group': inputs.logGroup, 'awslogs-region': inputs.region, 'awslogs-stream-prefix': str(service.awsName) }),
    }),
  };
  return obj(record, true);
}

/** Text parts stay text; parts known only once the stack exists become interpolations. */
function envValue(parts: readonly EnvPart[], inputs: ContainerInputs): Expr {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (parts.length === 0) return str('');
  if (only && only.kind !== 'text') return inputs.envPart(only);
  return {
    kind: 'template',
    parts: parts.map((p) => (p.kind === 'text' ? { kind: 'string' as const, value: p.text } : { kind: 'interpolation' as const, expr: inputs.envPart(p) })),
  };
}

