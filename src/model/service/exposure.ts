/**
 * How a service is reached: through the ALB (web), an NLB or a public IP (tcp), or only from
 * inside the VPC; and the security group it runs in.
 */
import type { ModelContext } from '../context.js';
import type { ClassifiedService } from '../classify.js';
import { terraformId } from '../names.js';
import type { ContainerPort, Service, ServiceKind } from '../types.js';

export function exposureOf(service: ClassifiedService, ports: readonly ContainerPort[], ctx: ModelContext): Service['exposure'] {
  const { compose, ext, extOrigin, role } = service;
  const name = compose.name;
  const exposure: Service['exposure'] = role === 'web' ? 'alb' : role === 'tcp' ? (ext.exposure ?? 'nlb') : 'none';
  if (ext.exposure && role !== 'tcp') ctx.error('SETTING_CONFLICT', `Service ${name}: x-ecsform.exposure applies to tcp services, but it is kind ${role}.`, extOrigin, 'Remove exposure, or set kind: tcp.');
  if (exposure === 'nlb') {
    // NLB health checks are TCP or HTTP: a UDP-only port is checked on TCP, where nothing answers.
    for (const udp of ports.filter((p) => p.published && p.protocol === 'udp' && !ports.some((t) => t.published && t.protocol === 'tcp' && t.containerPort === p.containerPort))) {
      ctx.warn(
        'COMPOSE_APPROXIMATED',
        `${name}: the NLB checks the health of UDP port ${udp.containerPort} over TCP on the same port, where the container does not listen, so its targets would never be healthy.`,
        udp.origin,
        `Also publish ${udp.containerPort}/tcp (a TCP_UDP listener), or change the target group's health_check port in the generated Terraform.`,
        'medium',
      );
    }
  }
  return exposure;
}

/** The security group a service runs in when x-ecsform.security_group does not name one. */
export function defaultSecurityGroup(kind: ServiceKind, name: string): string {
  switch (kind) {
    case 'web':
      return 'ecs_api';
    case 'internal':
      return 'ecs_internal';
    case 'worker':
      return 'ecs_worker';
    case 'tcp':
      return terraformId(name);
  }
}
