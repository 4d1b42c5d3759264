import { parseArn } from '../arn.js';
import { knownContainers } from '../containers.js';
import { hasHole, isUnknown, items, type Located, member, partialText, resourceAddresses } from '../../terraform/index.js';
import { roleAllows } from '../policy/role-grants.js';
import { defineRule } from '../rule.js';
import { ECS_SECRETS_EXECUTION_ROLE } from '../rule-ids.js';

/** What the ECS agent calls, with the execution role, to fetch a `secrets` entry. */
const FETCH_ACTION = { secretsmanager: 'secretsmanager:GetSecretValue', ssm: 'ssm:GetParameters' } as const;
type SecretStore = keyof typeof FETCH_ACTION;

export const ecsSecretsExecutionRole = defineRule({
  id: ECS_SECRETS_EXECUTION_ROLE,
  title: 'Container secrets the execution role cannot read',
  severity: 'medium',
  families: ['ecs', 'secrets', 'least-privilege'],
  equivalents: {},
  rationale: 'ECS fetches `secrets` valueFrom with the execution role before the container starts: without the grant the task never starts, and granting it to the task role instead hands every secret to the application code.',
  fix: 'Allow secretsmanager:GetSecretValue (or ssm:GetParameters) on exactly these secrets in a policy of the execution role, not the task role.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    const stores = secretStores(knownContainers(context.resource).map((c) => member(c.node, 'secrets')));
    if (stores.size === 0) return;
    const executionAttr = context.resource.attribute('execution_role_arn');
    if (!executionAttr) {
      context.report(context.resource.site, `${context.resource.name} injects secrets but has no execution_role_arn to fetch them with.`);
      return;
    }
    const executionRole = context.module.target(executionAttr.expr);
    if (executionRole?.type !== 'aws_iam_role') return;
    for (const store of [...stores].sort()) {
      const action = FETCH_ACTION[store];
      if (roleAllows(executionRole, action, context.module) !== false) continue;
      const taskRole = context.module.target(context.resource.attribute('task_role_arn')?.expr);
      const misplaced = taskRole?.type === 'aws_iam_role' && taskRole !== executionRole && roleAllows(taskRole, action, context.module) === true;
      context.report(
        { file: context.resource.file, range: executionAttr.range },
        `${context.resource.name} injects secrets, but its execution role ${executionRole.address} is not allowed ${action}${misplaced ? `; the task role ${taskRole.address} is, which ECS does not use to fetch them` : ''}.`,
      );
    }
  },
});

/** Which stores the `secrets` entries come from; an entry whose store is unknown adds none. */
function secretStores(lists: readonly (Located | undefined)[]): Set<SecretStore> {
  const stores = new Set<SecretStore>();
  for (const list of lists) {
    const entries = items(list);
    if (isUnknown(entries) || entries === undefined) continue;
    for (const entry of entries) {
      const store = storeOf(member(entry, 'valueFrom'));
      if (store) stores.add(store);
    }
  }
  return stores;
}

function storeOf(valueFrom: Located | undefined): SecretStore | undefined {
  const text = partialText(valueFrom);
  const service = typeof text === 'string' ? parseArn(text)?.service : undefined;
  if (service === 'secretsmanager' || service === 'ssm') return service;
  // Parameters of the same region may be named without an ARN; secrets may not.
  if (typeof text === 'string' && !text.startsWith('arn:') && !hasHole(text) && text !== '') return 'ssm';
  // A reference names its resource type even when the resource is declared elsewhere.
  const [address, ...others] = valueFrom?.source ? resourceAddresses(valueFrom.source) : [];
  const type = others.length === 0 ? address?.replace(/^data\./, '').split('.')[0] : undefined;
  if (type?.startsWith('aws_secretsmanager_secret')) return 'secretsmanager';
  if (type === 'aws_ssm_parameter') return 'ssm';
  return undefined;
}
