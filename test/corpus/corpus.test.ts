/**
 * Robustness on 20 real Compose files (docker/awesome-compose): each either generates Terraform
 * that verifies with zero findings, or fails with exit-2 messages naming the Compose key, line
 * and what to do. Never a crash. Each outcome is a reviewed golden in test/golden/corpus/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isInputError } from '../../src/diagnostics/errors.js';
import { compareFindings, type Finding } from '../../src/diagnostics/finding.js';
import { generate } from '../../src/generate.js';
import { loadCompose } from '../../src/load/compose/index.js';
import type { AppModel, EnvPart } from '../../src/model/types.js';
import { check } from '../../src/check/index.js';
import { expectGolden } from '../helpers/golden.js';
import { fromRoot, sharedRoot } from '../helpers/paths.js';

const CORPUS = join(sharedRoot, 'corpus', 'compose');

const line = (f: Finding) => `${f.file?.replace(/^.*\//, '') ?? ''}:${f.line ?? 0}:${f.column ?? 0} ${f.severity} ${f.code} ${f.message}${f.hint ? `\n    hint: ${f.hint}` : ''}`;

/** Each variable of a service and where its value comes from: `NAME=plain(value)` or `NAME=secret:<name>[.key]`. */
function envMapping(service: AppModel['services'][number]): string {
  const part = (p: EnvPart): string => {
    switch (p.kind) {
      case 'text':
        return p.text;
      case 'database-address':
        return `<${p.database}.address>`;
      case 'database-port':
        return `<${p.database}.port>`;
      case 'discovery-namespace':
        return '<namespace>';
      case 'variable':
        return `<var.${p.name}>`;
      case 'setting':
        return `<${p.setting}>`;
    }
  };
  const plain = service.environment.map((e) => [e.name, `plain(${e.value.map(part).join('')})`] as const);
  const secret = service.secretEnv.map((e) => [e.name, `secret:${e.secret}${e.jsonKey ? `.${e.jsonKey}` : ''}`] as const);
  return [...plain, ...secret].sort(([a], [b]) => a.localeCompare(b)).map(([name, source]) => `${name}=${source}`).join(', ');
}

for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort()) {
  test(`corpus: ${name}`, async () => {
    const path = `/corpus/${name.replace(/\.yaml$/, '')}/compose.yaml`;
    const text = readFileSync(join(CORPUS, name), 'utf8');
    let outcome: string;
    try {
      const { project, findings } = loadCompose({ files: [{ path, text }], readFile: () => undefined, env: {}, projectDir: path.replace(/\/compose\.yaml$/, '') });
      const result = generate(project, { sourceNames: ['compose.yaml'] });
      const verification = await check({ files: result.files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, text: f.content })) });
      const open = verification.findings.filter((f) => !f.suppressed && f.severity !== 'info');
      const blocking = open.filter((f) => f.severity === 'error' || f.severity === 'critical' || f.severity === 'high');
      assert.deepEqual(blocking.map(line), [], 'generated output has nothing Terraform would reject and nothing high or critical');
      const { model } = result;
      outcome = [
        'outcome: generated (exit 0)',
        `services: ${model.services.map((s) => `${s.name}=${s.kind}`).join(', ') || 'none'}`,
        `databases: ${model.databases.map((d) => `${d.name}=${d.engine} ${d.engineVersion}`).join(', ') || 'none'}`,
        `secrets: ${model.secrets.map((s) => `${s.name}=${s.source}`).join(', ') || 'none'}`,
        'env:',
        ...model.services.map((s) => `  ${s.name}: ${envMapping(s) || 'none'}`),
        `files: ${result.files.map((f) => f.path).join(', ')}`,
        'warnings:',
        ...[...findings, ...model.warnings].filter((f) => f.severity !== 'info').map((f) => `  ${line(f)}`),
        `check: ${verification.findings.filter((f) => f.suppressed).length} deliberate exceptions; open findings:`,
        ...open.map((f) => `  ${f.severity} ${f.code} ${f.path ?? ''}`),
        '',
      ].join('\n');
    } catch (error) {
      if (!isInputError(error)) throw error;
      outcome = ['outcome: rejected (exit 2)', 'errors:', ...[...error.findings].sort(compareFindings).map((f) => `  ${line(f)}`), ''].join('\n');
      for (const finding of error.findings) {
        assert.ok(finding.line && finding.line > 0, `${finding.code} must point at a line`);
        assert.ok(finding.hint, `${finding.code} must say what to do`);
      }
    }
    expectGolden(fromRoot('test', 'golden', 'corpus', name.replace(/\.yaml$/, '.txt')), outcome);
  });
}
