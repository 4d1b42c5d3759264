import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, expectFinding, load, loadErrors, service, yaml } from './harness.js';

test('short syntax: relative and absolute binds, named and anonymous volumes, modes', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    volumes:', // 4
      '      - ./src:/app/src:ro', // 5
      '      - /var/run/docker.sock:/var/run/docker.sock', // 6
      '      - data:/var/lib/data:rw,z', // 7
      '      - /cache', // 8
      '      - ~/.aws:/root/.aws:ro', // 9
      '      - .:/code', // 10
      'volumes:', // 11
      '  data: {}', // 12
    ),
  );
  assert.deepEqual(service(result, 'api').volumes, [
    { type: 'bind', source: './src', target: '/app/src', readOnly: true, at: at(5, 9), path: 'services.api.volumes[0]' },
    { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false, at: at(6, 9), path: 'services.api.volumes[1]' },
    { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false, at: at(7, 9), path: 'services.api.volumes[2]' },
    { type: 'volume', target: '/cache', readOnly: false, at: at(8, 9), path: 'services.api.volumes[3]' },
    { type: 'bind', source: '~/.aws', target: '/root/.aws', readOnly: true, at: at(9, 9), path: 'services.api.volumes[4]' },
    { type: 'bind', source: '.', target: '/code', readOnly: false, at: at(10, 9), path: 'services.api.volumes[5]' },
  ]);
});

test('long syntax: volume, bind with read_only, tmpfs, image', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    volumes:', // 4
      '      - type: volume', // 5
      '        source: data', // 6
      '        target: /data', // 7
      '      - type: bind', // 8
      '        source: ./conf/nginx.conf', // 9
      '        target: /etc/nginx/nginx.conf', // 10
      '        read_only: true', // 11
      '      - {type: tmpfs, target: /tmp}', // 12
      '      - {type: image, source: "alpine:3", target: /mnt}', // 13
      '      - {type: volume, target: /anonymous}', // 14
      'volumes:', // 15
      '  data:', // 16
    ),
  );
  assert.deepEqual(service(result, 'api').volumes, [
    { type: 'volume', source: 'data', target: '/data', readOnly: false, at: at(5, 9), path: 'services.api.volumes[0]' },
    { type: 'bind', source: './conf/nginx.conf', target: '/etc/nginx/nginx.conf', readOnly: true, at: at(8, 9), path: 'services.api.volumes[1]' },
    { type: 'tmpfs', target: '/tmp', at: at(12, 9), path: 'services.api.volumes[2]' },
    { type: 'image', source: 'alpine:3', target: '/mnt', at: at(13, 9), path: 'services.api.volumes[3]' },
    { type: 'volume', target: '/anonymous', readOnly: false, at: at(14, 9), path: 'services.api.volumes[4]' },
  ]);
});

test('invalid volumes, missing fields and undeclared named volumes are errors', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    volumes:', // 4
      '      - "data::/b"', // 5
      '      - "./a:/b:ro:extra"', // 6
      '      - {type: bind, target: /x}', // 7
      '      - {type: nfs, source: s, target: /y}', // 8
      '      - {source: s, target: /z}', // 9
      '      - undeclared:/data', // 10
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_VOLUME_INVALID', message: 'services.api.volumes[0]: "data::/b" is not a valid volume: it has an empty section between colons.', line: 5, column: 9, hint: /SOURCE:TARGET/ });
  expectFinding(findings, { code: 'COMPOSE_VOLUME_INVALID', message: 'it has too many colons', path: 'services.api.volumes[1]' });
  expectFinding(findings, { code: 'COMPOSE_FIELD_MISSING', message: 'services.api.volumes[2] has no `source`: a bind mount needs the host path.', line: 7, column: 9 });
  expectFinding(findings, { code: 'COMPOSE_VOLUME_INVALID', message: 'services.api.volumes[3].type: "nfs" is not a mount type.', line: 8, column: 16 });
  expectFinding(findings, { code: 'COMPOSE_FIELD_MISSING', message: 'services.api.volumes[4] has no `type`', line: 9, column: 9 });
  expectFinding(findings, {
    code: 'COMPOSE_VOLUME_UNDEFINED',
    message: 'Service "api" uses the named volume "undeclared", which the top-level `volumes:` section does not declare.',
    line: 10,
    column: 9,
    path: 'services.api.volumes[5]',
  });
});
