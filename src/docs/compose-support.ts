/** docs/compose-support.md: every Compose key and what ecsform does with it, from the key table. */
import { SERVICE_KEYS, TOP_LEVEL_KEYS, type KeyRule } from '../model/compose-keys.js';

/** Where a key lands, in the words of the generated Terraform. */
function landing(lands: string | undefined): string {
  if (!lands) return '';
  const [kind, name] = lands.split('.');
  switch (kind) {
    case 'container':
      return ` Lands in the container definition's \`${name}\`.`;
    case 'task':
      return ` Lands in \`aws_ecs_task_definition.${name}\`.`;
    case 'service':
      return ` Lands in \`aws_ecs_service.${name}\`.`;
    default:
      return ` Lands in \`${name}\` resources.`;
  }
}

const LABEL = { mapped: 'mapped', approximated: 'approximated (warning)', ignored: 'ignored (warning)', error: 'error' } as const;

export function composeSupport(): string {
  const rows = (table: Readonly<Record<string, KeyRule>>) =>
    Object.entries(table)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, rule]) => `| \`${key}\` | ${LABEL[rule.treatment]}${rule.forValue ? ' (depends on the value)' : ''} | ${(rule.note + landing(rule.lands)).replace(/\|/g, '\\|')} |`);
  return [
    '# Compose support',
    '',
    '<!-- Generated from src/model/compose-keys.ts by `node dist/scripts/generate-docs.js`; do not edit. -->',
    '',
    'Every key of the Compose Specification and what ecsform does with it on ECS Fargate. A key that is not in this table is reported as unknown, with a did-you-mean. `x-` keys are extensions and are left alone (except `x-ecsform`).',
    '',
    '- **mapped**: becomes part of the task definition or the infrastructure as written.',
    '- **approximated**: mapped to the closest ECS feature; a warning says what differs.',
    '- **ignored**: no ECS equivalent and not needed to run the service; a warning says so.',
    '- **error**: cannot run on Fargate; the message names the line and what to do instead (exit code 2).',
    '',
    '## Top-level keys',
    '',
    '| Key | Treatment | What happens |',
    '|-----|-----------|--------------|',
    ...rows(TOP_LEVEL_KEYS),
    '',
    '## Service keys',
    '',
    '| Key | Treatment | What happens |',
    '|-----|-----------|--------------|',
    ...rows(SERVICE_KEYS),
    '',
  ].join('\n');
}
