import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRawNode, rawToValue } from '../../src/load/compose/index.js';
import { at, expectFinding, load, loadErrors, MAIN, service, yaml } from './harness.js';

test('every value keeps its file, 1-based line and column, and its dotted path', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: nginx:1.27', // 3
      '    environment:', // 4
      '      DB_HOST: db', // 5
      '    ports:', // 6
      '      - "80:80"', // 7
      '      - 443:443', // 8
    ),
  );
  const api = service(result, 'api');
  assert.deepEqual(api.at, at(2, 3));
  assert.deepEqual(api.image, { value: 'nginx:1.27', at: at(3, 12), path: 'services.api.image' });
  assert.deepEqual(findRawNode(api.raw, 'environment.DB_HOST'), { kind: 'scalar', value: 'db', at: at(5, 16), path: 'services.api.environment.DB_HOST' });
  assert.deepEqual(findRawNode(api.raw, 'services.api.ports[1]'), { kind: 'scalar', value: '443:443', at: at(8, 9), path: 'services.api.ports[1]' });
  const environmentEntry = api.raw.entries.find((e) => e.key === 'environment');
  assert.deepEqual(environmentEntry?.keyAt, at(4, 5));
  assert.deepEqual(environmentEntry?.value.at, at(5, 7));
});

test('anchors, aliases and << merge keys: explicit keys win, the first merged mapping wins, positions point at the definition', () => {
  const result = load(
    yaml(
      'x-defaults: &defaults', // 1
      '  restart: always', // 2
      '  environment: &env', // 3
      '    LOG_LEVEL: info', // 4
      'services:', // 5
      '  api:', // 6
      '    <<: *defaults', // 7
      '    image: api', // 8
      '    restart: "no"', // 9
      '  worker:', // 10
      '    <<: [*defaults, {image: worker, restart: on-failure}]', // 11
      '    environment: *env', // 12
    ),
  );
  const api = service(result, 'api');
  assert.deepEqual(rawToValue(api.raw), { restart: 'no', environment: { LOG_LEVEL: 'info' }, image: 'api' });
  assert.deepEqual(findRawNode(api.raw, 'restart')?.at, at(9, 14));
  assert.deepEqual(api.environment, [{ name: 'LOG_LEVEL', value: 'info', at: at(4, 5), path: 'services.api.environment.LOG_LEVEL', origin: 'environment', interpolated: [] }]);
  const worker = service(result, 'worker');
  assert.deepEqual(rawToValue(worker.raw), { restart: 'always', environment: { LOG_LEVEL: 'info' }, image: 'worker' });
  assert.equal(worker.environment[0]?.path, 'services.worker.environment.LOG_LEVEL');
  assert.deepEqual(worker.environment[0]?.at, at(4, 5));
  // The fragment itself stays available as an extension.
  assert.deepEqual(rawToValue(result.project.extensions.get('x-defaults') ?? { kind: 'scalar', value: null, at: at(1, 1), path: '' }), {
    restart: 'always',
    environment: { LOG_LEVEL: 'info' },
  });
});

test('a duplicate key is an error at the second occurrence', () => {
  const findings = loadErrors(yaml('services:', '  api:', '    image: a', '    image: b'));
  assert.equal(findings.length, 1);
  expectFinding(findings, { code: 'COMPOSE_YAML_DUPLICATE_KEY', message: 'Duplicate key "image"', file: MAIN, line: 4, column: 5 });
});

test('malformed YAML is an error at the position the parser reports, with a hint', () => {
  const findings = loadErrors(yaml('services:', '  api:', '    image: [unclosed', '    ports: []'));
  expectFinding(findings, { code: 'COMPOSE_YAML_SYNTAX', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', line: 4, column: 5, hint: /indentation/ });
  expectFinding(loadErrors(yaml('services:', '\tapi:')), { code: 'COMPOSE_YAML_SYNTAX', message: 'Tabs are not allowed', line: 2, column: 1 });
});

test('syntax errors in several files are all reported in one pass', () => {
  const findings = loadErrors({ [MAIN]: 'services: [\n', '/proj/b.yaml': 'a: 1\na: 2\n' }, { main: [MAIN, '/proj/b.yaml'] });
  assert.deepEqual(
    findings.map((f) => [f.code, f.file]),
    [
      ['COMPOSE_YAML_DUPLICATE_KEY', '/proj/b.yaml'],
      ['COMPOSE_YAML_SYNTAX', MAIN],
    ],
  );
});

test('an unknown alias, a self-referencing alias and a bad merge key are errors', () => {
  expectFinding(loadErrors(yaml('services:', '  api:', '    image: *nope')), { code: 'COMPOSE_YAML_ALIAS', message: 'Alias *nope refers to an anchor &nope that is not defined', line: 3, column: 12, path: 'services.api.image' });
  expectFinding(loadErrors(yaml('x-loop: &loop', '  - *loop', 'services: {}')), { code: 'COMPOSE_YAML_ALIAS', message: 'would make it infinite', line: 2, column: 5 });
  expectFinding(loadErrors(yaml('services:', '  api:', '    <<: 5', '    image: a')), { code: 'COMPOSE_YAML_MERGE_KEY', message: 'must be a mapping or a list of mappings', line: 3, column: 9, path: 'services.api["<<"]' });
  expectFinding(loadErrors(yaml('services:', '  api:', '    ? [a, b]', '    : value')), { code: 'COMPOSE_YAML_KEY', message: 'A mapping key must be a plain string', line: 3, column: 7, path: 'services.api["?"]' });
});

test('an alias bomb is stopped instead of expanding without bound', () => {
  let text = 'x-a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  let previous = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g']) {
    text += `x-${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  expectFinding(loadErrors(`${text}services: {}\n`), { code: 'COMPOSE_YAML_ALIAS', message: 'more than 100000 values' });
});

test('the top level must be a mapping; an empty file is an empty project', () => {
  expectFinding(loadErrors('- a\n- b\n'), { code: 'COMPOSE_TYPE', message: 'top level of a Compose file must be a mapping', line: 1, column: 1 });
  const empty = load('# nothing yet\n');
  assert.deepEqual(empty.project.services, []);
});

test('several YAML documents in one file merge in order', () => {
  const result = load(yaml('services:', '  api:', '    image: a', '    user: "1000"', '---', 'services:', '  api:', '    image: b'));
  const api = service(result, 'api');
  assert.deepEqual(api.image, { value: 'b', at: at(8, 12), path: 'services.api.image' });
  assert.equal(api.user?.value, '1000');
});
