/**
 * Splits a string `command`/`entrypoint` into words the way Compose does (compose-go uses
 * mattn/go-shellwords without environment or backtick expansion): whitespace separates words,
 * single quotes are literal, double quotes group, backslash escapes (`\t`, `\n` become tab and
 * newline), `$(...)` and backticks are kept as text. No shell is involved, so splitting stops at
 * the first unquoted `;`, `&`, `|`, `<` or `>` and the rest is dropped, which we report.
 */
export type ShellSplit =
  | { readonly ok: true; readonly words: readonly string[]; readonly droppedFrom?: string }
  | { readonly ok: false; readonly reason: string };

const OPERATORS = new Set([';', '&', '|', '<', '>']);

export function shellSplit(line: string): ShellSplit {
  const words: string[] = [];
  let buffer = '';
  let hasWord = false;
  let escaped = false;
  let singleQuoted = false;
  let doubleQuoted = false;
  let backQuoted = false;
  let dollarQuoted = false;
  let stopAt: number | undefined;

  const chars = [...line];
  let offset = 0;
  for (let i = 0; i < chars.length; offset += (chars[i] ?? '').length, i++) {
    let char = chars[i] ?? '';
    if (escaped) {
      escaped = false;
      if (backQuoted || dollarQuoted) {
        buffer += `\\${char}`;
      } else {
        if (char === 't') char = '\t';
        if (char === 'n') char = '\n';
        buffer += char;
      }
      hasWord = true;
      continue;
    }
    if (char === '\\') {
      if (singleQuoted) buffer += char;
      else escaped = true;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      if (singleQuoted || doubleQuoted || backQuoted || dollarQuoted) {
        buffer += char;
      } else if (hasWord) {
        words.push(buffer);
        buffer = '';
        hasWord = false;
      }
      continue;
    }
    const quoted = singleQuoted || doubleQuoted;
    if (char === '`' && !quoted && !dollarQuoted) {
      backQuoted = !backQuoted;
    } else if (char === ')' && !quoted && !backQuoted) {
      if (!dollarQuoted) return { ok: false, reason: 'it has a ")" without a matching "$("' };
      dollarQuoted = false;
    } else if (char === '(' && !quoted && !backQuoted) {
      if (dollarQuoted || !buffer.endsWith('$') || buffer.endsWith('\\$')) return { ok: false, reason: 'it has a "(" that is not part of "$("' };
      dollarQuoted = true;
    } else if (char === '"' && !singleQuoted && !dollarQuoted && !backQuoted) {
      if (doubleQuoted) hasWord = true;
      doubleQuoted = !doubleQuoted;
      continue;
    } else if (char === "'" && !doubleQuoted && !dollarQuoted && !backQuoted) {
      if (singleQuoted) hasWord = true;
      singleQuoted = !singleQuoted;
      continue;
    } else if (OPERATORS.has(char) && !quoted && !backQuoted && !dollarQuoted) {
      // `2>` belongs to the redirection: the digits are dropped with it.
      if (char === '>' && hasWord && /^\d+$/.test(buffer)) {
        stopAt = offset - buffer.length;
        hasWord = false;
      } else {
        stopAt = offset;
      }
      break;
    }
    hasWord = true;
    buffer += char;
  }
  if (hasWord) words.push(buffer);
  if (escaped || singleQuoted || doubleQuoted || backQuoted || dollarQuoted) {
    return { ok: false, reason: escaped ? 'it ends with a lone backslash' : 'a quote or "$(" is not closed' };
  }
  return stopAt === undefined ? { ok: true, words } : { ok: true, words, droppedFrom: line.slice(stopAt) };
}
