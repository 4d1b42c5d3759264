import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, expectFinding, fixture, load, loadErrors, service, yaml } from './harness.js';

test('include: sub-projects with their own directory and env files, resources imported', () => {
  const result = load(fixture('include'));
  const api = service(result, 'api');
  assert.deepEqual(api.image, { value: 'api:from-include-env', at: at(3, 12, '/proj/backend/compose.yaml'), path: 'services.api.image' });
  assert.equal(api.build?.context, 'backend');
  assert.deepEqual(
    api.environment.map((v) => [v.name, v.value, v.at.file]),
    [['API_KEY', 'k', '/proj/backend/api.env']],
  );
  const web = service(result, 'web');
  assert.equal(web.image?.value, 'web:from-frontend-dotenv');
  assert.equal(web.build?.context, 'frontend/src');
  assert.deepEqual(
    service(result, 'proxy').dependsOn.map((d) => d.service),
    ['api', 'web'],
  );
  assert.deepEqual(result.project.secrets, [{ name: 'db_password', at: at(8, 3, '/proj/backend/compose.yaml'), source: { kind: 'file', file: 'backend/secrets/db_password.txt' } }]);
  assert.deepEqual(result.project.files, ['/proj/compose.yaml', '/proj/backend/compose.yaml', '/proj/frontend/compose.yaml']);
  assert.deepEqual(result.findings, []);
});

test("the including project's environment wins over the include's env files", () => {
  const result = load(fixture('include'), { env: { API_TAG: 'from-process', WEB_TAG: 'also-from-process' } });
  assert.equal(service(result, 'api').image?.value, 'api:from-process');
  assert.equal(service(result, 'web').image?.value, 'web:also-from-process');
});

test('a service defined both locally and by an include is an error, unless identical', () => {
  const files = {
    ...fixture('include'),
    '/proj/compose.yaml': yaml(
      'include:', // 1
      '  - frontend/compose.yaml', // 2
      'services:', // 3
      '  web:', // 4
      '    image: nginx', // 5
    ),
  };
  expectFinding(loadErrors(files), {
    code: 'COMPOSE_INCLUDE_CONFLICT',
    message: 'services.web is defined here and, differently, in the included file /proj/frontend/compose.yaml:2.',
    line: 4,
    column: 3,
    path: 'services.web',
  });
  const identical = {
    '/proj/compose.yaml': yaml('include: [lib.yaml]', 'services:', '  web:', '    image: nginx', 'volumes:', '  data: {}'),
    '/proj/lib.yaml': yaml('services:', '  web:', '    image: nginx', 'volumes:', '  data: {}'),
  };
  assert.deepEqual(
    load(identical).project.services.map((s) => s.name),
    ['web'],
  );
});

test('a missing included file and an include loop are errors at the include entry', () => {
  expectFinding(loadErrors(yaml('include:', '  - path: missing/compose.yaml', 'services: {}')), {
    code: 'COMPOSE_INCLUDE_FILE_MISSING',
    message: 'Included file "missing/compose.yaml" not found (looked for /proj/missing/compose.yaml).',
    line: 2,
    column: 5,
    path: 'include[0]',
  });
  const loop = {
    '/proj/compose.yaml': yaml('include: [a.yaml]', 'services: {}'),
    '/proj/a.yaml': yaml('include: [b.yaml]', 'services: {}'),
    '/proj/b.yaml': yaml('include: [a.yaml]', 'services: {}'),
  };
  expectFinding(loadErrors(loop), {
    code: 'COMPOSE_INCLUDE_CYCLE',
    message: 'Including "a.yaml" creates a loop: /proj/compose.yaml → /proj/a.yaml → /proj/b.yaml → /proj/a.yaml.',
    file: '/proj/b.yaml',
    line: 1,
    column: 11,
  });
});

test('include long syntax: several paths merged, project_directory, a missing env_file', () => {
  const files = {
    '/proj/compose.yaml': yaml('include:', '  - path: [lib/a.yaml, lib/b.yaml]', '    project_directory: lib/root', 'services: {}'),
    '/proj/lib/a.yaml': yaml('services:', '  svc:', '    image: a', '    build: ./ctx'),
    '/proj/lib/b.yaml': yaml('services:', '  svc:', '    image: b'),
  };
  const svc = service(load(files), 'svc');
  assert.equal(svc.image?.value, 'b');
  assert.equal(svc.build?.context, 'lib/root/ctx');
  expectFinding(loadErrors(yaml('include:', '  - path: lib.yaml', '    env_file: missing.env', 'services: {}')), {
    code: 'COMPOSE_ENV_FILE_MISSING',
    message: 'Env file "missing.env" of the include not found',
    line: 3,
    column: 15,
  });
});
