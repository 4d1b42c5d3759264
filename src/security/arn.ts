/**
 * ARNs read from text that may have unknown parts (`HOLE`). Only text that starts with a written
 * `arn:` is parsed, so a hole stands for a field's value and never for the field separators.
 */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the account field (may itself hold `:`). */
  readonly resource: string;
}

export function parseArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const fields = text.split(':');
  if (fields.length < 6) return undefined;
  const [, partition, service, region, account] = fields as [string, string, string, string, string];
  return { partition, service, region, account, resource: fields.slice(5).join(':') };
}
