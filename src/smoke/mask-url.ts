/**
 * URLs as the smoke test prints them: a password in the URL (`https://admin:pw@host/`) and the
 * values of query parameters named like credentials (`?token=...`, `X-Amz-Signature=...`) are
 * masked. The report and the progress lines end up in CI logs.
 */

const CREDENTIAL_PARAMETER = /(token|secret|passw(or)?d|pwd|api[-_]?key|access[-_]?key|auth|credential|signature|^sig$|^key$|session)/i;
const MASK = '****';

export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not a URL Node can parse: mask anything between "//" and "@" the same way.
    return text.replace(/(\/\/[^/@\s]*?:)[^/@\s]*@/, `$1${MASK}@`);
  }
  let changed = false;
  if (url.password !== '') {
    url.password = MASK;
    changed = true;
  }
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (CREDENTIAL_PARAMETER.test(name)) {
      url.searchParams.set(name, MASK);
      changed = true;
    }
  }
  return changed ? url.toString() : text;
}

/** Free text (an error message quoting part of a file) with every `scheme://user:password@` masked. */
export function maskCredentialsIn(text: string): string {
  return text.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@\s:]*:)[^/@\s]+@/g, `$1${MASK}@`);
}
