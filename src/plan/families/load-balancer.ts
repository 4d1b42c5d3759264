/**
 * The public Application Load Balancer (HTTPS with a modern TLS policy, HTTP redirected, invalid
 * headers dropped, access logs kept), a target group and listener rules per web service, and a
 * Network Load Balancer for TCP services that asked for one. With a load balancer you bring, only
 * the rules or nothing are created and the ARNs become variables.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, block, call, num, ref, str } from '../../hcl/build.js';
import type { Route, Service } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import type { NetworkRefs } from './network.js';
import { planAccessLogBucket } from './s3-buckets.js';
import { LB_ACCESS_LOGS, LB_INTERNET_FACING } from '../../security/index.js';

export interface LoadBalancerRefs {
  /** Target group ARNs of a service (ALB: one; NLB: one per published port), with the container port. */
  readonly targetsOf: (service: Service) => readonly { readonly targetGroupArn: Expr; readonly containerPort: number }[];
  /** Resources an ECS service must wait for before registering targets. */
  readonly listenerDependencies: (service: Service) => readonly Expr[];
  /** The security group the ALB uses (created or brought). */
  readonly albSecurityGroupId?: Expr;
  readonly albDnsName?: Expr;
  readonly albArnSuffix?: Expr;
  readonly targetGroupArnSuffixOf: (service: Service) => Expr | undefined;
}

export function planLoadBalancers(ctx: PlanContext, network: NetworkRefs): LoadBalancerRefs {
  const lb = ctx.model.loadBalancer;
  const web = ctx.model.services.filter((s) => s.exposure === 'alb');
  const nlbServices = ctx.model.services.filter((s) => s.exposure === 'nlb');
  const alb = lb ? (lb.existing === 'target-group' ? existingTargetGroups(ctx, web) : lb.existing === 'listener' ? existingListener(ctx, web, network) : createdAlb(ctx, web, network)) : undefined;
  const nlb = nlbServices.length > 0 ? createdNlb(ctx, nlbServices, network) : undefined;
  return {
    targetsOf: (s) => (s.exposure === 'alb' ? alb?.targetsOf(s) ?? [] : s.exposure === 'nlb' ? nlb?.targetsOf(s) ?? [] : []),
    listenerDependencies: (s) => (s.exposure === 'alb' ? alb?.dependenciesOf(s) ?? [] : s.exposure === 'nlb' ? nlb?.dependenciesOf(s) ?? [] : []),
    ...(alb?.securityGroupId ? { albSecurityGroupId: alb.securityGroupId } : {}),
    ...(alb?.dnsName ? { albDnsName: alb.dnsName } : {}),
    ...(alb?.arnSuffix ? { albArnSuffix: alb.arnSuffix } : {}),
    targetGroupArnSuffixOf: (s) => (s.exposure === 'alb' && lb?.existing !== 'target-group' ? ref(`aws_lb_target_group.${s.id}.arn_suffix`) : undefined),
  };
}

interface Balancer {
  readonly targetsOf: (s: Service) => { targetGroupArn: Expr; containerPort: number }[];
  /** The listeners and rules that forward to the service's target groups. */
  readonly dependenciesOf: (s: Service) => readonly Expr[];
  readonly securityGroupId?: Expr;
  readonly dnsName?: Expr;
  readonly arnSuffix?: Expr;
}

