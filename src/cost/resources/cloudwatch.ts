/**
 * CloudWatch: log groups (ingestion, and storage at steady state: a group keeps
 * `retention_in_days` of logs), metric alarms (per metric, high resolution below 60 s), and the
 * Container Insights setting of ECS clusters, whose metric price is not confirmed.
 */
import { isUnknown, nestedBodies, readNumber, readString, Unknown } from '../../terraform/index.js';
import { charge, type ResourceEstimator } from './estimator.js';

/** Days in the month the storage estimate uses: retention_in_days / 30 months of logs are kept. */
const DAYS_PER_MONTH = 30;

export const estimateLogGroup: ResourceEstimator = (ctx) => {
  const logClass = readString(ctx, 'log_group_class') ?? 'STANDARD';
  if (isUnknown(logClass)) return logClass;
  if (logClass !== 'STANDARD') return new Unknown(`log_group_class ${logClass} has no price in the price file`);
  const retention = readNumber(ctx, 'retention_in_days') ?? 0;
  if (isUnknown(retention)) return retention;
  const ingested = ctx.usage.logs.ingested_gb_per_group;
  const months = retention > 0 ? retention / DAYS_PER_MONTH : ctx.usage.logs.stored_months_without_retention;
  return {
    components: [
      charge(ctx.prices, 'cloudwatch_logs.ingested_gb', { service: 'CloudWatch', name: 'Log ingestion', quantity: ingested, assumptions: ['logs.ingested_gb_per_group'] }),
      charge(ctx.prices, 'cloudwatch_logs.stored_gb_month', {
        service: 'CloudWatch',
        name: 'Log storage',
        quantity: ingested * months,
        assumptions: retention > 0 ? ['logs.ingested_gb_per_group'] : ['logs.ingested_gb_per_group', 'logs.stored_months_without_retention'],
      }),
    ],
    details: [retention > 0 ? `keeps ${retention} days of logs` : 'never expires its logs (no retention_in_days)'],
  };
};

export const estimateMetricAlarm: ResourceEstimator = (ctx) => {
  const queries = nestedBodies(ctx, 'metric_query');
  if (isUnknown(queries)) return queries;
  let metrics = 0;
  let highResolution = false;
  for (const query of queries) {
    const metric = nestedBodies(ctx, 'metric', query);
    if (isUnknown(metric)) return metric;
    metrics += metric.length;
    for (const body of metric) {
      const period = readNumber(ctx, 'period', body);
      if (typeof period === 'number' && period < 60) highResolution = true;
    }
  }
  const period = readNumber(ctx, 'period');
  if (period !== undefined && isUnknown(period)) return period;
  if (typeof period === 'number' && period < 60) highResolution = true;
  const id = highResolution ? 'cloudwatch.high_resolution_alarm_metric_month' : 'cloudwatch.alarm_metric_month';
  return { components: [charge(ctx.prices, id, { service: 'CloudWatch', name: highResolution ? 'High-resolution alarm metrics' : 'Alarm metrics', quantity: Math.max(1, metrics) })] };
};

/** Free itself; Container Insights adds metrics and performance logs the price file cannot price. */
export const estimateEcsCluster: ResourceEstimator = (ctx) => {
  const settings = nestedBodies(ctx, 'setting');
  if (isUnknown(settings)) return { components: [], notEstimated: [`Container Insights: ${settings.why}`] };
  for (const setting of settings) {
    if (readString(ctx, 'name', setting) !== 'containerInsights') continue;
    const value = readString(ctx, 'value', setting);
    if (value !== undefined && isUnknown(value)) return { components: [], notEstimated: [`Container Insights: ${value.why}`] };
    if (value === 'enabled' || value === 'enhanced') {
      return {
        components: [],
        notEstimated: [`Container Insights (${value}): billed as CloudWatch custom metrics and performance-log ingestion ($0.50 per GB); the metric price is not confirmed`],
      };
    }
  }
  return { components: [] };
};
