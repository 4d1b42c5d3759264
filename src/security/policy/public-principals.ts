/**
 * Allow statements open to any principal: `"Principal": "*"`, `AWS = "*"`, or a
 * `principals { type = "*" }` block, with no condition narrowing them down.
 */
import { isUnknown, type Located, str } from '../../terraform/index.js';
import { allows } from './identity-policies.js';
import type { PolicyDocument, PolicyStatement } from './statement.js';

export interface PublicGrant {
  readonly statement: PolicyStatement;
  /** The `"*"` that opens it. */
  readonly principal: Located;
}

export function publicGrants(document: PolicyDocument): PublicGrant[] {
  const out: PublicGrant[] = [];
  for (const statement of document.statements) {
    if (!allows(statement) || isUnknown(statement.principals) || isUnknown(statement.conditions) || statement.conditions.length > 0) continue;
    for (const principal of statement.principals) {
      if ((principal.type === '*' || principal.type === 'AWS') && str(principal.id) === '*') out.push({ statement, principal: principal.id });
    }
  }
  return out;
}
