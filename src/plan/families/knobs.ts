/**
 * The settings of a service that a reader may want to turn: literal values in a root module (you
 * own the code, edit it), variables in a reusable module (callers set them). Features become
 * `enable_*` switches in a module, and are simply present or absent in a root module.
 */
import type { Expr } from '../../hcl/ast.js';
import { binary, call, cond, num, ref, toExpr } from '../../hcl/build.js';
import { describeMemoryValues, FARGATE_CPU_UNITS, validMemoryFor } from '../../aws/fargate.js';
import type { Service } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';

/** A feature that is either decided now, or switched by a variable. */
export type Switch = { readonly kind: 'static'; readonly on: boolean } | { readonly kind: 'variable'; readonly ref: Expr };

export interface ServiceKnobs {
  readonly cpu: Expr;
  readonly memory: Expr;
  readonly desiredCount: Expr;
  readonly spot: Switch;
  readonly exec: Switch;
  readonly autoscaling: Switch;
  readonly alarms: Switch;
  readonly minCapacity: Expr;
  readonly maxCapacity: Expr;
  /** The fewest tasks that should run: the autoscaling minimum when it scales, else the desired count. */
  readonly runningFloor: Expr;
  readonly cpuTarget?: Expr;
  readonly memoryTarget?: Expr;
  readonly requestsTarget?: Expr;
}

export function isOn(s: Switch): boolean {
  return s.kind === 'variable' || s.on;
}

export function serviceKnobs(ctx: PlanContext, service: Service): ServiceKnobs {
  if (!ctx.isModule) {
    const a = service.autoscaling;
    return {
      cpu: num(service.cpuUnits),
      memory: num(service.memoryMiB),
      desiredCount: num(service.desiredCount),
      spot: { kind: 'static', on: service.spot },
      exec: { kind: 'static', on: service.exec },
      autoscaling: { kind: 'static', on: a !== undefined },
      alarms: { kind: 'static', on: service.alarms },
      minCapacity: num(a?.min ?? service.desiredCount),
      maxCapacity: num(a?.max ?? service.desiredCount),
      runningFloor: num(a?.min ?? service.desiredCount),
      ...(a?.cpuTarget !== undefined ? { cpuTarget: num(a.cpuTarget) } : {}),
      ...(a?.memoryTarget !== undefined ? { memoryTarget: num(a.memoryTarget) } : {}),
      ...(a?.requestsPerTarget !== undefined ? { requestsTarget: num(a.requestsPerTarget) } : {}),
    };
  }
  const prefix = ctx.model.services.length === 1 ? '' : `${service.id}_`;
  const v = (name: string) => `${prefix}${name}`;
  const a = service.autoscaling;
  const cpuName = v('task_cpu');
  const memoryName = v('task_memory');
  const cpu = ctx.variable(cpuName, {
    description: `CPU units of the ${service.name} task (${FARGATE_CPU_UNITS.join(', ')}).`,
    type: types.number,
    default: service.cpuUnits,
    validations: [{ condition: call('contains', [...FARGATE_CPU_UNITS], ref(`var.${cpuName}`)), message: `${cpuName} must be one of ${FARGATE_CPU_UNITS.join(', ')}.` }],
  });
  const memory = ctx.variable(memoryName, {
    description: `Memory (MiB) of the ${service.name} task; must be valid for the CPU (e.g. 256: ${describeMemoryValues(validMemoryFor(256)!)}).`,
    type: types.number,
    default: service.memoryMiB,
    // The pair with the CPU is checked by a precondition on the task definition: a variable's
    // validation may only refer to other variables from Terraform 1.9 on.
    validations: [{ condition: binary('==', binary('%', ref(`var.${memoryName}`), 512), 0), message: `${memoryName} must be a multiple of 512 MiB.` }],
  });
  const bool = (name: string, description: string, value: boolean): Switch => ({ kind: 'variable', ref: ctx.variable(v(name), { description, type: types.bool, default: value }) });
  const number = (name: string, description: string, value: number, min: number, max?: number): Expr =>
    ctx.variable(v(name), {
      description,
      type: types.number,
      default: value,
      validations: [{ condition: max === undefined ? binary('>=', ref(`var.${v(name)}`), min) : binary('&&', binary('>=', ref(`var.${v(name)}`), min), binary('<=', ref(`var.${v(name)}`), max)), message: `${v(name)} must be ${max === undefined ? `at least ${min}` : `between ${min} and ${max}`}.` }],
    });
  const autoscaling = bool('enable_autoscaling', `Scale ${service.name} on its targets between the min and max capacity.`, a !== undefined);
  const desiredCount = number('desired_count', `Number of ${service.name} tasks to run (autoscaling adjusts it when enabled).`, service.desiredCount, 0);
  const minCapacity = number('autoscaling_min_capacity', `Minimum number of ${service.name} tasks when autoscaling.`, a?.min ?? service.desiredCount, 0);
  return {
    cpu,
    memory,
    desiredCount,
    spot: bool('use_fargate_spot', `Run ${service.name} on FARGATE_SPOT (interruptible, up to 70% cheaper).`, service.spot),
    exec: bool('enable_execute_command', `Allow ECS Exec into ${service.name} containers (sessions are logged).`, service.exec),
    autoscaling,
    alarms: bool('enable_alarms', `CloudWatch alarms for ${service.name}.`, service.alarms),
    minCapacity,
    runningFloor: autoscaling.kind === 'variable' ? cond(autoscaling.ref, minCapacity, desiredCount) : autoscaling.on ? minCapacity : desiredCount,
    maxCapacity: number('autoscaling_max_capacity', `Maximum number of ${service.name} tasks when autoscaling.`, a?.max ?? Math.max(service.desiredCount, 1) * 4, 1),
    cpuTarget: number('autoscaling_cpu_target', `Target average CPU utilisation (%) of ${service.name}.`, a?.cpuTarget ?? 70, 1, 100),
    memoryTarget: number('autoscaling_memory_target', `Target average memory utilisation (%) of ${service.name}.`, a?.memoryTarget ?? 80, 1, 100),
    ...(a?.requestsPerTarget !== undefined ? { requestsTarget: number('autoscaling_requests_per_target', `Target ALB requests per ${service.name} task per minute.`, a.requestsPerTarget, 1) } : {}),
  };
}

/** `contains(lookup({ "256" = [512, ...], ... }, tostring(cpu), []), memory)` over the Fargate table. */
export function fargatePairCondition(cpu: Expr, memory: Expr): Expr {
  const table: Record<string, Expr> = {};
  for (const units of FARGATE_CPU_UNITS) table[String(units)] = toExpr([...validMemoryFor(units)!]);
  return call('contains', call('lookup', toExpr(table), call('tostring', cpu), toExpr([])), memory);
}

/** The precondition message, written from the same table as the condition. */
export const FARGATE_PAIR_MESSAGE = `Fargate does not offer this cpu/memory pair: ${FARGATE_CPU_UNITS.map((units) => `${units} takes ${describeMemoryValues(validMemoryFor(units)!)}`).join('; ')}.`;

/** `count = var.enable_x ? 1 : 0` for a switched resource; nothing for a static one. */
export function countFor(s: Switch): Expr | undefined {
  return s.kind === 'variable' ? ({ kind: 'conditional', cond: s.ref, then: num(1), else: num(0) } as Expr) : undefined;
}

/** Reference to a resource that may carry `count`. */
export function counted(address: string, s: Switch, attribute: string): Expr {
  return s.kind === 'variable' ? ref(`${address}[0].${attribute}`) : ref(`${address}.${attribute}`);
}

