import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRawNode, rawToValue } from '../../src/load/compose/index.js';
import { at, expectFinding, load, loadErrors, service, yaml } from './harness.js';

test('healthcheck: string test becomes CMD-SHELL, durations become seconds, disable', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    healthcheck:', // 4
      '      test: curl -f http://localhost || exit 1', // 5
      '      interval: 1m30s', // 6
      '      timeout: 500ms', // 7
      '      retries: "5"', // 8
      '      start_period: 1.5h', // 9
      '  db:', // 10
      '    image: db', // 11
      '    healthcheck:', // 12
      '      disable: true', // 13
      '  cache:', // 14
      '    image: cache', // 15
      '    healthcheck:', // 16
      '      test: ["NONE"]', // 17
    ),
  );
  assert.deepEqual(service(result, 'api').healthcheck, {
    at: at(5, 7),
    path: 'services.api.healthcheck',
    test: ['CMD-SHELL', 'curl -f http://localhost || exit 1'],
    disable: false,
    intervalSeconds: 90,
    timeoutSeconds: 0.5,
    retries: 5,
    startPeriodSeconds: 5400,
  });
  assert.deepEqual(service(result, 'db').healthcheck, { at: at(13, 7), path: 'services.db.healthcheck', disable: true });
  assert.equal(service(result, 'cache').healthcheck?.disable, true);
});

test('invalid durations, a bare number as a duration and non-numeric retries are errors', () => {
  const findings = loadErrors(yaml('services:', '  api:', '    image: api', '    healthcheck:', '      interval: 10 seconds', '      timeout: 30', '      retries: many'));
  expectFinding(findings, { code: 'COMPOSE_DURATION_INVALID', message: 'services.api.healthcheck.interval: "10 seconds" is not a duration.', line: 5, column: 17, hint: /1m30s/ });
  expectFinding(findings, { code: 'COMPOSE_DURATION_INVALID', message: 'services.api.healthcheck.timeout: 30 has no unit.', line: 6, column: 16 });
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.api.healthcheck.retries must be a whole number of at least 0, not the string "many".', line: 7, column: 16 });
});

test('deploy: replicas, CPU limits and reservations, memory in MiB from every unit Compose accepts', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    deploy:', // 4
      '      replicas: 2', // 5
      '      resources:', // 6
      '        limits:', // 7
      '          cpus: "0.5"', // 8
      '          memory: 512M', // 9
      '        reservations:', // 10
      '          cpus: 0.25', // 11
      '          memory: 1GiB', // 12
    ),
  );
  assert.deepEqual(service(result, 'api').deploy, {
    at: at(5, 7),
    path: 'services.api.deploy',
    replicas: { value: 2, at: at(5, 17), path: 'services.api.deploy.replicas' },
    limitCpus: { value: 0.5, at: at(8, 17), path: 'services.api.deploy.resources.limits.cpus' },
    limitMemoryMiB: { value: 512, at: at(9, 19), path: 'services.api.deploy.resources.limits.memory' },
    reservationCpus: { value: 0.25, at: at(11, 17), path: 'services.api.deploy.resources.reservations.cpus' },
    reservationMemoryMiB: { value: 1024, at: at(12, 19), path: 'services.api.deploy.resources.reservations.memory' },
  });
});

test('invalid cpus, memory and replicas are errors with position and hint', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    deploy:', // 4
      '      replicas: -1', // 5
      '      resources:', // 6
      '        limits:', // 7
      '          cpus: lots', // 8
      '          memory: 2 bananas', // 9
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.api.deploy.replicas must be a whole number of at least 0, not the number -1.', line: 5, column: 17 });
  expectFinding(findings, { code: 'COMPOSE_CPUS_INVALID', message: 'services.api.deploy.resources.limits.cpus: "lots" is not a number of CPUs.', line: 8, column: 17, hint: /0\.5/ });
  expectFinding(findings, { code: 'COMPOSE_MEMORY_INVALID', message: 'services.api.deploy.resources.limits.memory: "2 bananas" is not a memory size.', line: 9, column: 19, hint: /512M/ });
});

test('build: context string or long form with dockerfile, target, args (map or list) and platforms', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    build: ./api', // 3
      '  web:', // 4
      '    build:', // 5
      '      context: web', // 6
      '      dockerfile: Dockerfile.prod', // 7
      '      target: runtime', // 8
      '      args:', // 9
      '        - NODE_ENV=production', // 10
      '        - NPM_TOKEN', // 11
      '      platforms: [linux/amd64, linux/arm64]', // 12
      '  remote:', // 13
      '    build:', // 14
      '      args: {B: 2, A: "1"}', // 15
      '  git:', // 16
      '    build: https://github.com/docker/app.git#main', // 17
    ),
    { env: { NPM_TOKEN: 'secret' } },
  );
  assert.deepEqual(service(result, 'api').build, { at: at(3, 12), path: 'services.api.build', context: './api', args: [], platforms: [] });
  assert.deepEqual(service(result, 'web').build, {
    at: at(6, 7),
    path: 'services.web.build',
    context: 'web',
    dockerfile: 'Dockerfile.prod',
    target: 'runtime',
    args: [
      { name: 'NODE_ENV', value: 'production' },
      { name: 'NPM_TOKEN', value: 'secret' },
    ],
    platforms: ['linux/amd64', 'linux/arm64'],
  });
  assert.deepEqual(service(result, 'remote').build?.args, [
    { name: 'A', value: '1' },
    { name: 'B', value: '2' },
  ]);
  assert.equal(service(result, 'remote').build?.context, '.');
  assert.equal(service(result, 'git').build?.context, 'https://github.com/docker/app.git#main');
});

