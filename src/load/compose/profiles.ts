/**
 * Profile selection (https://docs.docker.com/compose/how-tos/profiles/): a service without
 * `profiles` is always enabled; one with profiles is enabled when one of them is active. Active
 * profiles are `--profile` values, else the comma-separated `COMPOSE_PROFILES`; `*` enables all.
 */
import type { LoadInput } from '../types.js';
import type { Lookup } from './interpolate.js';

export function activeProfiles(input: LoadInput, environment: Lookup): ReadonlySet<string> {
  const given = input.profiles && input.profiles.length > 0 ? input.profiles : (environment('COMPOSE_PROFILES') ?? '').split(',');
  return new Set(given.map((profile) => profile.trim()).filter((profile) => profile !== ''));
}

export function isEnabled(serviceProfiles: readonly string[], active: ReadonlySet<string>): boolean {
  return serviceProfiles.length === 0 || active.has('*') || serviceProfiles.some((profile) => active.has(profile));
}
