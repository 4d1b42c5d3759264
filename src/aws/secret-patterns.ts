/**
 * How an environment variable is recognised as a secret, by its name or by its value. Shared by
 * the model (which moves secrets into Secrets Manager) and the security rule that flags secrets
 * left in a task definition's `environment`, so the two can never disagree.
 */
import { splitNameWords } from '../util/name-words.js';

/**
 * Name words that mark a secret. Matched against the `_`/`-`/`.`-separated words of the name, so
 * `API_KEY` and `DB_PASS` match while `KEYCLOAK_URL` and `PASSENGER_COUNT` do not. Covers the
 * Trivy AWS-0036 list (password, secret, private_key, token, api_key, aws_access_key_id,
 * aws_secret_access_key) and common spellings.
 */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'tokens',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'privatekey',
  'salt',
  'dsn',
  'passphrase',
  'signingkey',
]);

/** Run-together words ending in these are secrets too: `PGPASSWORD`, `CLIENTSECRET`, `AUTHTOKEN`. */
const SECRET_SUFFIXES: readonly string[] = ['password', 'passwd', 'secret', 'token', 'apikey', 'passphrase'];

/**
 * `KEY` alone is too common; as the last word (`STRIPE_KEY`) it is a secret unless the word
 * before it says what kind of key it is and that kind is not a secret (`CACHE_KEY`, `PUBLIC_KEY`).
 * Elsewhere in a name (`API_KEY_ID`) it needs a qualifier that makes it one.
 */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set(['api', 'secret', 'private', 'access', 'signing', 'encryption', 'master', 'license', 'client', 'app', 'auth', 'jwt', 'session', 'webhook', 'hmac', 'crypto']);
const NON_SECRET_KEY_KINDS: ReadonlySet<string> = new Set(['public', 'pub', 'publishable', 'anon', 'cache', 'sort', 'partition', 'primary', 'foreign', 'hash', 'range', 'object', 's3', 'bucket', 'idempotency', 'routing', 'lookup', 'index', 'map', 'group', 'shard', 'dedup', 'deduplication', 'prefix', 'redis', 'file', 'kms', 'site', 'recaptcha']);

/** Prefixes of variables that front-end build tools put into the browser bundle: public by design. */
const BROWSER_PREFIXES: readonly string[] = ['next_public_', 'vite_', 'react_app_', 'nuxt_public_', 'expo_public_', 'gatsby_'];

/** Words that turn a secret word into a setting about the secret (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`). */
const SETTING_LAST_WORDS: ReadonlySet<string> = new Set(['min', 'max', 'length', 'len', 'ttl', 'expiry', 'expires', 'in', 'expiration', 'lifetime', 'age', 'seconds', 'secs', 'minutes', 'hours', 'days', 'timeout', 'interval', 'url', 'uri', 'endpoint', 'host', 'port', 'type', 'enabled', 'disabled', 'enable', 'count', 'size', 'header', 'algorithm', 'algo', 'policy', 'rotation', 'issuer', 'audience', 'scope', 'scopes', 'format', 'mode', 'store', 'provider', 'backend', 'version', 'file', 'path', 'dir', 'arn', 'name', 'location', 'source', 'ref']);
/** Words that, anywhere in a name, make it a switch rather than a secret (`MYSQL_ALLOW_EMPTY_PASSWORD`). */
const SWITCH_WORDS: ReadonlySet<string> = new Set(['allow', 'empty', 'random', 'generate', 'require', 'required', 'use', 'skip', 'disable', 'enable', 'no']);
/** Values that are a switch or an absent value, never a secret: `JWT_SECRET_ENABLED` aside, `REQUIRE_TOKEN=true`. */
const SWITCH_VALUES: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'none', 'null']);

