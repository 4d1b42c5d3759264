/**
 * Every finding code the Compose loader can report. Keyed by a union type so that a code without
 * documentation does not compile.
 */
import type { Severity } from '../../diagnostics/finding.js';

export type ComposeFindingCode =
  | 'COMPOSE_NO_FILES'
  | 'COMPOSE_YAML_SYNTAX'
  | 'COMPOSE_YAML_DUPLICATE_KEY'
  | 'COMPOSE_YAML_ALIAS'
  | 'COMPOSE_YAML_MERGE_KEY'
  | 'COMPOSE_YAML_KEY'
  | 'COMPOSE_LIMIT'
  | 'COMPOSE_TYPE'
  | 'COMPOSE_FIELD_MISSING'
  | 'COMPOSE_INTERPOLATION_SYNTAX'
  | 'COMPOSE_VAR_REQUIRED'
  | 'COMPOSE_VAR_UNSET'
  | 'COMPOSE_DOTENV_SYNTAX'
  | 'COMPOSE_ENV_FILE_MISSING'
  | 'COMPOSE_ENV_FILE_FORMAT'
  | 'COMPOSE_MERGE_CONFLICT'
  | 'COMPOSE_EXTENDS_FILE_MISSING'
  | 'COMPOSE_EXTENDS_SERVICE_MISSING'
  | 'COMPOSE_EXTENDS_CYCLE'
  | 'COMPOSE_INCLUDE_FILE_MISSING'
  | 'COMPOSE_INCLUDE_CYCLE'
  | 'COMPOSE_INCLUDE_CONFLICT'
  | 'COMPOSE_PORT_INVALID'
  | 'COMPOSE_VOLUME_INVALID'
  | 'COMPOSE_DURATION_INVALID'
  | 'COMPOSE_MEMORY_INVALID'
  | 'COMPOSE_CPUS_INVALID'
  | 'COMPOSE_COMMAND_INVALID'
  | 'COMPOSE_COMMAND_TRUNCATED'
  | 'COMPOSE_DEPENDS_ON_UNKNOWN'
  | 'COMPOSE_DEPENDS_ON_DISABLED'
  | 'COMPOSE_DEPENDS_ON_SKIPPED'
  | 'COMPOSE_DEPENDS_ON_CYCLE'
  | 'COMPOSE_VOLUME_UNDEFINED'
  | 'COMPOSE_SECRET_UNDEFINED'
  | 'COMPOSE_CONFIG_UNDEFINED'
  | 'COMPOSE_NETWORK_UNDEFINED'
  | 'COMPOSE_RESOURCE_SOURCE_MISSING'
  | 'COMPOSE_PROJECT_NAME_INVALID';

export interface FindingCodeDoc {
  readonly title: string;
  readonly description: string;
  /** The severity the loader reports the code with. */
  readonly severity: Severity;
}

