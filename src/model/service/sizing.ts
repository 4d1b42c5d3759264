/**
 * The Fargate task size of a service: exact from x-ecsform (validated against the Fargate
 * table), rounded up from Compose `deploy.resources` / `cpus` / `mem_limit`, or the smallest.
 */
import type { ComposeService } from '../../load/types.js';
import type { ServiceExtension } from '../../load/x-ecsform/schema.js';
import type { ModelContext } from '../context.js';
import { describeMemoryValues, FARGATE_CPU_UNITS, smallestFargateSize, validMemoryFor } from '../../aws/fargate.js';
import type { Origin } from '../types.js';

export function taskSize(service: ComposeService, ext: ServiceExtension, extOrigin: Origin, ctx: ModelContext): { cpuUnits: number; memoryMiB: number } {
  if (ext.cpu !== undefined || ext.memory !== undefined) return explicitSize(ext, extOrigin, ctx, service.name);

  const requested = requestedResources(service);
  if (requested) {
    const size = smallestFargateSize(requested.cpuUnits, requested.memoryMiB);
    if (!size) {
      ctx.error('TASK_SIZE_INVALID', `Service ${service.name} asks for ${requested.cpuUnits} CPU units and ${requested.memoryMiB} MiB, more than the largest Fargate task (16 vCPU, 120 GiB).`, requested.origin, 'Lower deploy.resources.limits, or run the service on ECS with EC2 capacity.');
      return { cpuUnits: 256, memoryMiB: 512 };
    }
    const exact = size.cpuUnits === requested.cpuUnits && size.memoryMiB === requested.memoryMiB;
    ctx.decide(exact ? 'mapped' : 'approximated', requested.origin, `Task size ${size.cpuUnits} CPU units / ${size.memoryMiB} MiB${exact ? '' : `, the smallest Fargate size with at least ${requested.cpuUnits} CPU units and ${requested.memoryMiB} MiB`}.`, service.name);
    if (!exact) ctx.note('TASK_SIZE_ROUNDED', `Service ${service.name}: ${requested.cpuUnits} CPU units / ${requested.memoryMiB} MiB rounded up to the Fargate size ${size.cpuUnits}/${size.memoryMiB}.`, requested.origin, 'Set x-ecsform.cpu and x-ecsform.memory to choose the size yourself.');
    return size;
  }
  ctx.decide('inferred', { at: service.at, path: `services.${service.name}` }, 'Task size 256 CPU units / 512 MiB, the smallest Fargate size (no deploy.resources and no x-ecsform.cpu).', service.name);
  return { cpuUnits: 256, memoryMiB: 512 };
}

function explicitSize(ext: ServiceExtension, origin: Origin, ctx: ModelContext, name: string): { cpuUnits: number; memoryMiB: number } {
  const cpuUnits = ext.cpu ?? 256;
  const memories = validMemoryFor(cpuUnits);
  if (!memories) {
    ctx.error('TASK_SIZE_INVALID', `Service ${name}: x-ecsform.cpu ${cpuUnits} is not a Fargate CPU value.`, origin, `Use one of ${FARGATE_CPU_UNITS.join(', ')}.`);
    return { cpuUnits: 256, memoryMiB: 512 };
  }
  const memoryMiB = ext.memory ?? memories[0]!;
  if (!memories.includes(memoryMiB)) {
    ctx.error('TASK_SIZE_INVALID', `Service ${name}: Fargate does not offer ${memoryMiB} MiB with ${cpuUnits} CPU units.`, origin, `With cpu ${cpuUnits}, memory must be ${describeMemoryValues(memories)} MiB.`);
    return { cpuUnits, memoryMiB: memories[0]! };
  }
  ctx.decide('mapped', origin, `Task size ${cpuUnits} CPU units / ${memoryMiB} MiB from x-ecsform.`, name);
  return { cpuUnits, memoryMiB };
}

/** CPU units and MiB asked for by deploy.resources.limits (or reservations), or legacy cpus/mem_limit. */
function requestedResources(service: ComposeService): { cpuUnits: number; memoryMiB: number; origin: Origin } | undefined {
  const deploy = service.deploy;
  const cpus = deploy?.limitCpus ?? deploy?.reservationCpus ?? positive(service.cpus);
  const memory = deploy?.limitMemoryMiB ?? deploy?.reservationMemoryMiB ?? positive(service.memLimitMiB);
  if (cpus === undefined && memory === undefined) return undefined;
  const first = (cpus ?? memory)!;
  return { cpuUnits: Math.ceil((cpus?.value ?? 0.25) * 1024), memoryMiB: Math.ceil(memory?.value ?? 512), origin: { at: first.at, path: first.path } };
}

/** Legacy `cpus: 0` and `mem_limit: 0` mean "no limit". */
function positive<T extends { readonly value: number }>(value: T | undefined): T | undefined {
  return value !== undefined && value.value > 0 ? value : undefined;
}
