import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PortMapping } from '../../src/load/types.js';
import { at, expectFinding, load, loadErrors, service, yaml } from './harness.js';

function ports(...items: string[]): readonly PortMapping[] {
  return service(load(yaml('services:', '  api:', '    image: api', '    ports:', ...items.map((item) => `      - ${item}`))), 'api').ports;
}

const shape = (list: readonly PortMapping[]): Array<Record<string, unknown>> =>
  list.map(({ at: _at, path: _path, ...rest }) => rest);

test('short syntax: container port only, host:container, IP, protocol, IPv6', () => {
  assert.deepEqual(shape(ports('"8080"', '"80:80"', '"127.0.0.1:8080:80/udp"', '"[::1]:5000:5000"', '3000', '"127.0.0.1::53/UDP"')), [
    { target: 8080, protocol: 'tcp' },
    { target: 80, protocol: 'tcp', published: 80 },
    { target: 80, protocol: 'udp', published: 8080, hostIp: '127.0.0.1' },
    { target: 5000, protocol: 'tcp', published: 5000, hostIp: '::1' },
    { target: 3000, protocol: 'tcp' },
    { target: 53, protocol: 'udp', hostIp: '127.0.0.1' },
  ]);
});

test('ranges expand to one mapping per port; a host range for one container port keeps its start', () => {
  assert.deepEqual(
    shape(ports('"9000-9002:9000-9002"', '"7000-7001"', '"8000-8010:80"')),
    [
      { target: 9000, protocol: 'tcp', published: 9000 },
      { target: 9001, protocol: 'tcp', published: 9001 },
      { target: 9002, protocol: 'tcp', published: 9002 },
      { target: 7000, protocol: 'tcp' },
      { target: 7001, protocol: 'tcp' },
      { target: 80, protocol: 'tcp', published: 8000 },
    ],
  );
  const expanded = ports('"9000-9001:9000-9001"');
  assert.deepEqual(
    expanded.map((p) => [p.at, p.path]),
    [
      [at(5, 9), 'services.api.ports[0]'],
      [at(5, 9), 'services.api.ports[0]'],
    ],
  );
});

test('long syntax with target, published, protocol, host_ip, app_protocol and name', () => {
  const long = yaml('services:', '  api:', '    image: api', '    ports:', '      - target: 80', '        published: "8080"', '        protocol: udp', '        host_ip: 10.0.0.1', '        app_protocol: http', '        name: web');
  const result = service(load(long), 'api').ports;
  assert.deepEqual(result, [{ target: 80, published: 8080, protocol: 'udp', hostIp: '10.0.0.1', appProtocol: 'http', name: 'web', at: at(5, 9), path: 'services.api.ports[0]' }]);
  assert.deepEqual(shape(ports('{target: 443, published: 8443-8445}', '{target: "${P:-81}"}')), [
    { target: 443, protocol: 'tcp', published: 8443 },
    { target: 81, protocol: 'tcp' },
  ]);
});

test('identical mappings are kept once', () => {
  assert.deepEqual(shape(ports('"80:80"', '"80:80/tcp"', '"81:80"')), [
    { target: 80, protocol: 'tcp', published: 80 },
    { target: 80, protocol: 'tcp', published: 81 },
  ]);
});

test('invalid ports are errors with position and a hint', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: api', // 3
      '    ports:', // 4
      '      - "70000:80"', // 5
      '      - "80:x"', // 6
      '      - "9000-9002:80-81"', // 7
      '      - "80/icmp"', // 8
      '      - "not.an.ip:80:80"', // 9
      '      - {published: 80}', // 10
      '      - {target: 0}', // 11
      '  worker:', // 12
      '    image: worker', // 13
      '    ports: 80', // 14
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_PORT_INVALID', message: 'services.api.ports[0]: "70000:80" is not a valid port mapping: port 70000 is out of the range 1-65535.', line: 5, column: 9, path: 'services.api.ports[0]', hint: /HOST_PORT/ });
  expectFinding(findings, { code: 'COMPOSE_PORT_INVALID', message: '"x" is not a port number or range', path: 'services.api.ports[1]' });
  expectFinding(findings, { code: 'COMPOSE_PORT_INVALID', message: 'the host and container port ranges have different sizes', path: 'services.api.ports[2]' });
  expectFinding(findings, { code: 'COMPOSE_PORT_INVALID', message: 'the protocol "icmp" is not tcp, udp or sctp', path: 'services.api.ports[3]' });
  expectFinding(findings, { code: 'COMPOSE_PORT_INVALID', message: '"not.an.ip" is not an IP address', path: 'services.api.ports[4]' });
  expectFinding(findings, { code: 'COMPOSE_FIELD_MISSING', message: 'services.api.ports[5] has no `target` (the container port).', line: 10, column: 9 });
  expectFinding(findings, { code: 'COMPOSE_PORT_INVALID', message: 'services.api.ports[6].target: "0" is not a port number: port 0 is out of the range 1-65535.', line: 11, column: 18, path: 'services.api.ports[6].target' });
  expectFinding(findings, { code: 'COMPOSE_TYPE', message: 'services.worker.ports must be a list, not the number 80.', line: 14, column: 12, path: 'services.worker.ports', hint: /ports: \["8080:80"\]/ });
});

test('expose accepts ports, ranges and protocols; anything else is an error', () => {
  const db = service(load(yaml('services:', '  db:', '    image: db', '    expose:', '      - 5432', '      - "6000-6001"', '      - "53/udp"')), 'db');
  assert.deepEqual(
    db.expose.map((p) => [p.value, p.at.line, p.path]),
    [
      [5432, 5, 'services.db.expose[0]'],
      [6000, 6, 'services.db.expose[1]'],
      [6001, 6, 'services.db.expose[1]'],
      [53, 7, 'services.db.expose[2]'],
    ],
  );
  expectFinding(loadErrors(yaml('services:', '  db:', '    image: db', '    expose: ["http"]')), {
    code: 'COMPOSE_PORT_INVALID',
    message: 'services.db.expose[0]: "http" is not a port, port range or port/protocol.',
    line: 4,
    column: 14,
  });
});
