import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { LISTENER_TYPES } from './support/load-balancers.js';
import { LB_TLS_POLICY } from '../rule-ids.js';

/** Policies Checkov CKV_AWS_103 accepts: TLS 1.2 or later only. */
const MODERN_PREFIXES: readonly string[] = ['ELBSecurityPolicy-TLS13', 'ELBSecurityPolicy-TLS-1-2', 'ELBSecurityPolicy-FS-1-2'];

/** Among those, the ones Trivy AWS-0047 still fails (see the reference, row 26). */
const TRIVY_OUTDATED: ReadonlySet<string> = new Set([
  'ELBSecurityPolicy-TLS13-1-0-2021-06',
  'ELBSecurityPolicy-TLS13-1-1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-FS-2018-06',
  'ELBSecurityPolicy-FS-1-1-2019-08',
]);

export const lbTlsPolicy = defineRule({
  id: LB_TLS_POLICY,
  title: 'Listener allows outdated TLS',
  severity: 'critical',
  families: ['elb', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_103', 'CKV2_AWS_74'], trivy: ['AWS-0047'], securityHub: ['ELB.17'] },
  rationale: 'TLS 1.0 and 1.1 have known weaknesses; without `ssl_policy` AWS applies ELBSecurityPolicy-2016-08, which still accepts them.',
  fix: 'Set `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (or `-Res-2021-06`).',
  appliesTo: LISTENER_TYPES,
  check(context) {
    const protocol = str(context.resource.attr('protocol'));
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return;
    const node = context.resource.attr('ssl_policy');
    const policy = str(node);
    if (isUnknown(policy)) return;
    if (policy === undefined) {
      context.report(context.resource.site, `${context.resource.name} sets no ssl_policy, so AWS applies ELBSecurityPolicy-2016-08 (TLS 1.0 and 1.1 allowed).`);
      return;
    }
    if (MODERN_PREFIXES.some((prefix) => policy.startsWith(prefix)) && !TRIVY_OUTDATED.has(policy)) return;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} uses ssl_policy "${policy}", which allows outdated TLS versions or ciphers.`);
  },
});
