/**
 * Writes the generated reference docs and editor schemas: docs/x-ecsform.md,
 * docs/compose-support.md, schema/x-ecsform.schema.json, schema/x-ecsform-service.schema.json.
 * A test fails when they are stale. Run: `npm run build && node dist/scripts/generate-docs.js`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from '../src/docs/generated.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const [path, content] of generatedDocs()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote ${path}\n`);
}
