import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isInputError } from '../../src/diagnostics/errors.js';
import { COMPOSE_FINDING_CODES, loadCompose, type LoadResult } from '../../src/load/compose/index.js';
import { sharedRoot } from '../helpers/paths.js';

const CORPUS = join(sharedRoot, 'corpus', 'compose');
const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

function loadCorpus(name: string): LoadResult {
  const path = `/corpus/${name.replace(/\.yaml$/, '')}/compose.yaml`;
  return loadCompose({ files: [{ path, text: readFileSync(join(CORPUS, name), 'utf8') }], readFile: () => undefined, env: {} });
}

test('the corpus holds the 20 awesome-compose files', () => {
  assert.equal(files.length, 20);
});

for (const name of files) {
  test(`corpus: ${name} loads with an empty environment`, () => {
    let result: LoadResult;
    try {
      result = loadCorpus(name);
    } catch (error) {
      assert.ok(isInputError(error), `only InputError may be thrown, got ${String(error)}`);
      assert.fail(`unexpected input errors: ${JSON.stringify(error.findings, null, 1)}`);
    }
    assert.ok(result.project.services.length > 0);
    for (const finding of result.findings) {
      assert.ok(finding.code in COMPOSE_FINDING_CODES, finding.code);
      assert.equal(finding.code, 'COMPOSE_VAR_UNSET', `${name}: ${finding.message}`);
    }
  });
}

test('corpus: pihole references unset variables and gets one warning per variable', () => {
  const { project, findings } = loadCorpus('pihole-cloudflared-DoH.yaml');
  assert.deepEqual(
    findings.map((f) => [f.message, f.line]),
    [
      ['The "TIMEZONE" variable is not set. Defaulting to a blank string.', 10],
      ['The "PIHOLE_PW" variable is not set. Defaulting to a blank string.', 30],
      ['The "PIHOLE_ROUTER_IP" variable is not set. Defaulting to a blank string.', 32],
      ['The "PIHOLE_NETWORK_DOMAIN" variable is not set. Defaulting to a blank string.', 33],
      ['The "PIHOLE_REVERSE_DNS" variable is not set. Defaulting to a blank string.', 34],
      ['The "PIHOLE_HOST_IP" variable is not set. Defaulting to a blank string.', 35],
      ['The "PIHOLE_HOST_IPV6" variable is not set. Defaulting to a blank string.', 36],
    ],
  );
  const pihole = project.services.find((s) => s.name === 'pihole');
  assert.deepEqual(
    pihole?.ports.map((p) => `${p.published}:${p.target}/${p.protocol}`),
    ['53:53/tcp', '53:53/udp', '67:67/udp', '8080:80/tcp', '8443:443/tcp'],
  );
  const tz = pihole?.environment.find((v) => v.name === 'TZ');
  assert.deepEqual([tz?.value, tz?.interpolated], ['', ['TIMEZONE']]);
  assert.equal(pihole?.environment.find((v) => v.name === 'PIHOLE_DNS_')?.value, '172.20.0.2#5054;1.1.1.1');
  assert.deepEqual(pihole?.dependsOn.map((d) => d.service), ['cloudflared']);
});

test('corpus: exact services, images and key settings of a few projects', () => {
  const golang = loadCorpus('nginx-golang-postgres.yaml').project;
  assert.equal(golang.name, 'nginx-golang-postgres');
  assert.deepEqual(
    golang.services.map((s) => [s.name, s.image?.value ?? `build:${s.build?.context}`]),
    [
      ['backend', 'build:backend'],
      ['db', 'postgres'],
      ['proxy', 'nginx'],
    ],
  );
  const db = golang.services.find((s) => s.name === 'db');
  assert.deepEqual(db?.healthcheck && { test: db.healthcheck.test, interval: db.healthcheck.intervalSeconds, timeout: db.healthcheck.timeoutSeconds, retries: db.healthcheck.retries }, {
    test: ['CMD', 'pg_isready'],
    interval: 10,
    timeout: 5,
    retries: 5,
  });
  assert.deepEqual(golang.secrets, [{ name: 'db-password', at: { file: '/corpus/nginx-golang-postgres/compose.yaml', line: 47, column: 3 }, source: { kind: 'file', file: 'db/password.txt' } }]);

  const mysql = loadCorpus('nginx-flask-mysql.yaml').project;
  const mariadb = mysql.services.find((s) => s.name === 'db');
  assert.deepEqual(mariadb?.command?.value, ['--default-authentication-plugin=mysql_native_password']);
  assert.deepEqual(mariadb?.healthcheck?.test, ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 --password="$(cat /run/secrets/db-password)" --silent']);
  assert.deepEqual(
    mariadb?.expose.map((p) => p.value),
    [3306, 33060],
  );
  assert.deepEqual(
    mysql.services.find((s) => s.name === 'backend')?.dependsOn.map((d) => [d.service, d.condition]),
    [['db', 'service_healthy']],
  );

  const elk = loadCorpus('elasticsearch-logstash-kibana.yaml').project;
  assert.deepEqual(
    elk.services.map((s) => s.name),
    ['elasticsearch', 'kibana', 'logstash'],
  );
  assert.deepEqual(elk.services.find((s) => s.name === 'logstash')?.command?.value, ['logstash', '-f', '/usr/share/logstash/pipeline/logstash-nginx.config']);

  const react = loadCorpus('react-express-mysql.yaml').project;
  const backend = react.services.find((s) => s.name === 'backend');
  assert.deepEqual(backend?.build?.args, [{ name: 'NODE_ENV', value: 'development' }]);
  assert.deepEqual(
    backend?.volumes.map((v) => `${v.type}:${'source' in v ? v.source : ''}:${v.target}:${'readOnly' in v ? v.readOnly : ''}`),
    ['bind:./backend/src:/code/src:true', 'bind:./backend/package.json:/code/package.json:false', 'bind:./backend/package-lock.json:/code/package-lock.json:false', 'volume:back-notused:/opt/app/node_modules:false'],
  );
});
