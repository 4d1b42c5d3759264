/** Shared by the load balancer rules: which types exist, and what kind a balancer is. */
import { type ModuleView, type Read, type ResourceInstance, str, Unknown } from '../../../terraform/index.js';

export const LOAD_BALANCER_TYPES: readonly string[] = ['aws_lb', 'aws_alb'];
export const LISTENER_TYPES: readonly string[] = ['aws_lb_listener', 'aws_alb_listener'];
export const TARGET_GROUP_TYPES: readonly string[] = ['aws_lb_target_group', 'aws_alb_target_group'];

/** `application` (the default), `network` or `gateway`. */
export function loadBalancerType(lb: ResourceInstance): Read<string> {
  return str(lb.attr('load_balancer_type')) ?? 'application';
}

/** A listener's protocol; when it is left out, HTTP for a listener of an application load balancer. */
export function listenerProtocol(listener: ResourceInstance, view: ModuleView): Read<string> {
  const protocol = str(listener.attr('protocol'));
  if (protocol !== undefined) return protocol;
  const lb = view.target(listener.attribute('load_balancer_arn')?.expr);
  if (!lb || !LOAD_BALANCER_TYPES.includes(lb.type)) return new Unknown('no protocol, on a load balancer outside the module');
  const instance = view.instancesOf(lb)[0];
  return instance && loadBalancerType(instance) === 'application' ? 'HTTP' : new Unknown('no protocol, on a load balancer that is not an ALB');
}
