/**
 * The project's `x-ecsform` settings, validated, with where each was written (so a message about
 * a setting points at the user's line, or at the first Compose file when the default applies).
 */
import type { SourcePoint } from '../diagnostics/finding.js';
import { locate } from '../load/raw-node.js';
import type { ComposeProject } from '../load/types.js';
import { parseProjectExtension } from '../load/x-ecsform/parse.js';
import { projectExtensionSchema, type ProjectExtension } from '../load/x-ecsform/schema.js';
import type { ModelContext } from './context.js';
import { awsName } from './names.js';
import type { Origin } from './types.js';

export interface ProjectSettings {
  readonly ext: ProjectExtension;
  /** The project name that starts every AWS resource name. */
  readonly name: string;
  /** Where the first Compose file starts: the place of project-wide messages. */
  readonly firstFileAt: SourcePoint;
  /** Where a setting (`['network', 'nat_gateways']`) was written, else the extension, else the first file. */
  origin(segments: readonly string[]): Origin;
}

export function readSettings(project: ComposeProject, ctx: ModelContext): ProjectSettings {
  const firstFileAt: SourcePoint = { file: project.files[0] ?? 'compose.yaml', line: 1, column: 1 };
  const node = project.extensions.get('x-ecsform');
  const parsed = parseProjectExtension(node, firstFileAt);
  ctx.errors.push(...parsed.findings);
  const ext = parsed.value ?? projectExtensionSchema.parse({});
  return {
    ext,
    name: ext.project ?? awsProjectName(project.name, firstFileAt, ctx),
    firstFileAt,
    origin: (segments) => (node ? locate(node, segments) : { at: firstFileAt, path: ['x-ecsform', ...segments].join('.') }),
  };
}

/**
 * The Compose project name as the first part of AWS resource names: `my_app` becomes `my-app`
 * (dashes are the only separator every resource name accepts).
 */
function awsProjectName(composeName: string, at: SourcePoint, ctx: ModelContext): string {
  const name = awsName(composeName);
  const origin = { at, path: 'name' };
  if (!/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(name)) {
    ctx.error('PROJECT_NAME', `The project name ${JSON.stringify(composeName)} cannot start AWS resource names: they need 2-32 lowercase letters, digits and dashes, starting with a letter.`, origin, 'Set x-ecsform.project (for example `x-ecsform: { project: my-app }`) or pass -p with a shorter name.');
  } else if (name !== composeName) {
    ctx.decide('rewritten', origin, `Project name ${composeName} becomes ${name} in AWS resource names.`);
  }
  return name;
}
