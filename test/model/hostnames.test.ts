import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findHostReferences } from '../../src/model/hostnames.js';

const hosts = new Set(['keycloak', 'mqtt', 'db', 'kafka', 'kafka2', 'timescaledb']);
const found = (value: string) => findHostReferences(value, hosts).map((r) => `${r.host}@${r.start}${r.port ? `:${r.port}` : ''}`);

test('hosts inside URLs are found, paths are not', () => {
  assert.deepEqual(found('http://keycloak:8080/auth/realms/keycloak'), ['keycloak@7:8080']);
  assert.deepEqual(found('postgresql://iot:pw@timescaledb:5432/iot'), ['timescaledb@20:5432']);
  assert.deepEqual(found('jdbc:postgresql://db/keycloak'), ['db@18']);
  assert.deepEqual(found('mongodb://db:27017,kafka:1/x'), ['db@10:27017', 'kafka@19:1']);
});

test('bare hosts and host lists are found', () => {
  assert.deepEqual(found('mqtt'), ['mqtt@0']);
  assert.deepEqual(found('db:5432'), ['db@0:5432']);
  assert.deepEqual(found('kafka:9092,kafka2:9092'), ['kafka@0:9092', 'kafka2@11:9092']);
});

test('words that merely contain a service name are not hosts', () => {
  assert.deepEqual(found('mqtt.example.com'), []);
  assert.deepEqual(found('use the db please'), []);
  assert.deepEqual(found('keycloak-admin'), []);
  assert.deepEqual(found('https://example.com/db'), []);
});

test('a bare word is a host only when the variable name says it holds an address', () => {
  const named = (name: string, value: string) => findHostReferences(value, hosts, name).map((r) => r.host);
  assert.deepEqual(named('DB_HOST', 'db'), ['db']);
  assert.deepEqual(named('KAFKA_BROKERS', 'kafka:9092'), ['kafka']);
  assert.deepEqual(named('POSTGRES_DB', 'db'), [], 'a database name that happens to equal a service name');
  assert.deepEqual(named('MODE', 'mqtt'), []);
  assert.deepEqual(named('UPSTREAM', 'keycloak'), ['keycloak']);
  assert.deepEqual(named('ANYTHING', 'db:5432'), ['db'], 'host:port is an address whatever the name');
  assert.deepEqual(named('CALLBACK', 'http://keycloak:8080/auth'), ['keycloak'], 'so is a URL');
});