/** Names that contain a secret word but name something else (Trivy's own exceptions, paths, settings). */
function isExempt(words: readonly string[]): boolean {
  const joined = words.join('_');
  if (joined.startsWith('token_type') || joined.startsWith('version')) return true;
  if (words.some((w) => SWITCH_WORDS.has(w))) return true;
  const last = words[words.length - 1]!;
  // `AWS_ACCESS_KEY_ID` is half of a credential; other `_ID`s point at a secret.
  if (last === 'id') return !joined.includes('access_key');
  return SETTING_LAST_WORDS.has(last);
}

/**
 * The word that makes `name` look like a secret, or undefined. With `value`, a switch value
 * (`true`, `no`) is never a secret whatever the name.
 */
export function secretNameMatch(name: string, value?: string): string | undefined {
  if (value !== undefined && SWITCH_VALUES.has(value.trim().toLowerCase())) return undefined;
  const words = splitNameWords(name);
  if (words.length === 0 || isExempt(words)) return undefined;
  const joined = words.join('_');
  if (BROWSER_PREFIXES.some((p) => `${joined}_`.startsWith(p))) return undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (SECRET_WORDS.has(word)) return word;
    const suffix = SECRET_SUFFIXES.find((s) => word.length > s.length && word.endsWith(s));
    if (suffix) return word;
    if (word !== 'key') continue;
    const before = i > 0 ? words[i - 1]! : undefined;
    if (before !== undefined && KEY_QUALIFIERS.has(before)) return `${before}_key`;
    if (i === words.length - 1 && (before === undefined || !NON_SECRET_KEY_KINDS.has(before))) return before ? `${before}_key` : word;
  }
  if (joined.includes('aws_access_key_id') || joined.includes('aws_secret_access_key')) return 'aws_access_key';
  return undefined;
}

/**
 * A connection string to a data store (`DATABASE_URL`, `MONGO_URI`, `CONNECTION_STRING`). Left
 * empty in Compose, it is filled in per environment and usually carries credentials.
 */
export function isConnectionStringName(name: string): boolean {
  const joined = splitNameWords(name).join('_');
  if (/(^|_)connection_?string$/.test(joined) || /(^|_)conn_?str$/.test(joined)) return true;
  return /(^|_)(database|db|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|redis|amqp|rabbitmq|rabbit|mssql|sqlserver|timescale|elasticsearch|opensearch|cassandra|kafka)_(url|uri)$/.test(joined);
}

export type SecretValueReason = 'url-credentials' | 'known-token' | 'private-key' | 'high-entropy';

const KNOWN_TOKEN_PATTERNS: readonly RegExp[] = [
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, // GitHub tokens
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/, // Slack tokens
  /\bsk-[A-Za-z0-9_-]{20,}\b/, // OpenAI/Stripe style secret keys
  /\bsk_(live|test)_[A-Za-z0-9]{16,}\b/, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/, // JWT
  /hooks\.slack\.com\/services\/[A-Za-z0-9/]+/, // Slack webhook URL
];

/** Why a value looks like a secret regardless of its variable's name, or undefined. */
export function secretValueMatch(value: string): SecretValueReason | undefined {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return 'private-key';
  if (urlHasPassword(value)) return 'url-credentials';
  if (KNOWN_TOKEN_PATTERNS.some((p) => p.test(value))) return 'known-token';
  if (isHighEntropy(value)) return 'high-entropy';
  return undefined;
}

/** `scheme://user:password@host` (or `scheme://:password@host`), with a non-empty password. */
export function urlHasPassword(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@[^\s]+$/i.test(value.trim());
}

/**
 * A long, random-looking string: at least 20 characters with no spaces, mixing at least three
 * character classes, with Shannon entropy above 3.5 bits per character. Paths, URLs and
 * dotted names are excluded: they are long but not random.
 */
export function isHighEntropy(value: string): boolean {
  // URLs (passwords in them are caught by urlHasPassword) and paths are long but not random.
  if (value.length < 20 || /\s/.test(value) || value.includes('://') || value.startsWith('/')) return false;
  if (/^[\w.-]+$/.test(value) && value.split(/[._-]/).every((part) => /^[a-z]*$/i.test(part))) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  if (classes < 3) return false;
  return shannonEntropy(value) > 3.5;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
