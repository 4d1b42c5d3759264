import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRawNode, rawToValue } from '../../src/load/compose/index.js';
import { at, expectFinding, load, loadErrors, MAIN, service, yaml } from './harness.js';

const OVERRIDE = '/proj/compose.override.yaml';

const BASE = yaml(
  'services:', // 1
  '  api:', // 2
  '    image: api:1', // 3
  '    command: ["serve", "--port", "80"]', // 4
  '    ports:', // 5
  '      - "80:80"', // 6
  '      - "9090:9090"', // 7
  '    volumes:', // 8
  '      - ./data:/data', // 9
  '      - cache:/cache', // 10
  '    environment:', // 11
  '      - LOG_LEVEL=info', // 12
  '      - KEEP=1', // 13
  '    depends_on: [db]', // 14
  '    build: ./api', // 15
  '    labels: {a: "1"}', // 16
  '    x-ecsform: {public: true}', // 17
  '  db:', // 18
  '    image: postgres', // 19
  '    ports: ["5432:5432"]', // 20
  '    healthcheck:', // 21
  '      test: ["CMD", "pg_isready"]', // 22
  '      interval: 10s', // 23
  'volumes:', // 24
  '  cache:', // 25
);

const OVERRIDES = yaml(
  'services:', // 1
  '  api:', // 2
  '    image: api:2', // 3
  '    command: serve', // 4
  '    ports:', // 5
  '      - "80:80"', // 6
  '      - "443:443"', // 7
  '    volumes:', // 8
  '      - ./other:/data:ro', // 9
  '    environment:', // 10
  '      LOG_LEVEL: debug', // 11
  '    depends_on:', // 12
  '      db:', // 13
  '        condition: service_healthy', // 14
  '    build:', // 15
  '      dockerfile: Dockerfile.dev', // 16
  '    labels: !override {b: "2"}', // 17
  '    x-ecsform: {cpu: 512}', // 18
  '  db:', // 19
  '    ports: !reset []', // 20
  '    healthcheck:', // 21
  '      test: ["CMD-SHELL", "pg_isready -U app"]', // 22
);

const merged = (): ReturnType<typeof load> => load({ [MAIN]: BASE, [OVERRIDE]: OVERRIDES }, { main: [MAIN, OVERRIDE] });

test('scalars are replaced and point at the file that supplied the winning value', () => {
  const api = service(merged(), 'api');
  assert.deepEqual(api.image, { value: 'api:2', at: at(3, 12, OVERRIDE), path: 'services.api.image' });
  assert.deepEqual(api.command, { value: ['serve'], at: at(4, 14, OVERRIDE), path: 'services.api.command' });
  assert.deepEqual(api.at, at(2, 3));
});

test('ports are appended and de-duplicated; volumes merge by target', () => {
  const api = service(merged(), 'api');
  assert.deepEqual(
    api.ports.map((p) => [p.published, p.target, p.at.file, p.at.line]),
    [
      [80, 80, OVERRIDE, 6],
      [9090, 9090, MAIN, 7],
      [443, 443, OVERRIDE, 7],
    ],
  );
  assert.deepEqual(api.volumes, [
    { type: 'bind', source: './other', target: '/data', readOnly: true, at: at(9, 9, OVERRIDE), path: 'services.api.volumes[0]' },
    { type: 'volume', source: 'cache', target: '/cache', readOnly: false, at: at(10, 9), path: 'services.api.volumes[1]' },
  ]);
});

test('environment merges by key across list and mapping syntax; depends_on merges by service', () => {
  const api = service(merged(), 'api');
  assert.deepEqual(
    api.environment.map((v) => [v.name, v.value, v.at]),
    [
      ['KEEP', '1', at(13, 9)],
      ['LOG_LEVEL', 'debug', at(11, 7, OVERRIDE)],
    ],
  );
  assert.deepEqual(api.dependsOn, [{ service: 'db', condition: 'service_healthy', at: at(14, 20, OVERRIDE) }]);
});

test('build: a context string merges with the long form; !override replaces; x-* values are replaced whole', () => {
  const api = service(merged(), 'api');
  assert.equal(api.build?.context, './api');
  assert.equal(api.build?.dockerfile, 'Dockerfile.dev');
  assert.deepEqual(rawToValue(findRawNode(api.raw, 'labels') ?? api.raw), { b: '2' });
  assert.deepEqual(rawToValue(api.extensions.get('x-ecsform') ?? api.raw), { cpu: 512 });
});