function createdAlb(ctx: PlanContext, web: readonly Service[], network: NetworkRefs): Balancer {
  const lb = ctx.model.loadBalancer!;
  const certificate = ctx.variable('certificate_arn', {
    description: 'ARN of the ACM certificate the HTTPS listener presents (in the region of the stack).',
    type: types.string,
    ...(lb.certificateArn ? { default: lb.certificateArn } : {}),
    validations: [{ condition: call('can', call('regex', str('^arn:aws[a-z-]*:acm:'), ref('var.certificate_arn'))), message: 'certificate_arn must be an ACM certificate ARN.' }],
  });
  const deletionProtection = ctx.variable('alb_deletion_protection', { description: 'Refuse to delete the ALB until this is turned off.', type: types.bool, default: lb.deletionProtection });
  const logBucket = lb.accessLogs ? planAccessLogBucket(ctx) : undefined;
  ctx.add(
    'load_balancer',
    block('resource', ['aws_lb', 'main'], [
      attr('name', ctx.limitedName('alb', 'alb', LOAD_BALANCER_NAME_LIMIT)),
      attr('internal', false),
      attr('load_balancer_type', 'application'),
      attr('security_groups', [ref('aws_security_group.alb.id')]),
      attr('subnets', network.publicSubnetIds),
      attr('drop_invalid_header_fields', true),
      attr('enable_deletion_protection', deletionProtection),
      attr('idle_timeout', num(lb.idleTimeoutSeconds)),
      logBucket ? block('access_logs', [], [attr('bucket', logBucket), attr('prefix', 'alb'), attr('enabled', true)]) : undefined,
      ctx.tags('alb'),
      // Creating the ALB checks that it may write to the log bucket, so the policy must exist first.
      logBucket ? attr('depends_on', [ref('aws_s3_bucket_policy.alb_logs')]) : undefined,
    ], [
      `ecsform:ignore ${LB_INTERNET_FACING} The ALB is the public entry point of the application.`,
      ...(lb.accessLogs ? [] : [`ecsform:ignore ${LB_ACCESS_LOGS} Access logs are off because x-ecsform.load_balancer.access_logs is false.`]),
    ]),
    'Application load balancer',
  );
  ctx.add('load_balancer', [
    block('resource', ['aws_lb_listener', 'http'], [
      attr('load_balancer_arn', ref('aws_lb.main.arn')),
      attr('port', 80),
      attr('protocol', 'HTTP'),
      block('default_action', [], [attr('type', 'redirect'), block('redirect', [], [attr('port', '443'), attr('protocol', 'HTTPS'), attr('status_code', 'HTTP_301')])]),
      ctx.tags(),
    ], 'Plain HTTP only redirects to HTTPS.'),
    block('resource', ['aws_lb_listener', 'https'], [
      attr('load_balancer_arn', ref('aws_lb.main.arn')),
      attr('port', 443),
      attr('protocol', 'HTTPS'),
      attr('ssl_policy', lb.sslPolicy),
      attr('certificate_arn', certificate),
      defaultAction(web),
      ctx.tags(),
    ]),
  ]);
  const rules = new Map(web.map((service) => [service.name, targetGroupAndRules(ctx, service, network, ref('aws_lb_listener.https.arn'), true)]));
  return {
    targetsOf: (s) => [{ targetGroupArn: ref(`aws_lb_target_group.${s.id}.arn`), containerPort: s.mainPort! }],
    dependenciesOf: (s) => [ref('aws_lb_listener.https'), ...(rules.get(s.name) ?? [])],
    securityGroupId: ref('aws_security_group.alb.id'),
    dnsName: ref('aws_lb.main.dns_name'),
    arnSuffix: ref('aws_lb.main.arn_suffix'),
  };
}

/** Forward to the service routed at `/` with no host, else answer 404. */
function defaultAction(web: readonly Service[]) {
  const root = web.find((s) => s.routes.some(isRoot));
  if (root) return block('default_action', [], [attr('type', 'forward'), attr('target_group_arn', ref(`aws_lb_target_group.${root.id}.arn`))]);
  return block('default_action', [], [attr('type', 'fixed-response'), block('fixed_response', [], [attr('content_type', 'text/plain'), attr('message_body', 'Not found'), attr('status_code', '404')])]);
}

/**
 * The target group and listener rules of a web service; returns the rules. On a listener ecsform
 * creates, the service routed at `/` is the default action; on one you bring, it gets a rule too.
 */
