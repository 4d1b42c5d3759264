import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHighEntropy, secretNameMatch, secretValueMatch, urlHasPassword } from '../../src/model/secret-patterns.js';

test('names with a secret word are secrets; look-alikes are not', () => {
  for (const name of ['DB_PASSWORD', 'POSTGRES_PASSWORD', 'DB_PASSWD', 'DB_PASS', 'API_KEY', 'apiKey', 'STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'OAUTH_CLIENT_SECRET', 'KEY', 'SENTRY_DSN', 'GOOGLE_CREDENTIALS', 'WEBHOOK_SIGNING_SECRET', 'JWT_KEY']) {
    assert.ok(secretNameMatch(name), `${name} should be a secret`);
  }
  for (const name of ['KEYCLOAK_URL', 'KEY_PREFIX', 'PASSENGER_COUNT', 'DB_HOST', 'DB_USER', 'TOKEN_TYPE', 'VERSION_TOKEN', 'DB_PASSWORD_FILE', 'MYSQL_ROOT_PASSWORD_FILE', 'SECRET_ARN', 'LOG_LEVEL', 'PUBLIC_URL', 'MONKEY_BUSINESS']) {
    assert.equal(secretNameMatch(name), undefined, `${name} should not be a secret`);
  }
});

test('values that carry credentials are secrets whatever the name', () => {
  assert.equal(secretValueMatch('postgres://iot:s3cret@db:5432/iot'), 'url-credentials');
  assert.equal(secretValueMatch('https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX'), 'known-token');
  assert.equal(secretValueMatch('AKIAIOSFODNN7EXAMPLE'), 'known-token');
  assert.equal(secretValueMatch('-----BEGIN RSA PRIVATE KEY-----\nabc'), 'private-key');
  assert.equal(secretValueMatch('q8Z!x3@LmP0r#Tv9$Yw2&Kd'), 'high-entropy');
  assert.equal(secretValueMatch('postgres://db:5432/iot'), undefined, 'a URL without a password is plain');
  assert.equal(secretValueMatch('postgres://user@db:5432/iot'), undefined);
  assert.equal(secretValueMatch('http://keycloak:8080/auth/realms/iot'), undefined);
});

test('high entropy ignores long but regular strings', () => {
  assert.equal(isHighEntropy('org.postgresql.Driver.Something.Long'), false);
  assert.equal(isHighEntropy('/usr/share/logstash/pipeline/logstash.conf'), false);
  assert.equal(isHighEntropy('-Xms512m -Xmx512m'), false);
  assert.equal(isHighEntropy('jdbc:postgresql://keycloak-db:5432/keycloak'), false, 'a JDBC URL is not a random token');
  assert.equal(isHighEntropy('aaaaaaaaaaaaaaaaaaaaaaaa'), false);
  assert.equal(urlHasPassword('amqp://guest:guest@rabbit:5672'), true);
});
