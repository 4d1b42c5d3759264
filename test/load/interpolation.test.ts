import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substitute } from '../../src/load/compose/interpolate.js';
import { findRawNode } from '../../src/load/compose/index.js';
import { at, expectFinding, load, loadErrors, service, yaml } from './harness.js';

const ENV: Record<string, string> = { SET: 'value', EMPTY: '' };
const lookup = (name: string): string | undefined => ENV[name];

test('substitution operators behave as in compose-go', () => {
  const cases: Array<[string, string]> = [
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a$SET-b', 'avalue-b'],
    ['${SET}${SET}', 'valuevalue'],
    ['${UNSET:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${UNSET-default}', 'default'],
    ['${SET:+alternative}', 'alternative'],
    ['${EMPTY:+alternative}', ''],
    ['${EMPTY+alternative}', 'alternative'],
    ['${UNSET+alternative}', ''],
    ['${UNSET:-${SET}}', 'value'],
    ['${UNSET:-${ALSO_UNSET:-x}y}', 'xy'],
    ['${UNSET:-a-b:c}', 'a-b:c'],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['${EMPTY?unused}', ''],
    ['no dollar', 'no dollar'],
  ];
  for (const [template, expected] of cases) {
    const result = substitute(template, lookup);
    assert.ok(result.ok, template);
    assert.equal(result.value, expected, template);
  }
});

test('substitution records the variables read and those unset without a default', () => {
  const result = substitute('${SET}:$UNSET:${OTHER:-d}:${SET}', lookup);
  assert.ok(result.ok);
  assert.deepEqual(result.variables, ['SET', 'UNSET', 'OTHER']);
  assert.deepEqual(result.unset, ['UNSET']);
  assert.equal(result.value, 'value::d:value');
});

test('required variables fail with the user message; malformed templates fail as syntax errors', () => {
  assert.deepEqual(substitute('${UNSET:?set it please}', lookup), { ok: false, error: { kind: 'required', variable: 'UNSET', message: 'set it please' } });
  assert.deepEqual(substitute('${EMPTY:?must not be empty}', lookup), { ok: false, error: { kind: 'required', variable: 'EMPTY', message: 'must not be empty' } });
  assert.deepEqual(substitute('${UNSET?}', lookup), { ok: false, error: { kind: 'required', variable: 'UNSET', message: '' } });
  for (const template of ['$', 'cost: 5$', '${}', '${1A}', '${A:x}', '${A', '$-', '${A.b}']) {
    assert.deepEqual(substitute(template, lookup), { ok: false, error: { kind: 'syntax' } }, template);
  }
});

test('a missing required variable is an error at the value, with the user message', () => {
  const findings = loadErrors(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: "app:${TAG:?set TAG to the release}"', // 3
      '    environment:', // 4
      '      - MODE=${MODE:?}', // 5
    ),
  );
  expectFinding(findings, { code: 'COMPOSE_VAR_REQUIRED', message: 'Required variable "TAG" is missing a value: set TAG to the release', line: 3, column: 12, path: 'services.api.image', hint: /Set TAG/ });
  expectFinding(findings, { code: 'COMPOSE_VAR_REQUIRED', message: 'Required variable "MODE" is missing a value.', line: 5, column: 9, path: 'services.api.environment[0]' });
});

test('a stray $ is an interpolation syntax error telling to write $$', () => {
  const findings = loadErrors(yaml('services:', '  api:', '    image: app', '    command: echo costs 5$'));
  expectFinding(findings, { code: 'COMPOSE_INTERPOLATION_SYNTAX', message: 'Invalid interpolation format in "echo costs 5$"', line: 4, column: 14, path: 'services.api.command', hint: /\$\$/ });
});

test('an unset variable becomes "" with one COMPOSE_VAR_UNSET warning per variable', () => {
  const result = load(
    yaml(
      'services:', // 1
      '  api:', // 2
      '    image: "app:${TAG}"', // 3
      '    environment:', // 4
      '      A: $TAG', // 5
      '      B: ${OTHER}', // 6
    ),
  );
  const api = service(result, 'api');
  assert.equal(api.image?.value, 'app:');
  assert.deepEqual(
    result.findings.map((f) => [f.code, f.severity, f.message, f.line, f.column, f.path]),
    [
      ['COMPOSE_VAR_UNSET', 'low', 'The "TAG" variable is not set. Defaulting to a blank string.', 3, 12, 'services.api.image'],
      ['COMPOSE_VAR_UNSET', 'low', 'The "OTHER" variable is not set. Defaulting to a blank string.', 6, 10, 'services.api.environment.B'],
    ],
  );
});

test('values are interpolated, keys are not, x-* extension values are (as compose-go does)', () => {
  const result = load(
    yaml(
      'x-ecsform:', // 1
      '  domain: ${DOMAIN}', // 2
      'services:', // 3
      '  api:', // 4
      '    image: app', // 5
      '    labels:', // 6
      '      ${KEY}: ${VALUE}', // 7
      '    deploy:', // 8
      '      replicas: ${REPLICAS:-3}', // 9
      '    healthcheck:', // 10
      '      test: curl -f http://localhost/$${PATH_SUFFIX}', // 11
    ),
    { env: { DOMAIN: 'example.com', VALUE: 'v', KEY: 'k' } },
  );
  const api = service(result, 'api');
  const domain = result.project.extensions.get('x-ecsform');
  assert.ok(domain);
  assert.deepEqual(findRawNode(domain, 'domain'), { kind: 'scalar', value: 'example.com', at: at(2, 11), path: 'x-ecsform.domain' });
  const labels = api.raw.entries.find((e) => e.key === 'labels')?.value;
  assert.equal(labels?.kind === 'map' ? labels.entries[0]?.key : undefined, '${KEY}');
  assert.equal(api.deploy?.replicas?.value, 3);
  assert.deepEqual(api.healthcheck?.test, ['CMD-SHELL', 'curl -f http://localhost/${PATH_SUFFIX}']);
});

test('values come from input.env first, then the project .env', () => {
  const result = load(
    {
      '/proj/compose.yaml': yaml('services:', '  api:', '    image: "${REGISTRY}/api:${TAG}"'),
      '/proj/.env': yaml('REGISTRY=registry.example.com', 'TAG=from-dotenv'),
    },
    { env: { TAG: 'from-env' } },
  );
  assert.equal(service(result, 'api').image?.value, 'registry.example.com/api:from-env');
  assert.deepEqual(result.findings, []);
});
