/**
 * The short volume syntax `[SOURCE:]TARGET[:MODE]`, parsed as compose-go `format.ParseVolume` does
 * (Windows drive letters included). A source that looks like a path (`.`, `/`, `~`, `\\`, `C:`) is a
 * bind mount; anything else names a volume.
 */
export interface ShortVolume {
  readonly type: 'bind' | 'volume';
  readonly source?: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export type ShortVolumeResult = { readonly ok: true; readonly volume: ShortVolume } | { readonly ok: false; readonly reason: string };

export function parseShortVolume(spec: string): ShortVolumeResult {
  if (spec === '') return { ok: false, reason: 'the volume is empty' };
  if (spec.length <= 2) return { ok: true, volume: { type: 'volume', target: spec, readOnly: false } };
  const fields: { source?: string; target?: string; readOnly: boolean } = { readOnly: false };
  let buffer = '';
  const flush = (atEnd: boolean): string | undefined => {
    if (buffer === '') return 'it has an empty section between colons';
    if (fields.source === undefined && atEnd) fields.target = buffer;
    else if (fields.source === undefined) fields.source = buffer;
    else if (fields.target === undefined) fields.target = buffer;
    else if (!atEnd) return 'it has too many colons';
    else {
      for (const option of buffer.split(',')) {
        if (option === 'ro') fields.readOnly = true;
        else if (option === 'rw') fields.readOnly = false;
        // Other options (z, Z, nocopy, cached, delegated, propagation) do not change the mount's shape.
      }
    }
    buffer = '';
    return undefined;
  };
  for (const char of spec) {
    if (char === ':' && isDriveLetter(buffer)) {
      buffer += char;
    } else if (char === ':') {
      const problem = flush(false);
      if (problem) return { ok: false, reason: problem };
    } else {
      buffer += char;
    }
  }
  const problem = flush(true);
  if (problem) return { ok: false, reason: problem };
  const target = fields.target ?? '';
  const source = fields.source;
  const type = source !== undefined && isHostPath(source) ? 'bind' : 'volume';
  return { ok: true, volume: { type, target, readOnly: fields.readOnly, ...(source !== undefined ? { source } : {}) } };
}

export function isHostPath(source: string): boolean {
  if (source === '') return false;
  if (source.startsWith('.') || source.startsWith('/') || source.startsWith('~') || source.startsWith('\\\\')) return true;
  return /^[A-Za-z]:/.test(source);
}

function isDriveLetter(buffer: string): boolean {
  return buffer.length === 1 && /\p{L}/u.test(buffer);
}
