/**
 * What the real-Terraform tests plan: every committed example as it is on disk, every corpus file
 * that generates, and the x-ecsform variants, each generated in memory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isInputError } from '../../src/diagnostics/errors.js';
import { composeInput } from '../../src/cli/compose-input.js';
import { generate } from '../../src/generate.js';
import { loadCompose } from '../../src/load/compose/index.js';
import { fromRoot, sharedRoot } from '../helpers/paths.js';
import { EXAMPLES } from '../helpers/examples.js';
import { VARIANTS } from './matrix.js';
import type { Configuration } from './suite.js';

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      if (entry === '.terraform' || entry === '.git' || entry === 'node_modules') continue;
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.tf')) out.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export function exampleConfigurations(): Configuration[] {
  return EXAMPLES.map((name) => ({ name: `example-${name}`, files: filesUnder(fromRoot('examples', name)) }));
}

/** The Compose files each real application is loaded from, when not its compose.yaml alone (see its README). */
const REAL_APP_ENTRIES: Readonly<Record<string, readonly string[]>> = {
  mattermost: ['compose.yaml', 'docker-compose.nginx.yml'],
  netbox: ['compose.yaml', 'docker-compose.override.yml'],
  signoz: ['docker/compose.yaml'],
  zulip: ['compose.yaml', 'compose.override.yaml'],
};

/** Every real application under test/fixtures/real-apps/ that ecsform generates Terraform for. */
export function realAppConfigurations(): Configuration[] {
  const dir = fromRoot('test', 'fixtures', 'real-apps');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .flatMap((name) => {
      try {
        const { input } = composeInput({ files: REAL_APP_ENTRIES[name] ?? ['compose.yaml'], cwd: join(dir, name), env: {} });
        const { project } = loadCompose(input);
        const result = generate(project, { sourceNames: [...(REAL_APP_ENTRIES[name] ?? ['compose.yaml'])] });
        return [{ name: `real-app-${name}`, files: new Map(result.files.filter((f) => f.path.endsWith('.tf')).map((f) => [f.path, f.content])) }];
      } catch (error) {
        if (isInputError(error)) return [];
        throw error;
      }
    });
}

/** The Terraform generated from Compose text, or undefined when ecsform refuses the input. */
export function generated(path: string, text: string): Map<string, string> | undefined {
  try {
    const { project } = loadCompose({ files: [{ path, text }], readFile: () => undefined, env: {}, projectDir: path.replace(/\/[^/]+$/, '') });
    const result = generate(project, { sourceNames: ['compose.yaml'] });
    return new Map(result.files.filter((f) => f.path.endsWith('.tf')).map((f) => [f.path, f.content]));
  } catch (error) {
    if (isInputError(error)) return undefined;
    throw error;
  }
}

export function variantConfigurations(): Configuration[] {
  return VARIANTS.map((v) => {
    const files = generated('/variants/compose.yaml', v.compose);
    if (!files) throw new Error(`variant ${v.name} is refused by ecsform generate`);
    return { name: `variant-${v.name}`, files };
  });
}

export function corpusConfigurations(): Configuration[] {
  const dir = join(sharedRoot, 'corpus', 'compose');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const name = f.replace(/\.yaml$/, '');
      const files = generated(`/corpus/${name}/compose.yaml`, readFileSync(join(dir, f), 'utf8'));
      return files ? [{ name: `corpus-${name}`, files }] : [];
    });
}
