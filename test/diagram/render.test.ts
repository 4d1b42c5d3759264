/** Mermaid and SVG renderings: structure, escaping, determinism. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagramFromModel, escapeLabel, renderMermaid, renderSvg, type ArchitectureDiagram } from '../../src/diagram/index.js';
import { example } from '../cost/helpers.js';

const TRICKY: ArchitectureDiagram = {
  title: 'a "quoted" <title>',
  nodes: [
    { id: 'net_internet', kind: 'internet', zone: 'internet', label: 'Internet' },
    { id: 'svc_a', kind: 'service', zone: 'private', label: 'api "v2" <beta> #1 | a&b', detail: 'x [y] {z}' },
    { id: 'ext_b', kind: 'external', zone: 'external', label: 'b.example.com' },
  ],
  edges: [
    { from: 'net_internet', to: 'svc_a', style: 'traffic', label: 'GET /a|b' },
    { from: 'svc_a', to: 'ext_b', style: 'uses' },
  ],
};

describe('Mermaid', () => {
  test('zones nest as subgraphs: AWS > VPC > subnets; the internet stays outside', async () => {
    const text = renderMermaid(diagramFromModel((await example('iot-platform')).result.model));
    const subgraphs = [...text.matchAll(/^( *)subgraph (\w+)\["([^"]+)"\]$/gm)].map((m) => `${m[1]!.length / 2}:${m[2]}:${m[3]}`);
    assert.deepEqual(subgraphs, ['1:zone_aws:AWS', '2:zone_edge:Edge (global)', '2:zone_vpc:VPC', '3:zone_public:Public subnets', '3:zone_private:Private subnets', '2:zone_regional:Regional services', '1:zone_external:Outside AWS']);
    assert.match(text, /^flowchart LR\n/);
    assert.match(text, /^ {2}net_internet\(\("Internet"\)\)$/m);
    assert.match(text, /^ {4}net_internet|^ {2}net_internet -->\|"HTTPS"\| lb_alb$/m);
    assert.match(text, /^ {2}svc_keycloak -\.-> sec_secrets$/m);
    assert.match(text, /^ {2}class wrk_delivery_worker,wrk_dispatcher,wrk_evaluator_iot,wrk_ingest_iot,wrk_ops_worker,wrk_subscription_worker worker$/m);
  });

  test('ids are safe and labels escaped', () => {
    const text = renderMermaid(TRICKY);
    assert.match(text, /svc_a\["api #34;v2#34; #60;beta#62; #35;1 #124; a#38;b<br\/><small>x #91;y#93; #123;z#125;<\/small>"\]/);
    assert.match(text, /net_internet -->\|"GET \/a#124;b"\| svc_a/);
    assert.equal(escapeLabel('plain text'), 'plain text');
    for (const match of text.matchAll(/^\s*(\w+)(?:\[|\(|\{|>)/gm)) assert.match(match[1]!, /^[a-z][a-z0-9_]*$/);
  });

  test('deterministic', async () => {
    const { result } = await example('iot-platform');
    assert.equal(renderMermaid(diagramFromModel(result.model)), renderMermaid(diagramFromModel(result.model)));
  });
});

describe('SVG', () => {
  test('every node and edge is drawn, text escaped, with a title and description', () => {
    const svg = renderSvg(TRICKY, { id: 'd' });
    for (const n of TRICKY.nodes) assert.match(svg, new RegExp(`data-node-id="${n.id}"`));
    assert.equal((svg.match(/<path class="edge /g) ?? []).length, 2);
    assert.match(svg, /<title id="d-title">Architecture of a &quot;quoted&quot; &lt;title&gt;<\/title>/);
    assert.match(svg, /<desc id="d-desc">1 internet, 1 service, 1 outside aws; 2 connections\./);
    assert.match(svg, /api &quot;v2&quot; &lt;beta&gt; #1 \| a&amp;b/);
    assert.doesNotMatch(svg, /<script|href=|xlink/);
  });

  test('deterministic, and larger graphs stay inside the canvas', async () => {
    const diagram = diagramFromModel((await example('iot-platform')).result.model);
    const svg = renderSvg(diagram);
    assert.equal(svg, renderSvg(diagram));
    const [, width, height] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg)!;
    for (const m of svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      assert.ok(Number(m[1]) + Number(m[3]) <= Number(width) && Number(m[2]) + Number(m[4]) <= Number(height), `rect ${m[0]} outside ${width}×${height}`);
    }
  });
});
