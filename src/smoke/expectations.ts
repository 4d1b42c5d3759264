/**
 * What status a URL must answer with: `not-5xx` (the default for services: up, whatever the
 * path means to it), a class such as `2xx`, an exact code such as `200`, or a comma-separated
 * list of these.
 */
export interface StatusExpectation {
  readonly text: string;
  matches(status: number): boolean;
}

const PART = /^(not-[1-5]xx|[1-5]xx|[1-5][0-9]{2})$/;

/** Undefined when the text is not a valid expectation. */
export function parseExpectation(text: string): StatusExpectation | undefined {
  const parts = text.split(',').map((p) => p.trim().toLowerCase());
  if (parts.length === 0 || parts.some((p) => !PART.test(p))) return undefined;
  const tests = parts.map((part): ((status: number) => boolean) => {
    if (part.startsWith('not-')) return (s) => Math.floor(s / 100) !== Number(part[4]);
    if (part.endsWith('xx')) return (s) => Math.floor(s / 100) === Number(part[0]);
    return (s) => s === Number(part);
  });
  return { text: parts.join(','), matches: (status) => tests.some((t) => t(status)) };
}

export const DEFAULT_EXPECTATION = 'not-5xx';
