import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectFinding, load, loadErrors, yaml } from './harness.js';

const COMPOSE = yaml(
  'services:', // 1
  '  api:', // 2
  '    image: api', // 3
  '  debug:', // 4
  '    image: busybox', // 5
  '    profiles: [debug, tools]', // 6
  '  seed:', // 7
  '    image: seed', // 8
  '    profiles: [setup]', // 9
);

const names = (result: ReturnType<typeof load>): string[] => result.project.services.map((s) => s.name);

test('services with profiles run only when one of their profiles is active', () => {
  assert.deepEqual(names(load(COMPOSE)), ['api']);
  assert.deepEqual(names(load(COMPOSE, { profiles: ['tools'] })), ['api', 'debug']);
  assert.deepEqual(names(load(COMPOSE, { profiles: ['*'] })), ['api', 'debug', 'seed']);
  const debug = load(COMPOSE, { profiles: ['debug'] }).project.services.find((s) => s.name === 'debug');
  assert.deepEqual(debug?.profiles, ['debug', 'tools']);
});

test('COMPOSE_PROFILES (comma-separated) applies when no --profile is given; --profile wins', () => {
  assert.deepEqual(names(load(COMPOSE, { env: { COMPOSE_PROFILES: 'setup, debug' } })), ['api', 'debug', 'seed']);
  assert.deepEqual(names(load(COMPOSE, { env: { COMPOSE_PROFILES: 'setup' }, profiles: ['tools'] })), ['api', 'debug']);
});

test('depending on a disabled service is an error whose hint names the profile', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    depends_on:', // 4
      '      - seed', // 5
      '  seed:', // 6
      '    image: seed', // 7
      '    profiles: [setup]', // 8
    ),
  );
  expectFinding(findings, {
    code: 'COMPOSE_DEPENDS_ON_DISABLED',
    message: 'Service "api" depends on "seed", which is disabled: it only runs with profile "setup".',
    line: 5,
    column: 9,
    path: 'services.api.depends_on[0]',
    hint: /--profile setup/,
  });
});

test('an optional dependency (required: false) on a disabled or unknown service is dropped with a note', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    depends_on:', // 4
      '      seed: {condition: service_completed_successfully, required: false}', // 5
      '      ghost: {condition: service_started, required: false}', // 6
      '  seed:', // 7
      '    image: seed', // 8
      '    profiles: [setup]', // 9
    ),
  );
  assert.deepEqual(result.project.services[0]?.dependsOn, []);
  assert.deepEqual(
    result.findings.map((f) => [f.code, f.severity, f.line, f.message]),
    [
      ['COMPOSE_DEPENDS_ON_SKIPPED', 'info', 5, 'Service "api" has an optional dependency on "seed", which is disabled: it only runs with profile "setup"; the dependency is ignored.'],
      ['COMPOSE_DEPENDS_ON_SKIPPED', 'info', 6, 'Service "api" has an optional dependency on "ghost", which is not defined; the dependency is ignored.'],
    ],
  );
});

test('unknown dependencies and dependency loops are errors', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  a:', // 2
      '    image: a', // 3
      '    depends_on: [b, nope]', // 4
      '  b:', // 5
      '    image: b', // 6
      '    depends_on:', // 7
      '      a: {condition: service_healthy}', // 8
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_DEPENDS_ON_UNKNOWN', message: 'Service "a" depends on "nope", which is not defined.', line: 4, column: 21, path: 'services.a.depends_on[1]' });
  expectFinding(findings, { code: 'COMPOSE_DEPENDS_ON_CYCLE', message: 'Services depend on each other in a loop: a → b → a.', line: 8, column: 22 });
  expectFinding(loadErrors(yaml('services:', '  a:', '    image: a', '    depends_on:', '      b: {condition: whenever}', '  b:', '    image: b')), {
    code: 'COMPOSE_TYPE',
    message: 'services.a.depends_on.b.condition: "whenever" is not a dependency condition.',
    line: 5,
    column: 22,
  });
});
