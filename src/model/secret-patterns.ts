/**
 * How an environment variable is recognised as a secret, by its name or by its value. Shared by
 * the model (which moves secrets into Secrets Manager) and the security rule that flags secrets
 * left in a task definition's `environment`, so the two can never disagree.
 */

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
  'private',
  'privatekey',
  'salt',
  'dsn',
  'passphrase',
  'signingkey',
]);

/** `KEY` alone is too common (`KEY_PREFIX`); it marks a secret only after these words. */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set(['api', 'secret', 'private', 'access', 'signing', 'encryption', 'master', 'license', 'client', 'app', 'auth', 'jwt', 'session', 'webhook', 'hmac', 'crypto']);

/** Names that contain a secret word but name something else (Trivy's own exceptions, and paths). */
function isExempt(words: readonly string[]): boolean {
  const joined = words.join('_');
  if (joined.startsWith('token_type') || joined.startsWith('version')) return true;
  const last = words[words.length - 1];
  // A path or pointer to a secret, not the secret itself.
  return last === 'file' || last === 'path' || last === 'dir' || last === 'arn' || last === 'name' || last === 'id' && !joined.includes('access_key');
}

export function splitNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The word that makes `name` look like a secret, or undefined. */
export function secretNameMatch(name: string): string | undefined {
  const words = splitNameWords(name);
  if (words.length === 0 || isExempt(words)) return undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (SECRET_WORDS.has(word)) return word;
    if (word === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return `${words[i - 1]}_key`;
    if (word === 'key' && words.length === 1) return word;
  }
  const joined = words.join('_');
  if (joined.includes('aws_access_key_id') || joined.includes('aws_secret_access_key')) return 'aws_access_key';
  return undefined;
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

/** `scheme://user:password@host`, with a non-empty password. */
export function urlHasPassword(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@[^\s]+$/i.test(value.trim());
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