function targetGroupAndRules(ctx: PlanContext, service: Service, network: NetworkRefs, listenerArn: Expr, rootIsDefaultAction: boolean): Expr[] {
  const hc = service.loadBalancerHealthCheck!;
  const name = ctx.limitedName(`target_group_${service.id}`, ctx.boundedSuffix(service.awsName, TARGET_GROUP_NAME_LIMIT), TARGET_GROUP_NAME_LIMIT);
  ctx.add(
    'load_balancer',
    block('resource', ['aws_lb_target_group', service.id], [
      attr('name', name),
      attr('port', num(service.mainPort!)),
      attr('protocol', 'HTTP'),
      attr('target_type', 'ip'),
      attr('vpc_id', network.vpcId),
      attr('deregistration_delay', 30),
      block('health_check', [], [
        attr('enabled', true),
        attr('path', hc.path),
        attr('matcher', hc.matcher),
        attr('interval', num(hc.intervalSeconds)),
        attr('timeout', num(hc.timeoutSeconds)),
        attr('healthy_threshold', num(hc.healthyThreshold)),
        attr('unhealthy_threshold', num(hc.unhealthyThreshold)),
      ]),
      ctx.tags(service.awsName),
    ]),
    `Routing to ${service.name}`,
  );
  const rules = service.routes.filter((r) => !(rootIsDefaultAction && isRoot(r)));
  return rules.map((route, i) => {
    const id = rules.length === 1 ? service.id : `${service.id}_${i + 1}`;
    ctx.add(
      'load_balancer',
      block('resource', ['aws_lb_listener_rule', id], [
        attr('listener_arn', listenerArn),
        attr('priority', num(route.priority)),
        block('action', [], [attr('type', 'forward'), attr('target_group_arn', ref(`aws_lb_target_group.${service.id}.arn`))]),
        ...conditions(route),
        ctx.tags(),
      ]),
    );
    return ref(`aws_lb_listener_rule.${id}`);
  });
}

function isRoot(route: Route): boolean {
  return (route.pathPrefix === undefined || route.pathPrefix === '/') && !route.host;
}

function conditions(route: Route) {
  return [
    route.host ? block('condition', [], [block('host_header', [], [attr('values', [route.host])])]) : undefined,
    route.pathPrefix && route.pathPrefix !== '/' ? block('condition', [], [block('path_pattern', [], [attr('values', [route.pathPrefix, `${route.pathPrefix}/*`])])]) : undefined,
    // A rule needs a condition: everything, at the lowest priority of the service's routes.
    isRoot(route) ? block('condition', [], [block('path_pattern', [], [attr('values', ['/*'])])]) : undefined,
  ].filter((c) => c !== undefined);
}

/** Rules on a listener you bring; the ALB's security group is a variable. */
function existingListener(ctx: PlanContext, web: readonly Service[], network: NetworkRefs): Balancer {
  const listener = ctx.variable('alb_listener_arn', { description: 'ARN of the existing HTTPS listener the routing rules are added to.', type: types.string });
  const sg = ctx.variable('alb_security_group_id', { description: 'Security group of the existing ALB (tasks accept traffic from it).', type: types.string });
  const rules = new Map(web.map((service) => [service.name, targetGroupAndRules(ctx, service, network, listener, false)]));
  return { targetsOf: (s) => [{ targetGroupArn: ref(`aws_lb_target_group.${s.id}.arn`), containerPort: s.mainPort! }], dependenciesOf: (s) => rules.get(s.name) ?? [], securityGroupId: sg };
}

/** Target groups you bring: one ARN variable per web service. */
function existingTargetGroups(ctx: PlanContext, web: readonly Service[]): Balancer {
  const sg = ctx.variable('alb_security_group_id', { description: 'Security group of the existing ALB (tasks accept traffic from it).', type: types.string });
  const arnOf = new Map(
    web.map((s) => {
      const name = web.length === 1 ? 'target_group_arn' : `${s.id}_target_group_arn`;
      return [s.name, ctx.variable(name, { description: `ARN of the existing target group (target type ip, port ${s.mainPort}) that sends traffic to ${s.name}.`, type: types.string, validations: [{ condition: call('can', call('regex', str('^arn:aws[a-z-]*:elasticloadbalancing:'), ref(`var.${name}`))), message: `${name} must be a target group ARN.` }] })];
    }),
  );
  return { targetsOf: (s) => [{ targetGroupArn: arnOf.get(s.name)!, containerPort: s.mainPort! }], dependenciesOf: () => [], securityGroupId: sg };
}

