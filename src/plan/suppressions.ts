/**
 * `x-ecsform.suppress` entries that name a resource or a service are written into the Terraform
 * as `ecsform:ignore` comments above the blocks they cover: the exception is then visible where
 * the code is, and `ecsform check` on the written files agrees with `ecsform generate`.
 */
import type { AppModel, Suppression } from '../model/types.js';
import type { PlanContext } from './context.js';

/** True when the suppression covers the resource at `address` (`aws_lb.main`). */
export function suppressionCovers(suppression: Suppression, address: string, model: AppModel): boolean {
  if (suppression.resource !== undefined) return suppression.resource === address || address.startsWith(`${suppression.resource}[`);
  if (suppression.service === undefined) return false;
  const id = model.services.find((s) => s.name === suppression.service)?.id;
  return id !== undefined && ownerOf(address, model) === id;
}

/**
 * The service a resource belongs to: its name is the service id, alone or as a prefix
 * (`api`, `api_8080_tcp`). The longest matching id wins, so `web_admin_1` is web_admin's, not web's.
 */
function ownerOf(address: string, model: AppModel): string | undefined {
  const name = address.slice(address.indexOf('.') + 1);
  return model.services
    .map((s) => s.id)
    .filter((id) => name === id || name.startsWith(`${id}_`))
    .sort((a, b) => b.length - a.length)[0];
}

export function annotateSuppressions(ctx: PlanContext): void {
  for (const suppression of ctx.model.suppressions) {
    if (suppression.resource === undefined && suppression.service === undefined) continue;
    ctx.annotateResources((address) => suppressionCovers(suppression, address, ctx.model), [`ecsform:ignore ${suppression.rule} ${suppression.reason}`]);
  }
}
