import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, expectFinding, fixture, load, loadErrors, service, yaml } from './harness.js';

const BASE = '/proj/common/base.yaml';

test('extends from another file: recursive, merged by the Compose rules, paths relative to the declaring file', () => {
  const result = load(fixture('extends'));
  const web = service(result, 'web');
  assert.deepEqual(web.image, { value: 'app:1', at: at(3, 12, BASE), path: 'services.web.image' });
  assert.equal(web.build?.context, 'common/app');
  assert.deepEqual(web.volumes, [{ type: 'bind', source: 'common/static', target: '/static', readOnly: true, at: at(10, 9, BASE), path: 'services.web.volumes[0]' }]);
  assert.deepEqual(
    web.environment.map((v) => [v.name, v.value, v.at.file, v.at.line]),
    [
      ['FROM_FILE', '1', '/proj/common/app.env', 1],
      ['LOG_LEVEL', 'info', BASE, 5],
      ['ROLE', 'web', '/proj/compose.yaml', 7],
    ],
  );
  assert.deepEqual(
    web.ports.map((p) => [p.published, p.target]),
    [[8080, 80]],
  );
  assert.equal(web.raw.entries.some((e) => e.key === 'extends'), false);
  assert.deepEqual(result.project.files, ['/proj/compose.yaml', BASE]);
});

test('extends by name within the same file, with !reset dropping an inherited value', () => {
  const worker = service(load(fixture('extends')), 'worker');
  assert.equal(worker.image?.value, 'app:1');
  assert.deepEqual(worker.command?.value, ['worker', '--queue', 'default']);
  assert.deepEqual(worker.ports, []);
  assert.deepEqual(
    worker.environment.map((v) => v.name),
    ['FROM_FILE', 'LOG_LEVEL', 'ROLE'],
  );
});

test('an extends loop is an error naming the chain', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  a:', // 2
      '    image: a', // 3
      '    extends: b', // 4
      '  b:', // 5
      '    extends:', // 6
      '      service: c', // 7
      '  c:', // 8
      '    extends: a', // 9
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_EXTENDS_CYCLE', message: 'Service "a" extends itself: a → b → c → a.', line: 4, column: 14, path: 'services.a.extends' });
});

test('extending an unknown service or a missing file is an error at the extends entry', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  a:', // 2
      '    extends: nope', // 3
      '  b:', // 4
      '    extends:', // 5
      '      service: base', // 6
      '      file: ../shared/missing.yaml', // 7
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_EXTENDS_SERVICE_MISSING', message: 'Service "a" extends "nope", which is not defined in this file.', line: 3, column: 14, path: 'services.a.extends' });
  expectFinding(findings, { code: 'COMPOSE_EXTENDS_FILE_MISSING', message: 'extends.file "../shared/missing.yaml" not found (looked for /shared/missing.yaml).', line: 7, column: 13 });
  expectFinding(loadErrors(yaml('services:', '  a:', '    extends: {file: other.yaml}')), { code: 'COMPOSE_FIELD_MISSING', message: 'services.a.extends has no `service`.', line: 3, column: 14 });
});