export const COMPOSE_FINDING_CODES: Readonly<Record<ComposeFindingCode, FindingCodeDoc>> = {
  COMPOSE_NO_FILES: {
    title: 'No Compose file',
    description: 'The loader was called without any Compose file to read.',
    severity: 'error',
  },
  COMPOSE_YAML_SYNTAX: {
    title: 'Malformed YAML',
    description: 'The file is not valid YAML; the position is the one the YAML parser reports.',
    severity: 'error',
  },
  COMPOSE_YAML_DUPLICATE_KEY: {
    title: 'Duplicate key',
    description: 'A mapping defines the same key twice. Compose rejects this rather than silently keeping one value.',
    severity: 'error',
  },
  COMPOSE_YAML_ALIAS: {
    title: 'Bad YAML alias',
    description: 'An alias (`*name`) refers to an anchor that is not defined, refers to itself, or expands to an excessive size.',
    severity: 'error',
  },
  COMPOSE_YAML_MERGE_KEY: {
    title: 'Bad merge key',
    description: 'The value of a `<<` merge key must be a mapping or a list of mappings (usually aliases of anchored mappings).',
    severity: 'error',
  },
  COMPOSE_YAML_KEY: {
    title: 'Non-scalar key',
    description: 'A mapping key is itself a mapping or a sequence; Compose keys are strings.',
    severity: 'error',
  },
  COMPOSE_LIMIT: {
    title: 'Beyond what ecsform reads',
    description:
      'The input is deeper or larger than any real application needs and ecsform refuses to read it: YAML nested more than 100 levels, interpolation nested more than 20 levels, more than 100 ports on one service, more than 1,000 services. The message names the limit.',
    severity: 'error',
  },
  COMPOSE_TYPE: {
    title: 'Wrong value type',
    description: 'A Compose attribute has a value of the wrong type, e.g. `ports: 80` instead of a list, or `replicas: many`.',
    severity: 'error',
  },
  COMPOSE_FIELD_MISSING: {
    title: 'Required field missing',
    description: 'A long-syntax entry lacks a field Compose requires, e.g. a port without `target` or a secret without `source`.',
    severity: 'error',
  },
  COMPOSE_INTERPOLATION_SYNTAX: {
    title: 'Invalid interpolation',
    description: 'A `$` in a value does not start a valid `$VAR`, `${VAR}` or `${VAR:-default}` expression. A literal `$` is written `$$`.',
    severity: 'error',
  },
  COMPOSE_VAR_REQUIRED: {
    title: 'Required variable missing',
    description: 'A value uses `${VAR:?message}` or `${VAR?message}` and the variable is not set (or empty, for `:?`).',
    severity: 'error',
  },
  COMPOSE_VAR_UNSET: {
    title: 'Variable not set',
    description: 'A value uses `$VAR` or `${VAR}` without a default and the variable is not set; Compose substitutes an empty string.',
    severity: 'low',
  },
  COMPOSE_DOTENV_SYNTAX: {
    title: 'Malformed env file',
    description: 'A `.env` or `env_file` file does not follow the Compose dotenv syntax (`KEY=value`, quotes, comments).',
    severity: 'error',
  },
  COMPOSE_ENV_FILE_MISSING: {
    title: 'Env file not found',
    description: 'A service lists an `env_file` that does not exist and is not marked `required: false`.',
    severity: 'error',
  },
  COMPOSE_ENV_FILE_FORMAT: {
    title: 'Unknown env file format',
    description: 'An `env_file` entry sets a `format` other than the Compose default or `raw`.',
    severity: 'error',
  },
  COMPOSE_MERGE_CONFLICT: {
    title: 'Values cannot be merged',
    description: 'Two Compose files (or a service and the one it extends) give the same attribute values of incompatible types, e.g. a list and a mapping.',
    severity: 'error',
  },
  COMPOSE_EXTENDS_FILE_MISSING: {
    title: 'Extended file not found',
    description: '`extends.file` names a file that does not exist.',
    severity: 'error',
  },
  COMPOSE_EXTENDS_SERVICE_MISSING: {
    title: 'Extended service not found',
    description: '`extends.service` names a service that the referenced file does not define.',
    severity: 'error',
  },
  COMPOSE_EXTENDS_CYCLE: {
    title: 'Extends cycle',
    description: 'Services extend each other in a loop.',
    severity: 'error',
  },
  COMPOSE_INCLUDE_FILE_MISSING: {
    title: 'Included file not found',
    description: 'An `include` entry names a file that does not exist.',
    severity: 'error',
  },
  COMPOSE_INCLUDE_CYCLE: {
    title: 'Include cycle',
    description: 'Compose files include each other in a loop.',
    severity: 'error',
  },
  COMPOSE_INCLUDE_CONFLICT: {
    title: 'Included resource conflicts',
    description: 'An included file defines a service, volume, network, secret or config with the same name as the including file, with a different definition.',
    severity: 'error',
  },
  COMPOSE_PORT_INVALID: {
    title: 'Invalid port',
    description: 'A `ports` or `expose` entry cannot be parsed, is out of the range 1-65535, or uses an unknown protocol.',
    severity: 'error',
  },
  COMPOSE_VOLUME_INVALID: {
    title: 'Invalid volume mount',
    description: 'A service `volumes` entry cannot be parsed or lacks a source or target its type needs.',
    severity: 'error',
  },
  COMPOSE_DURATION_INVALID: {
    title: 'Invalid duration',
    description: 'A duration such as `healthcheck.interval` is not of the form `1m30s`, `10s`, `500ms` (units h, m, s, ms, us, ns).',
    severity: 'error',
  },
  COMPOSE_MEMORY_INVALID: {
    title: 'Invalid memory size',
    description: 'A memory size is not a number of bytes or a number with a unit b, k, m, g, t, p (optionally followed by b or ib).',
    severity: 'error',
  },
  COMPOSE_CPUS_INVALID: {
    title: 'Invalid CPU count',
    description: '`cpus` is not a non-negative number of CPUs such as `0.5` or `"2"`.',
    severity: 'error',
  },
  COMPOSE_COMMAND_INVALID: {
    title: 'Unparsable command',
    description: 'A `command` or `entrypoint` string has an unclosed quote or a stray parenthesis, so Compose cannot split it into words.',
    severity: 'error',
  },
  COMPOSE_COMMAND_TRUNCATED: {
    title: 'Command cut at a shell operator',
    description: 'Compose splits a string `command`/`entrypoint` into words and stops at an unquoted `;`, `&`, `|`, `<` or `>`, dropping the rest. No shell runs it.',
    severity: 'medium',
  },
  COMPOSE_DEPENDS_ON_UNKNOWN: {
    title: 'Dependency on an unknown service',
    description: '`depends_on` names a service that no Compose file defines.',
    severity: 'error',
  },
  COMPOSE_DEPENDS_ON_DISABLED: {
    title: 'Dependency on a disabled service',
    description: '`depends_on` names a service whose profiles are all inactive.',
    severity: 'error',
  },
  COMPOSE_DEPENDS_ON_SKIPPED: {
    title: 'Optional dependency skipped',
    description: 'A `depends_on` entry with `required: false` names a service that is undefined or disabled; the dependency is dropped.',
    severity: 'info',
  },
  COMPOSE_DEPENDS_ON_CYCLE: {
    title: 'Dependency cycle',
    description: 'Services depend on each other in a loop, so none of them can start first.',
    severity: 'error',
  },
  COMPOSE_VOLUME_UNDEFINED: {
    title: 'Undefined named volume',
    description: 'A service mounts a named volume that the top-level `volumes` section does not declare.',
    severity: 'error',
  },
  COMPOSE_SECRET_UNDEFINED: {
    title: 'Undefined secret',
    description: 'A service uses a secret that the top-level `secrets` section does not declare.',
    severity: 'error',
  },
  COMPOSE_CONFIG_UNDEFINED: {
    title: 'Undefined config',
    description: 'A service uses a config that the top-level `configs` section does not declare.',
    severity: 'error',
  },
  COMPOSE_NETWORK_UNDEFINED: {
    title: 'Undefined network',
    description: 'A service joins a network that the top-level `networks` section does not declare.',
    severity: 'error',
  },
  COMPOSE_RESOURCE_SOURCE_MISSING: {
    title: 'Secret or config without a source',
    description: 'A top-level secret or config declares none of `file`, `environment`, `content` (configs) or `external`.',
    severity: 'error',
  },
  COMPOSE_PROJECT_NAME_INVALID: {
    title: 'Invalid project name',
    description: 'The project name given with `-p` or `COMPOSE_PROJECT_NAME` is not lowercase letters, digits, `-` and `_` starting with a letter or digit, or no name can be derived.',
    severity: 'error',
  },
};