test('!reset removes a value; healthcheck.test is replaced while other healthcheck keys merge', () => {
  const db = service(merged(), 'db');
  assert.deepEqual(db.ports, []);
  assert.equal(findRawNode(db.raw, 'ports'), undefined);
  assert.deepEqual(db.healthcheck?.test, ['CMD-SHELL', 'pg_isready -U app']);
  assert.equal(db.healthcheck?.intervalSeconds, 10);
});

test('three files merge in order and every one is listed', () => {
  const third = '/proj/compose.prod.yaml';
  const result = load({ [MAIN]: BASE, [OVERRIDE]: OVERRIDES, [third]: yaml('services:', '  api:', '    image: api:3') }, { main: [MAIN, OVERRIDE, third] });
  assert.equal(service(result, 'api').image?.value, 'api:3');
  assert.deepEqual(result.project.files, [MAIN, OVERRIDE, third]);
});

test('values of incompatible types cannot be merged', () => {
  const findings = loadErrors({ [MAIN]: BASE, [OVERRIDE]: yaml('services:', '  api:', '    volumes:', '      data: /data') }, { main: [MAIN, OVERRIDE] });
  expectFinding(findings, {
    code: 'COMPOSE_MERGE_CONFLICT',
    message: 'Cannot merge services.api.volumes: it is a list in /proj/compose.yaml:9 and a mapping here.',
    file: OVERRIDE,
    line: 4,
    column: 7,
    path: 'services.api.volumes',
    hint: /!override/,
  });
});

test('a null in a later file keeps the earlier value; a service only in the later file is added', () => {
  const result = load({ [MAIN]: BASE, [OVERRIDE]: yaml('services:', '  api:', '    image:', '  cache:', '    image: redis') }, { main: [MAIN, OVERRIDE] });
  assert.equal(service(result, 'api').image?.value, 'api:1');
  assert.deepEqual(
    result.project.services.map((s) => s.name),
    ['api', 'cache', 'db'],
  );
});

test('sysctls and extra_hosts merge by key, expose de-duplicates, secrets merge by target', () => {
  const base = yaml(
    'services:', // 1
    '  api:', // 2
    '    image: api', // 3
    '    sysctls: {net.core.somaxconn: 1024, kernel.msgmax: 65536}', // 4
    '    extra_hosts: {db.local: 10.0.0.1}', // 5
    '    expose: [3000]', // 6
    '    secrets: [token]', // 7
    'secrets:', // 8
    '  token: {file: token.txt}', // 9
    '  other: {file: other.txt}', // 10
  );
  const override = yaml(
    'services:', // 1
    '  api:', // 2
    '    sysctls: ["net.core.somaxconn=2048"]', // 3
    '    extra_hosts: {db.local: 10.0.0.2, cache.local: 10.0.0.3}', // 4
    '    expose: ["3000", 4000]', // 5
    '    secrets:', // 6
    '      - source: other', // 7
    '        target: /run/secrets/token', // 8
  );
  const api = service(load({ [MAIN]: base, [OVERRIDE]: override }, { main: [MAIN, OVERRIDE] }), 'api');
  const sysctls = findRawNode(api.raw, 'sysctls');
  assert.deepEqual(sysctls && rawToValue(sysctls), ['net.core.somaxconn=2048', 'kernel.msgmax=65536']);
  assert.deepEqual(sysctls?.kind === 'seq' ? sysctls.items.map((i) => i.at) : [], [at(3, 15, OVERRIDE), at(4, 41)]);
  assert.deepEqual(rawToValue(findRawNode(api.raw, 'extra_hosts') ?? api.raw), { 'db.local': '10.0.0.2', 'cache.local': '10.0.0.3' });
  assert.deepEqual(
    api.expose.map((p) => [p.value, p.at.file]),
    [
      [3000, OVERRIDE],
      [4000, OVERRIDE],
    ],
  );
  assert.deepEqual(api.secrets, [{ source: 'other', target: '/run/secrets/token', at: at(7, 9, OVERRIDE), path: 'services.api.secrets[0]' }]);
});
