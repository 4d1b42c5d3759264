/**
 * `npm test` after the build: makes sure what the suite needs is there, then runs every
 * `*.test.ts` (compiled) and nothing else, so helper modules and files left in dist/ by a source
 * that no longer exists never run. Prints `N passed, N failed` at the end.
 *
 * The HTML report test drives Debian's Chromium: when it is missing, it is installed with
 * apt-get (as .ci/run does) where that is possible, else the run stops with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from './helpers/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium';

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  const canInstall = process.platform === 'linux' && commandExists('apt-get') && (root || commandExists('sudo'));
  if (canInstall) {
    console.log('Chromium is missing (the HTML report test needs it); installing it with apt-get...');
    const sudo = root ? [] : ['sudo', '-n'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']]) {
      const [command, ...rest] = [...sudo, ...args];
      spawnSync(command!, rest, { stdio: 'inherit', env });
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`The HTML report test needs Debian's Chromium at ${CHROMIUM}. Install it, then run npm test again:\n\n  ${INSTALL}\n`);
    process.exit(1);
  }
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The compiled test files, found from their sources. */
function testFiles(dir = join(repoRoot, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'golden' ? [] : testFiles(path);
      return entry.name.endsWith('.test.ts') ? [join(repoRoot, 'dist', relative(repoRoot, path)).replace(/\.ts$/, '.js')] : [];
    });
}

ensureChromium();
const files = testFiles();
const tap = join(mkdtempSync(join(tmpdir(), 'ecsform-test-run-')), 'results.tap');
// V8's baseline compiler only: the WebAssembly parser and formatter start four times faster.
const run = spawnSync(
  process.execPath,
  ['--liftoff-only', '--test', '--test-concurrency=4', '--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
  { cwd: repoRoot, stdio: 'inherit' },
);
const results = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (name: string): number => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(results)?.[1] ?? 0);
console.log(`\n${count('pass')} passed, ${count('fail')} failed${count('skipped') > 0 ? `, ${count('skipped')} skipped` : ''}`);
process.exit(run.status ?? 1);
