/**
 * The published package, as a user gets it: `npm pack` of this repository is clean for publint
 * and arethetypeswrong, and once installed in an empty project its CLI runs (`npx ecsform
 * --version`) and its library imports and type-checks (`import { generate, check } from
 * 'ecsform'`). No network: the tarball is unpacked where npm would put it, with only its declared
 * dependencies linked from this repository's node_modules, so a runtime import of a package that
 * is not a dependency fails here as it would for a user.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { VERSION } from '../../src/version.js';
import { tempDir } from '../helpers/cli.js';
import { fromRoot, repoRoot } from '../helpers/paths.js';

interface PackageJson {
  readonly bin: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Runs a command; a failure shows its output. */
function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    assert.fail(`${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
  }
}

const CONSUMER = `import { check, generate, loadCompose, type CheckResult, type GenerateResult } from 'ecsform';

const compose = 'name: shop\\nservices:\\n  web:\\n    image: nginx:1.27\\n    ports: ["8080:80"]\\n';
const { project } = loadCompose({ files: [{ path: 'compose.yaml', text: compose }], readFile: () => undefined, env: {} });
const generated: GenerateResult = generate(project, {});
const files = generated.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content }));
const result: CheckResult = await check({ files });
console.log(JSON.stringify({ files: files.length, errors: result.findings.filter((f) => f.severity === 'error').length }));
`;

describe('the published package', () => {
  const work = tempDir('ecsform-package-');
  const consumer = join(work, 'consumer');
  let tarball = '';

  before(() => {
    const packed = JSON.parse(run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot)) as { filename: string }[];
    tarball = join(work, packed[0]!.filename);
  });

  test('publint finds nothing to fix', () => {
    run(fromRoot('node_modules', '.bin', 'publint'), ['--strict', repoRoot], repoRoot);
  });

  test('arethetypeswrong finds the types right for every ESM resolution', () => {
    // ESM only (Node 20): resolutions from CommonJS are out of scope by design.
    run(fromRoot('node_modules', '.bin', 'attw'), [tarball, '--profile', 'esm-only'], repoRoot);
  });

  test('installed in an empty project, the CLI runs and the library imports and type-checks', () => {
    const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as PackageJson;
    const modules = join(consumer, 'node_modules');
    mkdirSync(modules, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', modules], work);
    renameSync(join(modules, 'package'), join(modules, 'ecsform'));
    for (const name of Object.keys(manifest.dependencies)) {
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(fromRoot('node_modules', name), join(modules, name), 'dir');
    }
    mkdirSync(join(modules, '.bin'));
    for (const [name, path] of Object.entries(manifest.bin)) {
      chmodSync(join(modules, 'ecsform', path), 0o755);
      symlinkSync(join('..', 'ecsform', path), join(modules, '.bin', name));
    }
    // The consumer's own tools (TypeScript, Node's types) come from this repository.
    symlinkSync(fromRoot('node_modules', '@types'), join(modules, '@types'), 'dir');

    assert.equal(run(NPX, ['--offline', 'ecsform', '--version'], consumer).trim(), VERSION);

    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
    writeFileSync(join(consumer, 'index.ts'), CONSUMER);
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: ['node'], outDir: 'out' }, files: ['index.ts'] };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig));
    run(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], consumer);
    const output = JSON.parse(run(process.execPath, [join(consumer, 'out', 'index.js')], consumer)) as { files: number; errors: number };
    assert.ok(output.files > 0, 'generate wrote Terraform files');
    assert.equal(output.errors, 0, 'check found no error in them');
  });
});
