/** An `external` service: a system outside AWS whose connection string is a secret the user fills in. */
import type { ClassifiedService } from './classify.js';
import type { ModelContext } from './context.js';
import type { ExternalSystem } from './environment.js';
import { awsName } from './names.js';

export function externalSystem(c: ClassifiedService, ctx: ModelContext): ExternalSystem {
  const settings = c.ext.external;
  const secret = settings?.secret ?? `${awsName(c.compose.name)}-url`;
  ctx.decide('mapped', c.extOrigin, `Runs outside AWS: variables that point at ${c.compose.name} get their value from the secret "${secret}", which you fill in.`, c.compose.name);
  return { name: c.compose.name, secret, ...(settings?.description ? { description: settings.description } : {}), variables: settings?.variables ?? [] };
}
