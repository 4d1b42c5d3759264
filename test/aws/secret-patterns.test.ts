import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConnectionStringName, isHighEntropy, secretNameMatch, secretValueMatch, urlHasPassword } from '../../src/aws/secret-patterns.js';

test('names with a secret word are secrets; look-alikes are not', () => {
  for (const name of ['DB_PASSWORD', 'POSTGRES_PASSWORD', 'DB_PASSWD', 'DB_PASS', 'API_KEY', 'apiKey', 'STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'OAUTH_CLIENT_SECRET', 'KEY', 'SENTRY_DSN', 'GOOGLE_CREDENTIALS', 'WEBHOOK_SIGNING_SECRET', 'JWT_KEY']) {
    assert.ok(secretNameMatch(name), `${name} should be a secret`);
  }
  for (const name of ['KEYCLOAK_URL', 'KEY_PREFIX', 'PASSENGER_COUNT', 'DB_HOST', 'DB_USER', 'TOKEN_TYPE', 'VERSION_TOKEN', 'DB_PASSWORD_FILE', 'MYSQL_ROOT_PASSWORD_FILE', 'SECRET_ARN', 'LOG_LEVEL', 'PUBLIC_URL', 'MONKEY_BUSINESS']) {
    assert.equal(secretNameMatch(name), undefined, `${name} should not be a secret`);
  }
});

test('run-together secret words and keys named by what they unlock are secrets', () => {
  for (const name of ['PGPASSWORD', 'MYSQLPASSWORD', 'CLIENTSECRET', 'AUTHTOKEN', 'STRIPE_KEY', 'SSH_KEY', 'DEPLOY_KEY', 'VAPID_PRIVATE_KEY', 'SENDGRID_API_KEY_ID_SECRET']) {
    assert.ok(secretNameMatch(name), `${name} should be a secret`);
  }
});

test('settings about a secret, switches and non-secret keys are not secrets', () => {
  for (const name of ['PRIVATE_SUBNET', 'PRIVATE_NETWORK', 'PASSWORD_MIN_LENGTH', 'TOKEN_TTL', 'JWT_SECRET_EXPIRY', 'SESSION_TOKEN_TIMEOUT_SECONDS', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD', 'PASSWORD_RESET_URL', 'TOKEN_ENDPOINT', 'AUTH_TOKEN_ENABLED', 'CACHE_KEY', 'SORT_KEY', 'PARTITION_KEY', 'PUBLIC_KEY', 'VAPID_PUBLIC_KEY', 'S3_KEY', 'OBJECT_KEY']) {
    assert.equal(secretNameMatch(name), undefined, `${name} should not be a secret`);
  }
});

test('a switch value is not a secret whatever the name; a numeric password still is', () => {
  assert.equal(secretNameMatch('REQUIRE_PASSWORD_SECRET', 'true'), undefined);
  assert.equal(secretNameMatch('DB_PASSWORD', 'no'), undefined);
  assert.equal(secretNameMatch('DB_PASSWORD', '123456'), 'password');
  assert.equal(secretNameMatch('DB_PASSWORD', ''), 'password', 'an empty password is a secret to fill in');
});

test('connection strings to data stores are recognised by name', () => {
  for (const name of ['DATABASE_URL', 'DB_URL', 'MONGO_URI', 'MONGODB_URI', 'REDIS_URL', 'CONNECTION_STRING', 'ConnectionString', 'TIMESCALE_URL']) {
    assert.ok(isConnectionStringName(name), `${name} is a connection string`);
  }
  for (const name of ['PUBLIC_URL', 'REDIRECT_URI', 'API_URL', 'DATABASE_NAME', 'KEYCLOAK_URL']) {
    assert.equal(isConnectionStringName(name), false, `${name} is not a connection string`);
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
  assert.equal(urlHasPassword('redis://:s3cret@cache:6379/0'), true, 'a password without a user name');
  assert.equal(urlHasPassword('redis://cache:6379/0'), false);
});

test('keys meant for the browser are not secrets; keys that unlock storage are', () => {
  for (const name of ['STRIPE_PUBLISHABLE_KEY', 'SUPABASE_ANON_KEY', 'NEXT_PUBLIC_API_KEY', 'VITE_FIREBASE_API_KEY', 'REACT_APP_MAPS_KEY', 'TOKEN_EXPIRES_IN']) {
    assert.equal(secretNameMatch(name), undefined, `${name} should not be a secret`);
  }
  assert.ok(secretNameMatch('AZURE_STORAGE_KEY'));
});
