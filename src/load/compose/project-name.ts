/**
 * The project name, with docker compose's precedence: `-p`, then `COMPOSE_PROJECT_NAME`, then the
 * top-level `name:`, then the project directory's base name. Explicit names must already be valid;
 * `name:` and the directory name are normalised (lowercase, only `[a-z0-9_-]`, no leading `-`/`_`).
 */
import { basename } from 'node:path';
import type { LoadInput } from '../types.js';
import type { FindingCollector } from './findings.js';
import type { Lookup } from './interpolate.js';
import { readString } from './read.js';
import type { SourceNode } from './source-tree.js';

const VALID_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[-_]+/, '');
}

export function resolveProjectName(input: LoadInput, environment: Lookup, nameNode: SourceNode | undefined, projectDir: string, findings: FindingCollector): string {
  const explicit = [
    { value: input.projectName, origin: 'The project name given with -p' },
    { value: environment('COMPOSE_PROJECT_NAME'), origin: 'COMPOSE_PROJECT_NAME' },
  ].find((candidate) => candidate.value !== undefined && candidate.value !== '');
  if (explicit?.value !== undefined) {
    if (!VALID_NAME.test(explicit.value)) {
      findings.report({
        code: 'COMPOSE_PROJECT_NAME_INVALID',
        message: `${explicit.origin} (${JSON.stringify(explicit.value)}) is invalid: it must consist only of lowercase letters, digits, "-" and "_", and start with a letter or digit.`,
        hint: `Use a name such as ${JSON.stringify(normalizeProjectName(explicit.value) || 'my-app')}.`,
      });
    }
    return explicit.value;
  }
  const declared = readString(nameNode, 'name', findings);
  const fromFile = declared ? normalizeProjectName(declared.value) : '';
  if (fromFile !== '') return fromFile;
  const fromDirectory = normalizeProjectName(basename(projectDir));
  if (fromDirectory === '') {
    findings.report({
      code: 'COMPOSE_PROJECT_NAME_INVALID',
      ...(declared ? { at: declared.at, path: 'name' } : {}),
      message: `No project name can be derived: ${declared ? `name: ${JSON.stringify(declared.value)}` : 'there is no top-level name:'} and the directory name ${JSON.stringify(basename(projectDir))} has no usable characters.`,
      hint: 'Add a top-level `name: my-app` to the Compose file, or pass -p my-app.',
    });
  }
  return fromDirectory;
}
