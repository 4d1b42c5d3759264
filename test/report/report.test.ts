/** The HTML report as text: sections, escaping, self-containment, suppressed findings, generation. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { reportCommand } from '../../src/cli/commands/report.js';
import { estimateCost } from '../../src/cost/index.js';
import { diagramFromModules, renderMermaid } from '../../src/diagram/index.js';
import { inventory, renderReport, type ReportInput } from '../../src/report/index.js';
import { tempDir } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { modulesOf } from '../cost/helpers.js';
import { recordingIo } from '../cost/io.js';

async function input(overrides: Partial<ReportInput> = {}): Promise<ReportInput> {
  const modules = await modulesOf({ 'main.tf': 'resource "aws_nat_gateway" "n" {\n  subnet_id = "s"\n}\n\nresource "aws_ecs_cluster" "c" {\n  name = "<c>"\n}\n' });
  const diagram = diagramFromModules(modules, 'demo');
  return {
    title: 'demo <stack> & "friends"',
    source: 'infra',
    files: 1,
    modules: 1,
    version: '0.0.0',
    estimate: await estimateCost(modules),
    findings: [
      { code: 'LB_WAF', severity: 'medium', message: 'aws_lb.x has <no> WAF.', file: 'infra/main.tf', line: 3, column: 1, hint: 'Attach one.' },
      { code: 'ECS_PUBLIC_IP', severity: 'high', message: 'Public IP.', file: 'infra/main.tf', line: 9, suppressed: { reason: 'the broker is public on purpose' } },
    ],
    inventory: inventory(modules),
    diagram,
    mermaid: renderMermaid(diagram),
    ...overrides,
  };
}

describe('HTML report', () => {
  test('one page with the summary, architecture, cost, findings and resources; no script, nothing remote', async () => {
    const page = renderReport(await input());
    for (const id of ['summary', 'architecture', 'cost', 'findings', 'resources']) assert.match(page, new RegExp(`<section id="${id}" aria-labelledby="${id}-h">`));
    assert.doesNotMatch(page, /<section id="generation"/);
    assert.doesNotMatch(page, /<script|<link|<img|@import|url\((?!#)/, "only in-page url(#marker) references");
    assert.doesNotMatch(page, /(src|href)="(https?:)?\/\//);
    assert.match(page, /^<!doctype html>\n<html lang="en">/);
    assert.match(page, /<title>ecsform report: demo &lt;stack&gt; &amp; &quot;friends&quot;<\/title>/);
    assert.match(page, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="architecture" role="img"/);
  });

  test('the summary counts what matters; findings by severity with file:line; suppressed ones folded', async () => {
    const page = renderReport(await input());
    assert.match(page, /<h3>Monthly cost<\/h3><p class="figure">\$33\.75<\/p>/);
    assert.match(page, /<span class="badge sev-medium">1 medium<\/span>/);
    assert.match(page, /<a href="#findings-suppressed">1 suppressed<\/a>/);
    assert.match(page, /<td class="mono">infra\/main\.tf:3:1<\/td><td><code>LB_WAF<\/code><\/td>/);
    assert.match(page, /aws_lb\.x has &lt;no&gt; WAF\./);
    assert.match(page, /<details id="findings-suppressed"><summary>Suppressed findings \(1\)<\/summary>[\s\S]*Suppressed: the broker is public on purpose/);
    assert.doesNotMatch(page.slice(0, page.indexOf('<details id="findings-suppressed">')), /ECS_PUBLIC_IP<\/code>/);
  });

  test('the same input gives the same bytes', async () => {
    const value = await input();
    assert.equal(renderReport(value), renderReport(value));
  });

  test('ecsform report -f compose.yaml adds the generation decisions and warnings', async () => {
    const out = join(tempDir('ecsform-report-'), 'report.html');
    const io = recordingIo(fromRoot('examples/insightxi'));
    assert.equal(await reportCommand(io, undefined, { file: ['compose.yaml'], out }), 0);
    assert.match(io.stdout(), /^ecsform: wrote .*report\.html: \d+ resources, ~\$107\.34 a month, \d+ findings?\.\n$/);
    const page = readFileSync(out, 'utf8');
    assert.match(page, /<section id="generation" aria-labelledby="generation-h">/);
    assert.match(page, /<details id="decisions-orchestrator-service"( open)?><summary>orchestrator-service: \d+ /);
    assert.match(page, /<code>services\.orchestrator-service\.environment\.DATABASE_SERVICE_URL<\/code><div class="where">compose\.yaml:\d+<\/div>/);
    assert.match(page, /Terraform in <code>terraform \(as generated\)<\/code>/);
  });

  test('ecsform report DIR: findings and resources point at files as the user named them', async () => {
    const dir = tempDir('ecsform-report-');
    mkdirSync(join(dir, 'infra'));
    writeFileSync(join(dir, 'infra/main.tf'), 'resource "aws_nat_gateway" "main" {\n  subnet_id = "subnet-1"\n}\n\nresource "aws_sqs_queue" "jobs" {}\n');
    const io = recordingIo(dir);
    assert.equal(await reportCommand(io, 'infra', { out: 'out/report.html' }), 0);
    const page = readFileSync(join(dir, 'out/report.html'), 'utf8');
    assert.match(page, /<h1>infra<\/h1>/);
    assert.match(page, /<code>aws_nat_gateway\.main<\/code> <span class="where">infra\/main\.tf:1<\/span>/);
    assert.match(page, /<code>aws_sqs_queue\.jobs<\/code> <span class="where">infra\/main\.tf:5<\/span>: No price for aws_sqs_queue/);
    assert.doesNotMatch(page, /<section id="generation"/);
  });

  test('bad usage: no --out, nothing to report on', async () => {
    const io = recordingIo(tempDir());
    await assert.rejects(reportCommand(io, 'infra', {}), /needs --out FILE/);
    await assert.rejects(reportCommand(io, undefined, { out: 'r.html' }), /Nothing to report on/);
  });
});
