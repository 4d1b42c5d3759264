import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDotenv } from '../../src/load/compose/dotenv.js';
import { expectFinding, load, loadErrors, service, yaml } from './harness.js';

test('the Compose dotenv syntax: comments, export, quotes, escapes, interpolation, inherited keys', () => {
  const text = [
    '# a comment', // 1
    'export A=1', // 2
    'B = two words   # inline comment', // 3
    'C="line\\nnext \\"q\\" \\$HOME ${A}"', // 4
    "D='single ${A} \\n'", // 5
    'E=${A}-${B}', // 6
    'F: yaml style', // 7
    'G=x#not-a-comment', // 8
    'H', // 9
    'I', // 10
    'M="multi', // 11
    'line"', // 12
    'N=${UNSET_IN_FILE}', // 13
    '',
  ].join('\n');
  const result = parseDotenv(text, (name) => ({ H: 'from-env' })[name]);
  assert.equal(result.problem, undefined);
  assert.deepEqual(
    result.entries.map((e) => [e.name, e.value, e.line, e.column, e.variables]),
    [
      ['A', '1', 2, 8, []],
      ['B', 'two words', 3, 1, []],
      ['C', 'line\nnext "q" $HOME 1', 4, 1, ['A']],
      ['D', 'single ${A} \\n', 5, 1, []],
      ['E', '1-two words', 6, 1, ['A', 'B']],
      ['F', 'yaml style', 7, 1, []],
      ['G', 'x#not-a-comment', 8, 1, []],
      ['H', 'from-env', 9, 1, ['H']],
      ['M', 'multi\nline', 11, 1, []],
      ['N', '', 13, 1, ['UNSET_IN_FILE']],
    ],
  );
  assert.deepEqual(result.unset, [{ name: 'UNSET_IN_FILE', line: 13, column: 3 }]);
});

test('the lookup (process environment) wins over variables defined earlier in the file', () => {
  const result = parseDotenv('A=file\nB=${A}\n', (name) => (name === 'A' ? 'process' : undefined));
  assert.deepEqual(
    result.entries.map((e) => [e.name, e.value]),
    [
      ['A', 'file'],
      ['B', 'process'],
    ],
  );
});

test('dotenv syntax errors stop parsing with a line and column', () => {
  assert.deepEqual(parseDotenv('OK=1\nA B=1\n', () => undefined).problem, { kind: 'syntax', message: 'variable name "A B" contains a space', line: 2, column: 1 });
  assert.deepEqual(parseDotenv('A="never closed\n', () => undefined).problem, { kind: 'syntax', message: 'unterminated quoted value "never closed', line: 1, column: 3 });
  assert.deepEqual(parseDotenv('K=1\n$X=2\n', () => undefined).problem, { kind: 'syntax', message: 'unexpected character "$" in variable name', line: 2, column: 1 });
  assert.deepEqual(parseDotenv('A="x" trailing\n', () => undefined).problem, { kind: 'syntax', message: 'unexpected text after the closing quote', line: 1, column: 7 });
});

test('format raw takes each line literally', () => {
  const result = parseDotenv('A="quoted $X"\n# comment\nB=x # y\n', () => undefined, 'raw');
  assert.deepEqual(
    result.entries.map((e) => [e.name, e.value]),
    [
      ['A', '"quoted $X"'],
      ['B', 'x # y'],
    ],
  );
});

test('the project .env feeds interpolation, COMPOSE_PROJECT_NAME and COMPOSE_PROFILES', () => {
  const result = load({
    '/proj/compose.yaml': yaml('services:', '  api:', '    image: "api:${TAG}"', '  debug:', '    image: busybox', '    profiles: [debug]'),
    '/proj/.env': yaml('TAG=1.2', 'COMPOSE_PROJECT_NAME=from-dotenv', 'COMPOSE_PROFILES=debug'),
  });
  assert.equal(result.project.name, 'from-dotenv');
  assert.deepEqual(
    result.project.services.map((s) => s.name),
    ['api', 'debug'],
  );
  assert.equal(service(result, 'api').image?.value, 'api:1.2');
});

test('a malformed .env is an error at its line', () => {
  const findings = loadErrors({ '/proj/compose.yaml': 'services: {}\n', '/proj/.env': 'GOOD=1\nBAD KEY=2\n' });
  expectFinding(findings, { code: 'COMPOSE_DOTENV_SYNTAX', message: '/proj/.env: variable name "BAD KEY" contains a space', file: '/proj/.env', line: 2, column: 1 });
});
