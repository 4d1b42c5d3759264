import type { ContainerSpec, Service } from './types.js';

/** Every container of a service's task, in start order: sidecars first, the service's own last. */
export function containersOf(service: Service): readonly ContainerSpec[] {
  return [...service.sidecars, service];
}
