/** CloudWatch log groups and alarms, Container Insights, CloudFront and hosted zones. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertUsd, costOf, estimateOf, notEstimated } from './helpers.js';

describe('CloudWatch, CloudFront, DNS', () => {
  test('log groups: ingestion, and storage of retention_in_days / 30 months of logs', async () => {
    const estimate = await estimateOf(
      {
        'logs.tf': `
resource "aws_cloudwatch_log_group" "week" {
  retention_in_days = 7
}

resource "aws_cloudwatch_log_group" "forever" {}

resource "aws_cloudwatch_log_group" "cheap" {
  log_group_class = "INFREQUENT_ACCESS"
}
`,
      },
      { logs: { ingested_gb_per_group: 30 } },
    );
    assertUsd(costOf(estimate, 'aws_cloudwatch_log_group.week').monthlyUsd, 30 * 0.5 + 30 * (7 / 30) * 0.03, '7 days kept');
    const forever = costOf(estimate, 'aws_cloudwatch_log_group.forever');
    assertUsd(forever.monthlyUsd, 30 * 0.5 + 30 * 12 * 0.03, 'never expires: 12 months kept by default');
    assert.deepEqual(forever.components[1]!.assumptions, ['logs.ingested_gb_per_group', 'logs.stored_months_without_retention']);
    assert.match(notEstimated(estimate, 'aws_cloudwatch_log_group.cheap')[0]!.reason, /log_group_class INFREQUENT_ACCESS has no price/);
  });

  test('alarms: one metric, metric math, high resolution', async () => {
    const estimate = await estimateOf({
      'alarms.tf': `
resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name = "cpu"
  period     = 300
}

resource "aws_cloudwatch_metric_alarm" "fast" {
  alarm_name = "fast"
  period     = 10
}

resource "aws_cloudwatch_metric_alarm" "ratio" {
  alarm_name = "ratio"
  metric_query {
    id = "a"
    metric {
      metric_name = "A"
      period      = 60
    }
  }
  metric_query {
    id = "b"
    metric {
      metric_name = "B"
      period      = 60
    }
  }
  metric_query {
    id          = "e"
    expression  = "a / b"
    return_data = true
  }
}
`,
    });
    assertUsd(costOf(estimate, 'aws_cloudwatch_metric_alarm.cpu').monthlyUsd, 0.1, 'standard');
    assertUsd(costOf(estimate, 'aws_cloudwatch_metric_alarm.fast').monthlyUsd, 0.3, 'high resolution');
    assertUsd(costOf(estimate, 'aws_cloudwatch_metric_alarm.ratio').monthlyUsd, 2 * 0.1, 'two metrics');
  });

  test('Container Insights is listed as not estimated; a cluster without it costs nothing', async () => {
    const estimate = await estimateOf({
      'ecs.tf': `
resource "aws_ecs_cluster" "watched" {
  name = "a"
  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_ecs_cluster" "quiet" {
  name = "b"
}
`,
    });
    assert.match(notEstimated(estimate, 'aws_ecs_cluster.watched')[0]!.reason, /Container Insights \(enhanced\)/);
    assert.deepEqual(notEstimated(estimate, 'aws_ecs_cluster.quiet'), []);
    assert.equal(estimate.resources.length, 0);
  });

  test('CloudFront: data out and HTTPS requests; a disabled distribution serves nothing', async () => {
    const estimate = await estimateOf(
      {
        'cdn.tf': `
resource "aws_cloudfront_distribution" "site" {
  enabled = true
}

resource "aws_cloudfront_distribution" "off" {
  enabled = false
}
`,
      },
      { cloudfront: { data_out_gb_per_distribution: 500, requests_per_distribution: 20_000_000 } },
    );
    assertUsd(costOf(estimate, 'aws_cloudfront_distribution.site').monthlyUsd, 500 * 0.085 + 2000 * 0.01, '500 GB, 20M requests');
    assert.equal(estimate.resources.some((r) => r.address === 'aws_cloudfront_distribution.off'), false);
  });

  test('hosted zones: Route 53 zones and Cloud Map DNS namespaces; HTTP namespaces are free', async () => {
    const estimate = await estimateOf({
      'dns.tf': `
resource "aws_route53_zone" "public" {
  name = "example.com"
}

resource "aws_service_discovery_private_dns_namespace" "internal" {
  name = "app.internal"
  vpc  = "vpc-1"
}

resource "aws_service_discovery_http_namespace" "connect" {
  name = "connect"
}
`,
    });
    assertUsd(costOf(estimate, 'aws_route53_zone.public').monthlyUsd, 0.5, 'Route 53 zone');
    assertUsd(costOf(estimate, 'aws_service_discovery_private_dns_namespace.internal').monthlyUsd, 0.5, 'namespace zone');
    assert.equal(estimate.notEstimated.length, 0);
  });
});
