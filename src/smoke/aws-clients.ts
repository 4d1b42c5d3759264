/**
 * The real AWS clients, with the SDK's default credential chain (environment, SSO, profiles,
 * web identity as set by aws-actions/configure-aws-credentials, instance roles).
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { SmokeClients } from './runner.js';

export interface AwsAccess extends SmokeClients {
  /** Resolves the credentials the clients will use; rejects when there are none. */
  readonly resolveCredentials: () => Promise<unknown>;
}

export function createAwsAccess(region: string): AwsAccess {
  const config = { region, retryMode: 'adaptive' as const };
  const ecs = new ECSClient(config);
  return {
    ecs,
    elb: new ElasticLoadBalancingV2Client(config),
    logs: new CloudWatchLogsClient(config),
    resolveCredentials: () => ecs.config.credentials(),
  };
}
