/**
 * Which family goes into which file. The root layout follows the file layout of a hand-written
 * landing zone (main.tf, vpc.tf, ecs.tf, alb.tf...); the module layout follows the standard
 * module structure (versions.tf, locals.tf, main.tf...).
 */
import type { Layout } from '../model/types.js';
import type { Family } from './document.js';

const ROOT: Record<Family, string> = {
  terraform: 'main.tf',
  locals: 'main.tf',
  data: 'main.tf',
  variables: 'variables.tf',
  outputs: 'outputs.tf',
  network: 'vpc.tf',
  security_groups: 'security_groups.tf',
  registry: 'ecr.tf',
  kms: 'kms.tf',
  secrets: 'secrets.tf',
  database: 'rds.tf',
  iam: 'iam.tf',
  logs: 'cloudwatch.tf',
  alarms: 'cloudwatch.tf',
  cluster: 'ecs.tf',
  services: 'ecs.tf',
  discovery: 'ecs.tf',
  scaling: 'ecs.tf',
  load_balancer: 'alb.tf',
  static_site: 'cloudfront.tf',
  storage: 'efs.tf',
  // The pipeline's OIDC provider and roles are IAM, next to the task roles.
  ci: 'iam.tf',
};

const MODULE: Record<Family, string> = {
  terraform: 'versions.tf',
  locals: 'locals.tf',
  data: 'locals.tf',
  variables: 'variables.tf',
  outputs: 'outputs.tf',
  network: 'main.tf',
  cluster: 'main.tf',
  security_groups: 'security_groups.tf',
  registry: 'ecr.tf',
  kms: 'kms.tf',
  secrets: 'secrets.tf',
  database: 'rds.tf',
  iam: 'iam.tf',
  logs: 'cloudwatch.tf',
  alarms: 'alarms.tf',
  services: 'service.tf',
  discovery: 'cloudmap.tf',
  scaling: 'autoscaling.tf',
  load_balancer: 'alb.tf',
  static_site: 'cloudfront.tf',
  storage: 'efs.tf',
  ci: 'ci.tf',
};

export function fileFor(layout: Layout, family: Family): string {
  return (layout === 'module' ? MODULE : ROOT)[family];
}
