/** The numbers printed after `generate`: what was generated, by kind and by resource type. */
import type { GenerateResult } from '../generate.js';

export interface GenerationSummary {
  readonly services: ReadonlyArray<{ readonly name: string; readonly kind: string }>;
  readonly databases: readonly string[];
  readonly staticSites: readonly string[];
  readonly secrets: string;
  /** Resource blocks (a `count`/`for_each` block counts once). */
  readonly resourceCount: number;
  readonly resourcesByType: ReadonlyArray<readonly [string, number]>;
  readonly files: number;
}

export function summarise(result: GenerateResult): GenerationSummary {
  const { model, plan } = result;
  const byType = new Map<string, number>();
  for (const file of plan.module.files) {
    for (const block of file.blocks) {
      if (block.type !== 'resource') continue;
      const type = block.labels[0] ?? '?';
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
  }
  const sources = new Map<string, number>();
  for (const s of model.secrets) sources.set(s.source, (sources.get(s.source) ?? 0) + 1);
  return {
    services: model.services.map((s) => ({ name: s.name, kind: s.kind })),
    databases: model.databases.map((d) => `${d.name} → RDS ${d.engine} ${d.engineVersion}`),
    staticSites: model.staticSites.map((s) => `${s.name} → S3 + CloudFront`),
    secrets: model.secrets.length === 0 ? 'none' : `${model.secrets.length} (${[...sources].map(([k, n]) => `${n} ${k}`).join(', ')})`,
    resourceCount: [...byType.values()].reduce((a, b) => a + b, 0),
    resourcesByType: [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    files: result.files.length,
  };
}
