/**
 * Fargate task sizes (ECS API `RegisterTaskDefinition`, `cpu`/`memory`): the only combinations
 * Fargate accepts. 8 and 16 vCPU need Linux platform 1.4.0, which `LATEST` is.
 */
const MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let value = from; value <= to; value += step) out.push(value);
  return out;
}

export const FARGATE_CPU_UNITS: readonly number[] = [...MEMORY_BY_CPU.keys()];

/** Valid memory values (MiB) for a CPU value, or undefined when the CPU value itself is invalid. */
export function validMemoryFor(cpuUnits: number): readonly number[] | undefined {
  return MEMORY_BY_CPU.get(cpuUnits);
}

export function isValidFargateSize(cpuUnits: number, memoryMiB: number): boolean {
  return validMemoryFor(cpuUnits)?.includes(memoryMiB) ?? false;
}

/** Human list of memory values: `1024, 2048, 3072 or 4096`, collapsing long runs to `from-to (step N)`. */
export function describeMemoryValues(values: readonly number[]): string {
  if (values.length > 5) return `${values[0]} to ${values[values.length - 1]} in steps of ${values[1]! - values[0]!}`;
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * The smallest Fargate size that gives at least the requested vCPUs and memory, for
 * Compose `deploy.resources` which may ask for any amount. Undefined when nothing is large enough.
 */
export function smallestFargateSize(minCpuUnits: number, minMemoryMiB: number): { cpuUnits: number; memoryMiB: number } | undefined {
  for (const [cpuUnits, memories] of MEMORY_BY_CPU) {
    if (cpuUnits < minCpuUnits) continue;
    const memoryMiB = memories.find((m) => m >= minMemoryMiB);
    if (memoryMiB !== undefined) return { cpuUnits, memoryMiB };
  }
  return undefined;
}