test('command and entrypoint: lists kept, strings split like Compose (quotes, escapes)', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      `    command: python -m "my app" --name='it'"s" a\\ b ""`, // 4
      '    entrypoint: ["/bin/sh", "-c"]', // 5
    ),
  );
  const api = service(result, 'api');
  assert.deepEqual(api.command, { value: ['python', '-m', 'my app', "--name=its", 'a b', ''], at: at(4, 14), path: 'services.api.command' });
  assert.deepEqual(api.entrypoint, { value: ['/bin/sh', '-c'], at: at(5, 17), path: 'services.api.entrypoint' });
});

test('a string command with a shell operator is cut as Compose cuts it, with a warning', () => {
  const result = load(yaml('services:', '  api:', '    image: api', '    command: npm run migrate && npm start'));
  const api = service(result, 'api');
  assert.deepEqual(api.command?.value, ['npm', 'run', 'migrate']);
  expectFinding(result.findings, {
    code: 'COMPOSE_COMMAND_TRUNCATED',
    message: 'services.api.command: Compose splits "npm run migrate && npm start" into words and stops at "&", dropping "&& npm start"; the command runs as ["npm","run","migrate"].',
    line: 4,
    column: 14,
    hint: /\["sh", "-c", "npm run migrate && npm start"\]/,
  });
  assert.equal(result.findings[0]?.severity, 'medium');
});

test('an unclosed quote in a string command is an error', () => {
  expectFinding(loadErrors(yaml('services:', '  api:', '    image: api', `    command: echo "unterminated`)), {
    code: 'COMPOSE_COMMAND_INVALID',
    message: 'services.api.command: "echo \\"unterminated" cannot be split into words: a quote or "$(" is not closed.',
    line: 4,
    column: 14,
  });
});

test('user, working_dir, read_only, profiles, secrets and extensions; raw keeps every key, known or not', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    user: 1000', // 4
      '    working_dir: /app', // 5
      '    read_only: "yes"', // 6
      '    secrets:', // 7
      '      - db_password', // 8
      '      - source: api_key', // 9
      '        target: key.txt', // 10
      '      - source: tls', // 11
      '        target: /etc/tls/cert.pem', // 12
      '    x-ecsform: {public: true}', // 13
      '    cap_add: [NET_ADMIN]', // 14
      '    some_future_key: 1', // 15
      'secrets:', // 16
      '  db_password: {file: ./secrets/db.txt}', // 17
      '  api_key: {environment: API_KEY}', // 18
      '  tls: {external: true}', // 19
    ),
  );
  const api = service(result, 'api');
  assert.deepEqual(api.user, { value: '1000', at: at(4, 11), path: 'services.api.user' });
  assert.deepEqual(api.workingDir, { value: '/app', at: at(5, 18), path: 'services.api.working_dir' });
  assert.deepEqual(api.readOnly, { value: true, at: at(6, 16), path: 'services.api.read_only' });
  assert.deepEqual(api.secrets, [
    { source: 'db_password', target: '/run/secrets/db_password', at: at(8, 9), path: 'services.api.secrets[0]' },
    { source: 'api_key', target: '/run/secrets/key.txt', at: at(9, 9), path: 'services.api.secrets[1]' },
    { source: 'tls', target: '/etc/tls/cert.pem', at: at(11, 9), path: 'services.api.secrets[2]' },
  ]);
  assert.deepEqual([...api.extensions.keys()], ['x-ecsform']);
  assert.deepEqual(
    api.raw.entries.map((e) => e.key),
    ['image', 'user', 'working_dir', 'read_only', 'secrets', 'x-ecsform', 'cap_add', 'some_future_key'],
  );
  assert.deepEqual(rawToValue(findRawNode(api.raw, 'cap_add') ?? api.raw), ['NET_ADMIN']);
  assert.deepEqual(result.project.secrets, [
    { name: 'api_key', at: at(18, 3), source: { kind: 'environment', variable: 'API_KEY' } },
    { name: 'db_password', at: at(17, 3), source: { kind: 'file', file: './secrets/db.txt' } },
    { name: 'tls', at: at(19, 3), source: { kind: 'external' } },
  ]);
});

test('undeclared secrets, configs and networks, and a secret without a source, are errors', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    secrets: [missing]', // 4
      '    configs: [{source: nginx_conf}]', // 5
      '    networks: [default, backend]', // 6
      'secrets:', // 7
      '  empty: {}', // 8
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_SECRET_UNDEFINED', message: 'Service "api" uses the secret "missing", which the top-level `secrets:` section does not declare.', line: 4, column: 15, path: 'services.api.secrets[0]' });
  expectFinding(findings, { code: 'COMPOSE_CONFIG_UNDEFINED', line: 5, column: 15, path: 'services.api.configs[0]' });
  expectFinding(findings, { code: 'COMPOSE_NETWORK_UNDEFINED', message: 'uses the network "backend"', line: 6, column: 25, path: 'services.api.networks[1]' });
  expectFinding(findings, { code: 'COMPOSE_RESOURCE_SOURCE_MISSING', message: 'secrets.empty declares none of file, environment or external, so it has no value.', line: 8, column: 3 });
});

test('wrong types in normalised keys are errors naming the expected type', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: [not, a, string]', // 3
      '    read_only: sometimes', // 4
      '    healthcheck: curl', // 5
      '    build: [a]', // 6
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.api.image must be a string, not a list.', line: 3, column: 12 });
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.api.read_only must be true or false, not the string "sometimes".', line: 4, column: 16 });
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.api.healthcheck must be a mapping, not the string "curl".', line: 5, column: 18 });
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.api.build must be a context path or a mapping with `context`, not a list.', line: 6, column: 12 });
});
