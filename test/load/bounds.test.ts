/**
 * Every Compose input has a bound, refused at its line with exit 2: nesting, interpolation,
 * aliases, ports, services. Nothing recursive runs past a depth the stack survives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Alias } from 'yaml';
import { MAX_PORTS_PER_SERVICE } from '../../src/load/compose/normalize-ports.js';
import { MAX_SERVICES } from '../../src/load/compose/project-bounds.js';
import { MAX_YAML_DEPTH } from '../../src/load/compose/yaml-bounds.js';
import { expectFinding, load, loadErrors } from './harness.js';

test('YAML nested thousands of levels deep is refused at the place it goes too deep', () => {
  const flow = `services:\n  web:\n    image: nginx\n    labels: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
  expectFinding(loadErrors(flow), { code: 'COMPOSE_LIMIT', message: `more than ${MAX_YAML_DEPTH} levels deep`, line: 4 });
  let block = 'x-deep:\n';
  for (let i = 1; i <= 2000; i++) block += `${' '.repeat(i)}k:\n`;
  expectFinding(loadErrors(`${block}services: {}\n`), { code: 'COMPOSE_LIMIT', message: `more than ${MAX_YAML_DEPTH} levels deep` });
});

test('nesting as deep as the bound still loads', () => {
  const depth = MAX_YAML_DEPTH - 4;
  const { project } = load(`x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\nservices:\n  web: { image: nginx }\n`);
  assert.equal(project.services.length, 1);
});

test('a control character is one error: the file is not text', () => {
  const errors = loadErrors(`services:\n  web:\n    image: ngi\u0001nx\n${'\u0002\u0003junk\n'.repeat(10_000)}`);
  assert.equal(errors.length, 1);
  expectFinding(errors, { code: 'COMPOSE_YAML_SYNTAX', message: 'control character U+0001', line: 3, column: 15 });
});

test('aliases are resolved in one pass, not by searching the document for each one', () => {
  const resolve = Alias.prototype.resolve;
  Alias.prototype.resolve = () => {
    throw new Error('an alias was resolved by searching the whole document');
  };
  try {
    const { project } = load(`x-a: &a { K: v }\nx-list:\n${'  - *a\n'.repeat(20_000)}services:\n  web:\n    image: nginx\n    environment: *a\n`);
    assert.equal(project.services[0]?.environment.find((e) => e.name === 'K')?.value, 'v');
  } finally {
    Alias.prototype.resolve = resolve;
  }
});

test('interpolation nested thousands deep is an error at its line, not a stack overflow', () => {
  const deep = `${'${A:-'.repeat(5000)}x${'}'.repeat(5000)}`;
  expectFinding(loadErrors(`services:\n  web:\n    image: nginx\n    environment:\n      X: "${deep}"\n`), { code: 'COMPOSE_LIMIT', message: 'Interpolation nested more than 20 levels deep', line: 5 });
  const fine = `${'${A:-'.repeat(20)}x${'}'.repeat(20)}`;
  assert.equal(load(`services:\n  web:\n    image: nginx\n    environment:\n      X: "${fine}"\n`).project.services[0]?.environment.find((e) => e.name === 'X')?.value, 'x');
});

test('a port range of 65,535 ports is refused at its line before it is expanded', () => {
  expectFinding(loadErrors('services:\n  web:\n    image: nginx\n    ports: ["1-65535:1-65535"]\n'), { code: 'COMPOSE_LIMIT', message: `more than ${MAX_PORTS_PER_SERVICE} port mappings`, line: 4 });
  expectFinding(loadErrors('services:\n  web:\n    image: nginx\n    expose: ["1-65535"]\n'), { code: 'COMPOSE_LIMIT', message: `more than ${MAX_PORTS_PER_SERVICE} exposed ports`, line: 4 });
  const ports = load('services:\n  web:\n    image: nginx\n    ports: ["9000-9009:9000-9009"]\n').project.services[0]?.ports;
  assert.equal(ports?.length, 10);
});

test('more services than the bound is refused at the first one past it', () => {
  const services = Array.from({ length: MAX_SERVICES + 1 }, (_, i) => `  s${i}: { image: nginx }\n`).join('');
  expectFinding(loadErrors(`services:\n${services}`), { code: 'COMPOSE_LIMIT', message: `at most ${MAX_SERVICES.toLocaleString('en-US')}`, line: MAX_SERVICES + 2 });
});
