/**
 * The size of the task an `aws_ecs_service` runs, read from the `aws_ecs_task_definition` it
 * points at: task-level `cpu` and `memory` (units or "1 vCPU"/"2 GB" forms), `runtime_platform`
 * and `ephemeral_storage`.
 */
import { findAttribute, type InstanceContext, isUnknown, nestedBody, readNumber, readString, referencedResource, Unknown } from '../../../terraform/index.js';

export interface TaskSize {
  readonly address: string;
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly architecture: 'X86_64' | 'ARM64';
  /** Storage beyond the 20 GB every task gets. */
  readonly extraEphemeralGb: number;
}

export function taskSizeOf(service: InstanceContext): TaskSize | Unknown {
  const attribute = findAttribute(service.resource.decl.block.body, 'task_definition');
  if (!attribute) return new Unknown('task_definition is not set');
  const reference = referencedResource(service, attribute.expr);
  if (reference?.resource.decl.type !== 'aws_ecs_task_definition' || reference.resource.decl.mode !== 'managed') {
    return new Unknown('task_definition does not refer to an aws_ecs_task_definition of this configuration, so the task size is unknown');
  }
  if (isUnknown(reference.instance)) return reference.instance;
  const task: InstanceContext = { stack: service.stack, resource: reference.resource, instance: reference.instance };
  const address = reference.instance.address;

  const cpu = readString(task, 'cpu');
  const memory = readString(task, 'memory');
  if (cpu === undefined || memory === undefined) return new Unknown(`${address} sets no task-level ${cpu === undefined ? 'cpu' : 'memory'}, which Fargate requires`);
  if (isUnknown(cpu)) return new Unknown(`${address} ${cpu.why}`);
  if (isUnknown(memory)) return new Unknown(`${address} ${memory.why}`);
  const vcpu = parseVcpu(cpu);
  const memoryGb = parseMemoryGb(memory);
  if (vcpu === undefined) return new Unknown(`${address} cpu "${cpu}" is not CPU units or "N vCPU"`);
  if (memoryGb === undefined) return new Unknown(`${address} memory "${memory}" is not MiB or "N GB"`);

  const platform = nestedBody(task, 'runtime_platform');
  if (platform !== undefined && isUnknown(platform)) return platform;
  const os = platform ? readString(task, 'operating_system_family', platform) : undefined;
  const arch = platform ? readString(task, 'cpu_architecture', platform) : undefined;
  if (os !== undefined && isUnknown(os)) return new Unknown(`${address} runtime_platform ${os.why}`);
  if (arch !== undefined && isUnknown(arch)) return new Unknown(`${address} runtime_platform ${arch.why}`);
  if (os !== undefined && os.toUpperCase() !== 'LINUX') return new Unknown(`${address} runs ${os}; the price file has Linux Fargate prices only`);
  const architecture = (arch ?? 'X86_64').toUpperCase();
  if (architecture !== 'X86_64' && architecture !== 'ARM64') return new Unknown(`${address} cpu_architecture "${arch ?? ''}" is not X86_64 or ARM64`);

  const storage = nestedBody(task, 'ephemeral_storage');
  if (storage !== undefined && isUnknown(storage)) return storage;
  const size = storage ? readNumber(task, 'size_in_gib', storage) : undefined;
  if (size !== undefined && isUnknown(size)) return new Unknown(`${address} ephemeral_storage ${size.why}`);
  return { address, vcpu, memoryGb, architecture, extraEphemeralGb: Math.max(0, (size ?? 20) - 20) };
}

/** `256` (CPU units), `"1 vCPU"` or `"0.25 vcpu"` → vCPUs. */
export function parseVcpu(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] ? amount : amount / 1024;
}

/** `512` (MiB), `"1 GB"` or `"2gb"` → GB (Fargate bills memory per GB, 1 GB = 1024 MiB). */
export function parseMemoryGb(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] ? amount : amount / 1024;
}
