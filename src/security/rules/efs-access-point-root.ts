import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { EFS_ACCESS_POINT_ROOT } from '../rule-ids.js';

export const efsAccessPointRoot = defineRule({
  id: EFS_ACCESS_POINT_ROOT,
  title: 'Access point exposes the file system root',
  severity: 'medium',
  families: ['efs', 'least-privilege'],
  equivalents: { checkov: ['CKV_AWS_329'], securityHub: ['EFS.3'] },
  rationale: 'An access point rooted at `/` lets its clients reach every directory of the file system, including other applications\' data.',
  fix: 'Add `root_directory { path = "/<app>" creation_info { ... } }` so clients only see their own directory.',
  appliesTo: ['aws_efs_access_point'],
  check(context) {
    if (context.resource.hasDynamic('root_directory')) return;
    const root = context.resource.first('root_directory');
    const node = root?.attr('path');
    const path = str(node);
    if (isUnknown(path) || (path !== undefined && path !== '/' && path !== '')) return;
    context.report(node?.site ?? root?.site ?? context.resource.site, `${context.resource.name} exposes the whole file system: ${path === '/' ? 'root_directory.path is "/"' : 'no root_directory.path'}.`);
  },
});
