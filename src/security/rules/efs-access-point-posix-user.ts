import { defineRule } from '../rule.js';
import { EFS_ACCESS_POINT_POSIX_USER } from '../rule-ids.js';

export const efsAccessPointPosixUser = defineRule({
  id: EFS_ACCESS_POINT_POSIX_USER,
  title: 'Access point without a POSIX user',
  severity: 'medium',
  families: ['efs', 'least-privilege'],
  equivalents: { checkov: ['CKV_AWS_330'], securityHub: ['EFS.4'] },
  rationale: 'Without `posix_user` clients act with whatever uid/gid they claim, root included; with it every request runs as one fixed identity.',
  fix: 'Add `posix_user { uid = 1000, gid = 1000 }` with the identity the application runs as.',
  appliesTo: ['aws_efs_access_point'],
  check(context) {
    if (context.resource.first('posix_user') || context.resource.hasDynamic('posix_user')) return;
    context.report(context.resource.site, `${context.resource.name} enforces no POSIX user: clients act as any uid and gid they claim.`);
  },
});
