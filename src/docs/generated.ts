/** Every generated documentation file, by path relative to the repository. */
import { composeSupport } from './compose-support.js';
import { diagnosticsReference } from './diagnostics.js';
import { projectJsonSchema, serviceJsonSchema, xEcsformReference } from './x-ecsform-reference.js';

export function generatedDocs(): Map<string, string> {
  return new Map([
    ['docs/x-ecsform.md', xEcsformReference()],
    ['docs/compose-support.md', composeSupport()],
    ['docs/diagnostics.md', diagnosticsReference()],
    ['schema/x-ecsform.schema.json', `${JSON.stringify(projectJsonSchema(), null, 2)}\n`],
    ['schema/x-ecsform-service.schema.json', `${JSON.stringify(serviceJsonSchema(), null, 2)}\n`],
  ]);
}
