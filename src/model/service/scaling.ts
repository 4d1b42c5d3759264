/** How many tasks a service runs: fixed (`x-ecsform.desired_count`, `deploy.replicas`, `scale`) or autoscaled. */
import type { ModelContext } from '../context.js';
import type { ClassifiedService } from '../classify.js';
import type { Autoscaling } from '../types.js';

export function autoscaling(service: ClassifiedService, ctx: ModelContext): Autoscaling | undefined {
  const { compose, ext, extOrigin, role } = service;
  const settings = ext.autoscaling;
  if (!settings) return undefined;
  const name = compose.name;
  if (settings.min > settings.max) ctx.error('SETTING_CONFLICT', `Service ${name}: autoscaling.min ${settings.min} is greater than autoscaling.max ${settings.max}.`, extOrigin, 'Make min ≤ max.');
  if (settings.cpu_target === undefined && settings.memory_target === undefined && settings.requests_per_target === undefined) {
    ctx.error('SETTING_CONFLICT', `Service ${name}: autoscaling needs at least one of cpu_target, memory_target or requests_per_target.`, extOrigin, 'Add cpu_target: 70, for example.');
  }
  if (settings.requests_per_target !== undefined && role !== 'web') ctx.error('SETTING_CONFLICT', `Service ${name}: requests_per_target needs the ALB, but the service is kind ${role}.`, extOrigin, 'Use cpu_target or memory_target.');
  return {
    min: settings.min,
    max: settings.max,
    ...(settings.cpu_target !== undefined ? { cpuTarget: settings.cpu_target } : {}),
    ...(settings.memory_target !== undefined ? { memoryTarget: settings.memory_target } : {}),
    ...(settings.requests_per_target !== undefined ? { requestsPerTarget: settings.requests_per_target } : {}),
    scaleInCooldownSeconds: settings.scale_in_cooldown_seconds,
    scaleOutCooldownSeconds: settings.scale_out_cooldown_seconds,
  };
}

export function desiredCount(service: ClassifiedService, scaling: Autoscaling | undefined): number {
  const { compose, ext } = service;
  return ext.desired_count ?? compose.deploy?.replicas?.value ?? compose.scale?.value ?? scaling?.min ?? 1;
}
