import { bool } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ALARM_ACTIONS_ENABLED } from '../rule-ids.js';

export const alarmActionsEnabled = defineRule({
  id: ALARM_ACTIONS_ENABLED,
  title: 'Alarm with its actions switched off',
  severity: 'low',
  families: ['cloudwatch', 'logging'],
  equivalents: { checkov: ['CKV_AWS_319'] },
  rationale: 'An alarm whose actions are disabled changes state without telling anyone.',
  fix: 'Remove `actions_enabled = false` (the default is true), or delete the alarm.',
  appliesTo: ['aws_cloudwatch_metric_alarm'],
  check(context) {
    const node = context.resource.attr('actions_enabled');
    if (node && bool(node) === false) context.report(node.site, `${context.resource.name} notifies nobody: actions_enabled is false.`);
  },
});
