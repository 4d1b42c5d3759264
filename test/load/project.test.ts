import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPOSE_FINDING_CODES, findRawNode, rawToValue } from '../../src/load/compose/index.js';
import { loadCompose } from '../../src/load/compose/index.js';
import { isInputError } from '../../src/diagnostics/errors.js';
import { at, expectFinding, load, loadErrors, yaml } from './harness.js';

const NAMED = yaml('name: From-File', 'services:', '  api:', '    image: api');

test('project name precedence: -p, then COMPOSE_PROJECT_NAME, then name:, then the directory', () => {
  assert.equal(load(NAMED, { projectName: 'cli-name', env: { COMPOSE_PROJECT_NAME: 'env-name' } }).project.name, 'cli-name');
  assert.equal(load(NAMED, { env: { COMPOSE_PROJECT_NAME: 'env-name' } }).project.name, 'env-name');
  assert.equal(load(NAMED).project.name, 'from-file');
  const byDirectory = load({ '/work/My Project.v2/compose.yaml': 'services: {}\n' }, { main: ['/work/My Project.v2/compose.yaml'] });
  assert.equal(byDirectory.project.name, 'myprojectv2');
  assert.equal(byDirectory.project.projectDir, '/work/My Project.v2');
  assert.equal(load(yaml('name: "${APP:-shop}_prod"', 'services: {}')).project.name, 'shop_prod');
});

test('an invalid explicit project name, or none at all, is an error', () => {
  expectFinding(loadErrors(NAMED, { projectName: 'My App' }), {
    code: 'COMPOSE_PROJECT_NAME_INVALID',
    message: 'The project name given with -p ("My App") is invalid: it must consist only of lowercase letters, digits, "-" and "_", and start with a letter or digit.',
    hint: /"myapp"/,
  });
  expectFinding(loadErrors({ '/__/compose.yaml': 'services: {}\n' }, { main: ['/__/compose.yaml'] }), { code: 'COMPOSE_PROJECT_NAME_INVALID', message: 'No project name can be derived' });
});

test('--project-directory moves the .env and relative paths', () => {
  const result = load(
    {
      '/proj/deploy/compose.yaml': yaml('services:', '  api:', '    image: "api:${TAG}"', '    build: ./api'),
      '/proj/.env': 'TAG=root\n',
    },
    { main: ['/proj/deploy/compose.yaml'], projectDir: '/proj' },
  );
  assert.equal(result.project.projectDir, '/proj');
  assert.equal(result.project.name, 'proj');
  assert.equal(result.project.services[0]?.image?.value, 'api:root');
});

test('services and top-level resources are sorted by name; top-level keys and extensions are kept raw', () => {
  const result = load(
    yaml(
      'version: "3.9"', // 1
      'x-ecsform:', // 2
      '  region: eu-west-1', // 3
      'x-anchors: &common {restart: always}', // 4
      'services:', // 5
      '  zeta: {image: z, <<: *common}', // 6
      '  alpha: {image: a}', // 7
      'volumes:', // 8
      '  zdata: {external: true}', // 9
      '  adata:', // 10
      '    driver: local', // 11
      'networks:', // 12
      '  front: {external: {name: shared}}', // 13
      '  back: {driver: bridge}', // 14
      'configs:', // 15
      '  nginx: {file: ./nginx.conf}', // 16
      '  inline: {content: "x"}', // 17
      'models:', // 18
      '  llm: {model: ai/smollm2}', // 19
    ),
  );
  const project = result.project;
  assert.deepEqual(
    project.services.map((s) => s.name),
    ['alpha', 'zeta'],
  );
  assert.deepEqual(
    project.volumes.map((v) => [v.name, v.external, v.driver, v.at.line]),
    [
      ['adata', false, 'local', 10],
      ['zdata', true, undefined, 9],
    ],
  );
  assert.deepEqual(project.volumes[0]?.raw && rawToValue(project.volumes[0].raw), { driver: 'local' });
  assert.deepEqual(project.networks, [
    { name: 'back', at: at(14, 3), external: false, driver: 'bridge' },
    { name: 'front', at: at(13, 3), external: true },
  ]);
  assert.deepEqual(project.configs, [
    { name: 'inline', at: at(17, 3), source: { kind: 'content' } },
    { name: 'nginx', at: at(16, 3), source: { kind: 'file', file: './nginx.conf' } },
  ]);
  assert.deepEqual([...project.topLevelKeys.keys()], ['configs', 'models', 'networks', 'services', 'version', 'volumes']);
  assert.deepEqual(project.topLevelKeys.get('version'), { kind: 'scalar', value: '3.9', at: at(1, 10), path: 'version' });
  assert.deepEqual([...project.extensions.keys()], ['x-anchors', 'x-ecsform']);
  const ecsform = project.extensions.get('x-ecsform');
  assert.ok(ecsform);
  assert.deepEqual(findRawNode(ecsform, 'x-ecsform.region'), { kind: 'scalar', value: 'eu-west-1', at: at(3, 11), path: 'x-ecsform.region' });
  assert.deepEqual(result.findings, []);
});

test('paths quote keys that would make them ambiguous', () => {
  const result = load(yaml('services:', '  es:', '    image: es', '    environment:', '      discovery.type: single-node'));
  const variable = result.project.services[0]?.environment[0];
  assert.equal(variable?.path, 'services.es.environment["discovery.type"]');
  const raw = result.project.services[0]?.raw;
  assert.ok(raw);
  assert.equal(findRawNode(raw, 'environment["discovery.type"]')?.at.line, 5);
});

test('loading the same input twice gives the same result', () => {
  const input = yaml('services:', '  b: {image: b, environment: {Z: "1", A: "2"}}', '  a: {image: a}');
  assert.deepEqual(load(input), load(input));
});

test('no files is an input error, not a crash', () => {
  try {
    loadCompose({ files: [], readFile: () => undefined, env: {} });
    assert.fail('expected an InputError');
  } catch (error) {
    assert.ok(isInputError(error));
    assert.deepEqual(
      error.findings.map((f) => f.code),
      ['COMPOSE_NO_FILES'],
    );
  }
});

test('every code is documented, and every code the tests see is in the table', () => {
  for (const [code, doc] of Object.entries(COMPOSE_FINDING_CODES)) {
    assert.match(code, /^COMPOSE_[A-Z_]+$/);
    assert.ok(doc.title.length > 0 && doc.description.length > 20, code);
  }
});