function createdNlb(ctx: PlanContext, services: readonly Service[], network: NetworkRefs): Balancer {
  ctx.add(
    'load_balancer',
    block('resource', ['aws_lb', 'nlb'], [
      attr('name', ctx.limitedName('nlb', 'nlb', LOAD_BALANCER_NAME_LIMIT)),
      attr('internal', false),
      attr('load_balancer_type', 'network'),
      attr('security_groups', [ref('aws_security_group.nlb.id')]),
      attr('subnets', network.publicSubnetIds),
      attr('enable_cross_zone_load_balancing', true),
      ctx.tags('nlb'),
    ], [`ecsform:ignore ${LB_INTERNET_FACING} The NLB is how clients on the internet reach the TCP services.`, `ecsform:ignore ${LB_ACCESS_LOGS} NLB access logs only cover TLS listeners; these listeners are plain TCP/UDP.`]),
    'Network load balancer',
  );
  const targets = new Map<string, { targetGroupArn: Expr; containerPort: number }[]>();
  const listeners = new Map<string, Expr[]>();
  for (const service of services) {
    for (const port of nlbPorts(service)) {
      const id = `${service.id}_${port.publishedPort}_${port.protocol.toLowerCase()}`;
      const forwarded = port.publishedPort === port.containerPort ? '' : ` (forwarded to container port ${port.containerPort})`;
      const name = ctx.limitedName(`target_group_${id}`, ctx.boundedSuffix(`${service.awsName}-${port.publishedPort}-${port.protocol.toLowerCase().replace('_', '')}`, TARGET_GROUP_NAME_LIMIT), TARGET_GROUP_NAME_LIMIT);
      ctx.add('load_balancer', [
        block('resource', ['aws_lb_target_group', id], [
          attr('name', name),
          attr('port', num(port.containerPort)),
          attr('protocol', port.protocol),
          attr('target_type', 'ip'),
          attr('vpc_id', network.vpcId),
          attr('deregistration_delay', 30),
          block('health_check', [], [attr('enabled', true), attr('protocol', 'TCP'), attr('port', 'traffic-port')]),
          ctx.tags(),
        ]),
        block('resource', ['aws_lb_listener', id], [
          attr('load_balancer_arn', ref('aws_lb.nlb.arn')),
          attr('port', num(port.publishedPort)),
          attr('protocol', port.protocol),
          block('default_action', [], [attr('type', 'forward'), attr('target_group_arn', ref(`aws_lb_target_group.${id}.arn`))]),
          ctx.tags(),
        ], `Clients connect to ${service.name} on ${port.publishedPort}/${port.protocol}${forwarded}.`),
      ]);
      listeners.set(service.name, [...(listeners.get(service.name) ?? []), ref(`aws_lb_listener.${id}`)]);
      targets.set(service.name, [...(targets.get(service.name) ?? []), { targetGroupArn: ref(`aws_lb_target_group.${id}.arn`), containerPort: port.containerPort }]);
    }
  }
  return { targetsOf: (s) => targets.get(s.name) ?? [], dependenciesOf: (s) => listeners.get(s.name) ?? [] };
}

/** Load balancer and target group names are at most 32 characters. */
const LOAD_BALANCER_NAME_LIMIT = 32;
const TARGET_GROUP_NAME_LIMIT = 32;

interface NlbPort {
  readonly containerPort: number;
  readonly publishedPort: number;
  readonly protocol: 'TCP' | 'UDP' | 'TCP_UDP';
}

/**
 * The NLB listeners of a service: one per published port, on the port clients use. A port
 * published for both TCP and UDP (DNS on 53) is one TCP_UDP listener, since an NLB cannot have
 * two listeners on one port.
 */
function nlbPorts(service: Service): NlbPort[] {
  const byPort = new Map<number, NlbPort>();
  for (const port of service.ports.filter((p) => p.published)) {
    const publishedPort = port.publishedPort ?? port.containerPort;
    const existing = byPort.get(publishedPort);
    const protocol = port.protocol === 'udp' ? 'UDP' : 'TCP';
    byPort.set(publishedPort, existing && existing.protocol !== protocol ? { ...existing, protocol: 'TCP_UDP' } : { containerPort: port.containerPort, publishedPort, protocol });
  }
  return [...byPort.values()];
}

