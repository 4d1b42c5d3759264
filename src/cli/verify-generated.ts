/**
 * Runs the offline verification on what `generate` is about to write, in memory: the same
 * checks as `ecsform check`, so generated code is held to the standard it promises. The parsed
 * modules also give the cost estimate printed in the summary.
 */
import { estimateCost, type CostEstimate } from '../cost/index.js';
import type { Finding } from '../diagnostics/finding.js';
import type { GenerateResult } from '../generate.js';
import { suppressionCovers } from '../plan/suppressions.js';
import { check, type SecuritySuppression } from '../check/index.js';

export interface GeneratedVerification {
  /** Undefined when verification was skipped. */
  readonly findings?: readonly Finding[];
  readonly cost: CostEstimate;
}

export async function verifyGenerated(result: GenerateResult, options: { verify: boolean }): Promise<GeneratedVerification> {
  const terraform = result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content }));
  // With --no-verify the files are only parsed, for the cost estimate.
  const verification = await check({ files: terraform }, options.verify ? { security: { suppressions: suppressionsOf(result) } } : { checks: new Set() });
  const cost = await estimateCost(verification.modules);
  return { ...(options.verify ? { findings: verification.findings } : {}), cost };
}

/**
 * x-ecsform `suppress` entries as the security rules take them. One that names a Compose service
 * covers every resource generated for it (`aws_ecs_service.<id>`, `aws_lb_target_group.<id>`...).
 */
export function suppressionsOf(result: GenerateResult): SecuritySuppression[] {
  const addresses = result.plan.module.files.flatMap((f) => f.blocks.filter((b) => b.type === 'resource').map((b) => `${b.labels[0]}.${b.labels[1]}`));
  return result.model.suppressions.flatMap((s) => {
    const common = { rule: s.rule, reason: s.reason, at: s.origin.at, path: s.origin.path };
    if (!s.resource && !s.service) return [common];
    return addresses.filter((address) => suppressionCovers(s, address, result.model)).map((resource) => ({ ...common, resource }));
  });
}
