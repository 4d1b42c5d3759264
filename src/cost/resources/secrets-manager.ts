/** `aws_secretsmanager_secret`: a secret-month for it and each replica, plus API calls. */
import { isUnknown, nestedBodies } from '../../terraform/index.js';
import { charge, type ResourceEstimator } from './estimator.js';

export const estimateSecret: ResourceEstimator = (ctx) => {
  const replicas = nestedBodies(ctx, 'replica');
  if (isUnknown(replicas)) return replicas;
  const calls = ctx.usage.secrets_manager.api_calls_per_secret;
  return {
    components: [
      charge(ctx.prices, 'secrets_manager.secret_month', { service: 'Secrets Manager', name: replicas.length > 0 ? `Secret and ${replicas.length} replica(s)` : 'Secret', quantity: 1 + replicas.length }),
      charge(ctx.prices, 'secrets_manager.api_10k', { service: 'Secrets Manager', name: 'API calls', quantity: calls / 10_000, assumptions: ['secrets_manager.api_calls_per_secret'] }),
    ],
  };
};
