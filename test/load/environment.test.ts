import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, expectFinding, load, loadErrors, service, yaml } from './harness.js';

const COMPOSE = yaml(
  'services:', // 1
  '  api:', // 2
  '    image: api', // 3
  '    env_file:', // 4
  '      - ./common.env', // 5
  '      - path: ./optional.env', // 6
  '        required: false', // 7
  '      - path: ./raw.env', // 8
  '        format: raw', // 9
  '    environment:', // 10
  '      DEBUG: true', // 11
  '      RATIO: 0.10', // 12
  '      FROM_HOST:', // 13
  '      OVERRIDDEN: from-compose', // 14
  '      URL: "postgres://${DB_USER}@db"', // 15
  '      PORT: 5432', // 16
);

test('environment and env_file merge, environment wins, sorted by name, with positions and origins', () => {
  const result = load(
    {
      '/proj/compose.yaml': COMPOSE,
      '/proj/common.env': 'OVERRIDDEN=from-file\nSHARED=${DB_USER}-x\n',
      '/proj/raw.env': 'RAW="quoted $NOT"\n',
    },
    { env: { DB_USER: 'admin', FROM_HOST: 'host-value' } },
  );
  assert.deepEqual(service(result, 'api').environment, [
    { name: 'DEBUG', value: 'true', at: at(11, 7), path: 'services.api.environment.DEBUG', origin: 'environment', interpolated: [] },
    { name: 'FROM_HOST', value: 'host-value', at: at(13, 7), path: 'services.api.environment.FROM_HOST', origin: 'environment', interpolated: ['FROM_HOST'] },
    { name: 'OVERRIDDEN', value: 'from-compose', at: at(14, 7), path: 'services.api.environment.OVERRIDDEN', origin: 'environment', interpolated: [] },
    { name: 'PORT', value: '5432', at: at(16, 7), path: 'services.api.environment.PORT', origin: 'environment', interpolated: [] },
    { name: 'RATIO', value: '0.10', at: at(12, 7), path: 'services.api.environment.RATIO', origin: 'environment', interpolated: [] },
    { name: 'RAW', value: '"quoted $NOT"', at: at(1, 1, '/proj/raw.env'), path: 'services.api.env_file[2].RAW', origin: 'env_file', interpolated: [] },
    { name: 'SHARED', value: 'admin-x', at: at(2, 1, '/proj/common.env'), path: 'services.api.env_file[0].SHARED', origin: 'env_file', interpolated: ['DB_USER'] },
    { name: 'URL', value: 'postgres://admin@db', at: at(15, 7), path: 'services.api.environment.URL', origin: 'environment', interpolated: ['DB_USER'] },
  ]);
  assert.deepEqual(result.findings, []);
});

test('list syntax: KEY=value, KEY= (empty) and KEY alone (from the environment, else no value)', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    environment:', // 4
      '      - A=1=2', // 5
      '      - B', // 6
      '      - C=', // 7
      '      - D', // 8
      '      - A=last', // 9
    ),
    { env: { B: 'from-env' } },
  );
  assert.deepEqual(
    service(result, 'api').environment.map((v) => [v.name, v.value, v.at.line, v.path, v.interpolated]),
    [
      ['A', 'last', 9, 'services.api.environment.A', []],
      ['B', 'from-env', 6, 'services.api.environment.B', ['B']],
      ['C', '', 7, 'services.api.environment.C', []],
      ['D', undefined, 8, 'services.api.environment.D', []],
    ],
  );
});

test('env_file as a single string, later files override earlier ones, a file can reference the project env', () => {
  const result = load(
    {
      '/proj/compose.yaml': yaml('services:', '  api:', '    image: api', '    env_file: [a.env, b.env]'),
      '/proj/a.env': 'X=a\nY=a\n',
      '/proj/b.env': 'Y=b\nZ=${TAG}\n',
      '/proj/.env': 'TAG=from-dotenv\n',
    },
  );
  assert.deepEqual(
    service(result, 'api').environment.map((v) => [v.name, v.value, v.at.file]),
    [
      ['X', 'a', '/proj/a.env'],
      ['Y', 'b', '/proj/b.env'],
      ['Z', 'from-dotenv', '/proj/b.env'],
    ],
  );
  const single = load({ '/proj/compose.yaml': yaml('services:', '  api:', '    image: api', '    env_file: a.env'), '/proj/a.env': 'X=1\n' });
  assert.equal(service(single, 'api').environment[0]?.path, 'services.api.env_file.X');
});

test('a missing required env_file is an error; an optional one is skipped', () => {
  const findings = loadErrors(yaml('services:', '  api:', '    image: api', '    env_file:', '      - ./missing.env', '      - path: ./also-missing.env', '        required: false'));
  assert.equal(findings.length, 1);
  expectFinding(findings, {
    code: 'COMPOSE_ENV_FILE_MISSING',
    message: 'Env file "./missing.env" not found (looked for /proj/missing.env).',
    line: 5,
    column: 9,
    path: 'services.api.env_file[0]',
    hint: /required: false/,
  });
});

test('env_file with an unknown format, environment of the wrong type, a malformed env file are errors', () => {
  const findings = loadErrors({
    '/proj/compose.yaml': yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    env_file:', // 4
      '      - path: a.env', // 5
      '        format: json', // 6
      '      - broken.env', // 7
      '  worker:', // 8
      '    image: worker', // 9
      '    environment: NOT_A_LIST', // 10
    ),
    '/proj/a.env': 'A=1\n',
    '/proj/broken.env': 'OK=1\nNOT OK=2\n',
  });
  expectFinding(findings, { code: 'COMPOSE_ENV_FILE_FORMAT', message: 'the env file format "json" is not supported', line: 6, column: 17, path: 'services.api.env_file[0].format' });
  expectFinding(findings, { code: 'COMPOSE_DOTENV_SYNTAX', file: '/proj/broken.env', line: 2, column: 1 });
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.worker.environment must be a mapping or a list of "KEY=value" strings, not the string "NOT_A_LIST".', line: 10, column: 18, path: 'services.worker.environment' });
});
