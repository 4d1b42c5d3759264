/**
 * Runs the offline verification on what `generate` is about to write, in memory: the same
 * checks as `ecsform check`, so generated code is held to the standard it promises.
 */
import type { Finding } from '../diagnostics/finding.js';
import { verify } from '../verify/index.js';

export async function verifyGenerated(files: ReadonlyArray<{ path: string; content: string }>): Promise<{ findings: readonly Finding[] }> {
  const terraform = files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content }));
  const result = await verify({ files: terraform });
  return { findings: result.findings };
}
