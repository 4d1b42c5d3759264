/**
 * Reads one input file as text, refusing anything that is not a bounded regular file of UTF-8:
 * directories, FIFOs (which would block forever), devices such as /dev/zero (which never end),
 * sockets, dangling or looping links, unreadable files, files over the size limit, and bytes that
 * are not UTF-8 text (decoding them would silently turn them into U+FFFD). Each refusal is an
 * InputError naming the path, so the CLI exits 2 with it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { InputError } from '../../diagnostics/errors.js';
import type { Finding } from '../../diagnostics/finding.js';
import { firstInvalidUtf8, positionOf } from './utf8.js';

export interface ReadTextOptions {
  /** The path as shown to the user. */
  readonly shown: string;
  readonly maxBytes: number;
  /** What the file is for, e.g. "a Compose file", in messages. */
  readonly what: string;
}

/** The file's text; an InputError for anything but a readable regular file of UTF-8 text. */
export function readTextFile(path: string, options: ReadTextOptions): string {
  const text = readTextFileIfPresent(path, options);
  if (text === undefined) throw refusal('INPUT_NOT_FOUND', options, `${options.shown} does not exist`, `Check the path of ${options.what}.`);
  return text;
}

/** Like readTextFile, but undefined when nothing exists at the path (a dangling link is not nothing). */
export function readTextFileIfPresent(path: string, options: ReadTextOptions): string | undefined {
  const bytes = readBytes(path, options);
  return bytes === undefined ? undefined : decodeText(bytes, options.shown, options.what);
}

/** The bytes as text; an InputError at the first byte that is not UTF-8 text. */
export function decodeText(bytes: Uint8Array, shown: string, what = 'text'): string {
  const text = decodeUtf8(bytes);
  if (text !== undefined) return text;
  const invalid = firstInvalidUtf8(bytes);
  const { line, column } = positionOf(bytes, invalid);
  const found = bytes[invalid] === 0 ? 'a NUL byte: it is binary' : 'bytes that are not UTF-8';
  throw new InputError([
    {
      code: 'INPUT_NOT_TEXT',
      severity: 'error',
      message: `${shown} is not UTF-8 text: it has ${found}.`,
      file: shown,
      line,
      column,
      hint: `Pass ${what} saved as UTF-8 text.`,
    },
  ]);
}

/** The text, or undefined when the bytes are not UTF-8 or hold a NUL byte (binary). */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) >= 0) return undefined;
  try {
    // Kept as written, byte-order mark included: a file rewritten from this text keeps its bytes.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The file's bytes, undefined when nothing exists at the path; the same refusals as for text. */
export function readBytes(path: string, options: ReadTextOptions): Uint8Array | undefined {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO without a writer returns at once instead of hanging.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const dangling = danglingLink(path);
      if (dangling === undefined) return undefined;
      throw refusal('INPUT_UNREADABLE', options, `${options.shown} is a symbolic link to ${dangling}, which does not exist`, 'Fix or remove the link.');
    }
    throw refusal('INPUT_UNREADABLE', options, `${options.shown} cannot be read: ${OPEN_ERRORS[code ?? ''] ?? (error as Error).message}`, `Check the path and permissions of ${options.what}.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refusal('INPUT_UNREADABLE', options, `${options.shown} is ${kindOf(stat)}, not a regular file`, `Pass ${options.what} as a regular file.`);
    if (stat.size > options.maxBytes) throw tooLarge(options, stat.size);
    return readAll(fd, stat.size, options);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, refusing a file that grows past the limit while it is read. */
function readAll(fd: number, size: number, options: ReadTextOptions): Uint8Array {
  let buffer = Buffer.alloc(Math.min(Math.max(size, 4096), options.maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > options.maxBytes) throw tooLarge(options, length, true);
      const grown = Buffer.alloc(Math.min(buffer.length * 2, options.maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    let read: number;
    try {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw refusal('INPUT_UNREADABLE', options, `${options.shown} cannot be read: ${OPEN_ERRORS[code ?? ''] ?? (error as Error).message}`, `Check ${options.what}.`);
    }
    if (read === 0) break;
    length += read;
  }
  if (length > options.maxBytes) throw tooLarge(options, length, true);
  return buffer.subarray(0, length);
}

function danglingLink(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const OPEN_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a link loop)',
  ENOTDIR: 'a parent of it is a file, not a directory',
  ENAMETOOLONG: 'the path is too long',
  ENXIO: 'it is a socket or a device without a reader',
  EISDIR: 'it is a directory',
  EIO: 'an input/output error',
};

function tooLarge(options: ReadTextOptions, bytes: number, atLeast = false): InputError {
  return refusal(
    'INPUT_TOO_LARGE',
    options,
    `${options.shown} is larger than ecsform reads (${atLeast ? 'more than ' : ''}${formatBytes(atLeast ? options.maxBytes : bytes)}; the limit for ${options.what} is ${formatBytes(options.maxBytes)})`,
    `Check that this is the file you meant; ${options.what} is normally far smaller.`,
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function refusal(code: string, options: ReadTextOptions, message: string, hint: string): InputError {
  const finding: Finding = { code, severity: 'error', message: `${message}.`, file: options.shown, hint };
  return new InputError([finding]);
}
