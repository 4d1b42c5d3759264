import { defineRule } from '../rule.js';
import { requireTrue } from './support/flags.js';
import { RDS_COPY_TAGS_TO_SNAPSHOT } from '../rule-ids.js';

export const rdsCopyTagsToSnapshot = defineRule({
  id: RDS_COPY_TAGS_TO_SNAPSHOT,
  title: 'Snapshots without the database tags',
  severity: 'low',
  families: ['rds', 'resilience'],
  equivalents: { checkov: ['CKV2_AWS_60'], securityHub: ['RDS.17'] },
  rationale: 'Untagged snapshots escape tag-based access control, cost reports and clean-up.',
  fix: 'Set `copy_tags_to_snapshot = true`.',
  appliesTo: ['aws_db_instance'],
  check(context) {
    requireTrue(context, 'copy_tags_to_snapshot', 'takes snapshots without its tags');
  },
});
