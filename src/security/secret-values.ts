/**
 * Whether an environment variable holds a secret. Names and literal values are judged by
 * `src/model/secret-patterns.ts`, the same functions the generator uses to move secrets into
 * Secrets Manager, so the generator and this check never disagree. A value computed from a
 * `sensitive` variable or from a secret's value is a secret whatever its name.
 */
import type { Expr } from '../hcl/index.js';
import { secretNameMatch, secretValueMatch, type SecretValueReason } from '../aws/secret-patterns.js';
import { evaluate, type Located, type ModuleIndex, walkExpr } from '../terraform/index.js';

const VALUE_REASONS: Readonly<Record<SecretValueReason, string>> = {
  'url-credentials': 'the value is a URL with a password',
  'known-token': 'the value has the format of an access token',
  'private-key': 'the value is a private key',
  'high-entropy': 'the value looks random (high entropy)',
};

/** Attributes of resources that hold secret values. */
const SECRET_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['aws_secretsmanager_secret_version', 'secret_string'],
  ['random_password', 'result'],
]);

/** Why the variable is a secret, or undefined when nothing says it is. */
export function secretReason(name: string, value: Located | undefined, module: ModuleIndex): string | undefined {
  const word = secretNameMatch(name, value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined);
  if (word !== undefined) return `the name contains "${word}"`;
  if (value?.kind === 'scalar' && typeof value.value === 'string') {
    const match = secretValueMatch(value.value);
    if (match) return VALUE_REASONS[match];
  }
  return value?.source ? secretSource(value.source, module) : undefined;
}

function secretSource(expr: Expr, module: ModuleIndex): string | undefined {
  let reason: string | undefined;
  walkExpr(expr, (node) => {
    if (reason !== undefined || node.kind !== 'traversal') return;
    const [first, second, third] = node.steps;
    if (node.root === 'var' && first?.kind === 'attr' && isSensitive(module, first.name)) reason = `the value comes from the sensitive variable var.${first.name}`;
    const prefixed = node.root === 'data' || node.root === 'ephemeral';
    const resourceType = prefixed ? (first?.kind === 'attr' ? first.name : undefined) : node.root;
    const resourceName = prefixed ? second : first;
    const attribute = prefixed ? third : second;
    if (resourceType !== undefined && resourceName?.kind === 'attr' && attribute?.kind === 'attr' && SECRET_ATTRIBUTES.get(resourceType) === attribute.name) {
      reason = `the value is read from ${prefixed ? `${node.root}.` : ''}${resourceType}.${resourceName.name}.${attribute.name}`;
    }
  });
  return reason;
}

function isSensitive(module: ModuleIndex, name: string): boolean {
  const declared = module.variables.get(name);
  const sensitive = declared?.block.body.items.find((item) => item.kind === 'attribute' && item.name === 'sensitive');
  if (sensitive?.kind !== 'attribute') return false;
  const value = evaluate(sensitive.expr, { module });
  return value === true;
}
