/**
 * The IoT report in headless Chromium: it loads with no console error and no network request,
 * the diagram is drawn, every section is there, and a screenshot is saved for a human to look at.
 * Needs Debian's chromium at /usr/bin/chromium (CI installs it the same way); fails, never
 * skips, without it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { reportCommand } from '../../src/cli/commands/report.js';
import { tempDir } from '../helpers/cli.js';
import { fromRoot } from '../helpers/paths.js';
import { recordingIo } from '../cost/io.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('report in a browser', () => {
  test('the IoT report renders offline, diagram and all sections, and is screenshotted', async (t) => {
    assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
    const dir = tempDir('ecsform-report-');
    const file = join(dir, 'report.html');
    await reportCommand(recordingIo(fromRoot('examples/iot-platform')), undefined, { file: ['compose.yaml'], out: file });
    const url = pathToFileURL(file).href;

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    t.after(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, offline: true });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });

    const svg = page.locator('#architecture figure.diagram svg');
    assert.equal(await svg.count(), 1);
    const box = await svg.boundingBox();
    assert.ok(box && box.width > 900 && box.height > 400, `the diagram is drawn at ${JSON.stringify(box)}`);
    for (const id of ['net_internet', 'cdn_ui', 's3_ui', 'lb_alb', 'svc_ui_iot', 'svc_keycloak', 'svc_mqtt', 'wrk_dispatcher', 'db_keycloak_db', 'sec_secrets', 'ext_timescale_url']) {
      const node = page.locator(`#architecture svg g[data-node-id="${id}"]`);
      assert.equal(await node.count(), 1, `node ${id}`);
      const nodeBox = await node.boundingBox();
      assert.ok(nodeBox && nodeBox.width > 0 && nodeBox.height > 0, `node ${id} is visible`);
    }
    assert.ok((await page.locator('#architecture svg path.edge').count()) >= 30);

    const headings = await page.locator('main > section > h2').allTextContents();
    assert.deepEqual(
      headings.map((h) => h.replace(/\s*\(.*$|:.*$/, '')),
      ['Summary', 'Architecture', 'Monthly cost', 'Findings', 'Resources', 'Generation'],
    );
    assert.equal(await page.locator('#summary .card p.figure').first().textContent(), '$234.10');
    assert.ok((await page.locator('#cost-resources tbody tr').count()) > 20);
    assert.equal(await page.locator('nav.toc a').count(), 6);

    const shots = fromRoot('out');
    mkdirSync(shots, { recursive: true });
    const screenshot = join(shots, 'report-iot-platform.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    t.diagnostic(`screenshot: ${screenshot}`);
    console.log(`report screenshot: ${screenshot}`);

    assert.deepEqual(problems, [], 'no console errors or warnings');
    assert.deepEqual(requests, [], 'no network requests');
  });
});
