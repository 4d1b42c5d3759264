/** The text, Markdown and JSON renderings, and the line `generate` prints. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { costSummaryLine, renderCostJson, renderCostMarkdown, renderCostText, estimateCost } from '../../src/cost/index.js';
import { estimateOf, example } from './helpers.js';

const FILES = {
  'main.tf': `
resource "aws_db_instance" "db" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_type      = "gp3"
}

resource "aws_sqs_queue" "q" {}
`,
};

describe('renderings', () => {
  test('text: tags unconfirmed prices, lists what was not estimated and every assumption', async () => {
    const text = renderCostText(await estimateOf(FILES), 'Cost');
    assert.match(text, /^Cost: \$13\.98 a month\n\(USD, us-east-1 prices of 2026-09-20, 730 hours a month, usage assumptions below\)\n/);
    assert.match(text, /db\.t4g\.micro postgres \(Single-AZ\) +730 +instance-hour +× \$0\.016 +\$11\.68 +\[third-party\]/);
    assert.match(text, /^ {2}aws_sqs_queue\.q \(main\.tf:9\): No price for aws_sqs_queue in the price file\.$/m);
    assert.match(text, /^ {2}fargate\.spot_discount = 0\.7 \(default\): /m);
  });

  test('markdown: tables by service and by resource, total, assumptions', async () => {
    const markdown = renderCostMarkdown(await estimateOf(FILES));
    assert.match(markdown, /^\| RDS \| \$13\.98 \| 100\.0% \|$/m);
    assert.match(markdown, /^\| \*\*Total\*\* \| \| \*\*\$13\.98\*\* \|$/m);
    assert.match(markdown, /^\| `logs\.ingested_gb_per_group` \| 1 \| 1 \| GB written to each CloudWatch log group per month\. \|$/m);
  });

  test('json: the estimate, numbers without floating-point noise', async () => {
    const { modules } = await example('iot-platform');
    const json = JSON.parse(renderCostJson(await estimateCost(modules))) as { totalMonthlyUsd: number; byService: { service: string; monthlyUsd: number }[] };
    assert.equal(json.totalMonthlyUsd, 234.101375);
    assert.deepEqual(json.byService.find((s) => s.service === 'ECR'), { service: 'ECR', monthlyUsd: 0.9 });
  });

  test('the summary line for generate', async () => {
    const { modules } = await example('iot-platform');
    assert.equal(
      costSummaryLine(await estimateCost(modules)),
      '~$234.10 a month (Fargate $135.15, NAT Gateway $33.75, Load balancing $22.27; 1 not estimated; us-east-1 prices of 2026-09-20; details: ecsform cost)',
    );
  });
});
