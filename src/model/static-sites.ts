/** A `static-site` service: built by the pipeline and served from S3 through CloudFront. */
import type { ClassifiedService } from './classify.js';
import type { ModelContext } from './context.js';
import { awsName, terraformId } from './names.js';
import type { Origin, StaticSite } from './types.js';

export function staticSite(c: ClassifiedService, ctx: ModelContext): StaticSite | undefined {
  const settings = c.ext.static_site;
  const origin: Origin = { at: c.compose.at, path: `services.${c.compose.name}` };
  if (!c.compose.build) {
    ctx.error('SETTING_CONFLICT', `Service ${c.compose.name} is a static-site but has no build context to build it from.`, c.extOrigin, 'Add `build:` with the directory of the site.');
    return undefined;
  }
  const buildCommand = settings?.build_command ?? 'npm ci && npm run build';
  ctx.decide('mapped', c.extOrigin, `Built with \`${buildCommand}\` and served from S3 through CloudFront (origin access control, HTTPS only).`, c.compose.name);
  return {
    name: c.compose.name,
    id: terraformId(c.compose.name),
    awsName: awsName(c.compose.name),
    buildContext: c.compose.build.context,
    buildCommand,
    outputDir: settings?.output_dir ?? 'dist',
    spa: settings?.spa ?? true,
    aliases: settings?.aliases ?? [],
    ...(settings?.certificate_arn ? { certificateArn: settings.certificate_arn } : {}),
    priceClass: settings?.price_class ?? 'PriceClass_100',
    origin,
  };
}
