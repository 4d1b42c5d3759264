/**
 * Walks every key the user wrote through the Compose key table: unknown keys are errors with a
 * did-you-mean, unsupported ones are errors with what to do instead, approximated and ignored
 * ones are warnings, and all of them are recorded for `ecsform explain`.
 */
import type { RawMap, RawNode } from '../load/types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { ruleFor, SERVICE_KEYS, TOP_LEVEL_KEYS, type KeyRule } from './compose-keys.js';
import type { ModelContext } from './context.js';

/** Keys whose values the loader or the model reads itself; listing them again would be noise. */
const SILENT_WHEN_MAPPED = new Set(['image', 'build', 'environment', 'env_file', 'ports', 'expose', 'volumes', 'healthcheck', 'deploy', 'secrets', 'profiles', 'extends', 'services', 'name', 'include']);

export function walkServiceKeys(serviceName: string, raw: RawMap, ctx: ModelContext): void {
  walk(raw, SERVICE_KEYS, ctx, serviceName, `service ${serviceName}`);
}

export function walkTopLevelKeys(entries: ReadonlyMap<string, RawNode>, ctx: ModelContext): void {
  for (const [key, value] of entries) check(key, value, value.at, TOP_LEVEL_KEYS, ctx, undefined, 'the Compose file');
}

function walk(raw: RawMap, table: Readonly<Record<string, KeyRule>>, ctx: ModelContext, service: string | undefined, where: string): void {
  for (const entry of raw.entries) {
    if (entry.key.startsWith('x-')) continue;
    check(entry.key, entry.value, entry.keyAt, table, ctx, service, where);
  }
}

function check(key: string, value: RawNode, keyAt: RawNode['at'], table: Readonly<Record<string, KeyRule>>, ctx: ModelContext, service: string | undefined, where: string): void {
  const origin = { at: keyAt, path: value.path };
  const rule = ruleFor(table, key, value);
  if (!rule) {
    const suggestion = didYouMean(key, Object.keys(table));
    ctx.error('COMPOSE_UNKNOWN_KEY', `Unknown key \`${key}\` in ${where}.`, origin, suggestion ? `Did you mean \`${suggestion}\`?` : 'Check the Compose Specification for the key name, or prefix it with x- to make it an extension.');
    return;
  }
  switch (rule.treatment) {
    case 'error':
      ctx.error('COMPOSE_UNSUPPORTED', `\`${key}\` in ${where} cannot run on Fargate.`, origin, rule.note);
      return;
    case 'approximated':
      ctx.warn('COMPOSE_APPROXIMATED', `\`${key}\` in ${where} is approximated: ${rule.note}`, origin);
      ctx.decide('approximated', origin, rule.note, service);
      return;
    case 'ignored':
      ctx.warn('COMPOSE_IGNORED', `\`${key}\` in ${where} is ignored: ${rule.note}`, origin);
      ctx.decide('ignored', origin, rule.note, service);
      return;
    case 'mapped':
      if (!SILENT_WHEN_MAPPED.has(key)) ctx.decide('mapped', origin, rule.note, service);
  }
}
