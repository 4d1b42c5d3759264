/**
 * `--rules`: a comma-separated list of rule ids and family names, `all` (the default) or `none`.
 * A name that is neither is an error with a did-you-mean.
 */
import { closestName } from './closest-rule.js';
import { FAMILIES, type Family } from './families.js';
import { SECURITY_RULES } from './rules/index.js';

export type RuleSelection =
  | { readonly ok: true; readonly rules: ReadonlySet<string> }
  | { readonly ok: false; readonly unknown: string; readonly suggestion?: string; readonly message: string };

export function resolveRuleSelection(spec: string | readonly string[]): RuleSelection {
  const names = (typeof spec === 'string' ? spec.split(',') : spec).map((name) => name.trim()).filter((name) => name !== '');
  const rules = new Set<string>();
  for (const name of names) {
    if (name.toLowerCase() === 'none') continue;
    if (name.toLowerCase() === 'all') {
      for (const rule of SECURITY_RULES) rules.add(rule.id);
      continue;
    }
    const byId = SECURITY_RULES.find((rule) => rule.id === name.toUpperCase());
    if (byId) {
      rules.add(byId.id);
      continue;
    }
    const family = name.toLowerCase() as Family;
    if (FAMILIES.has(family)) {
      for (const rule of SECURITY_RULES) if ((rule.families as readonly string[]).includes(family)) rules.add(rule.id);
      continue;
    }
    const suggestion = closestName(name, [...SECURITY_RULES.map((rule) => rule.id), ...FAMILIES.keys(), 'all', 'none']);
    return {
      ok: false,
      unknown: name,
      ...(suggestion !== undefined ? { suggestion } : {}),
      message: `Unknown security rule or family "${name}"${suggestion !== undefined ? `; did you mean ${suggestion}?` : '.'} Rules and families are listed in docs/security-rules.md.`,
    };
  }
  return { ok: true, rules };
}
