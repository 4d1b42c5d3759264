/**
 * AWS-managed policies: recognised by ARN (`arn:<partition>:iam::aws:policy/...`), with the
 * actions of the few whose content a rule needs to know.
 */
import { HOLE } from '../../terraform/index.js';

const MANAGED_ARN = /^arn:[^:]*:iam::aws:policy\/(.+)$/;

/** The policy's path and name (`service-role/AmazonECSTaskExecutionRolePolicy`) when the ARN is AWS-managed. */
export function awsManagedPolicyName(arn: string): string | undefined {
  const name = MANAGED_ARN.exec(arn)?.[1];
  return name === undefined || name.includes(HOLE) ? undefined : name;
}

/** Actions granted by AWS-managed policies whose content is known here (as of 2026). */
const KNOWN_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'service-role/AmazonECSTaskExecutionRolePolicy': [
    'ecr:GetAuthorizationToken',
    'ecr:BatchCheckLayerAvailability',
    'ecr:GetDownloadUrlForLayer',
    'ecr:BatchGetImage',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
  ],
};

export function knownManagedPolicyActions(name: string): readonly string[] | undefined {
  return KNOWN_ACTIONS[name];
}
