import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from the compiled test file (dist/test/...) or the source. */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test file');
    dir = parent;
  }
  return dir;
})();

/** `../shared` beside the repository: the seeds, reference material and corpus. */
export const sharedRoot: string = join(repoRoot, '..', 'shared');

export function fromRoot(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
