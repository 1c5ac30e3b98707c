// Reads every file factlint reads (drafts, corpus documents, config files, .gitignore): regular files
// only, never more than a size limit, as UTF-8 or (with a byte-order mark) UTF-16 text. Binary files
// and invalid UTF-8 are refused rather than checked (or cited) as garbage. A FIFO, device or socket
// is refused without being read: reading /dev/zero never ends and opening a FIFO waits for a writer.
import * as fs from 'node:fs';

/** Bytes looked at for a NUL, the usual sign of a binary file (Git looks at 8,000). */
const SNIFF_BYTES = 8000;
export const MEGABYTE = 1024 * 1024;
/** The default limit on any file factlint reads: 5 MB. */
export const DEFAULT_MAX_FILE_BYTES = 5 * MEGABYTE;

/** How a file's bytes were text: what --fix writes back with, so that nothing but the fixed figures changes. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type ReadResult = { text: string; encoding: TextEncoding } | { problem: string; tooLarge?: { bytes: number; limit: number } };

/** "5 MB", "0.5 MB", "20.3 MB". */
export function megabytes(bytes: number): string {
  return `${Number((bytes / MEGABYTE).toFixed(1)) || Number((bytes / MEGABYTE).toPrecision(2))} MB`;
}

/** Why a file over the limit is not read; the front ends add how to raise the limit. `bytes` is unknown for a stream cut off at the limit. */
export function tooLargeProblem(bytes: number | undefined, limit: number): string {
  return `${bytes === undefined ? 'more than' : `${megabytes(bytes)}, over`} the ${megabytes(limit)} size limit; not checked`;
}

// Opening non-blocking keeps a FIFO from waiting for a writer; it changes nothing for regular files.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { problem: `cannot read: ${(e as Error).message}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not a regular file (a device, FIFO or socket), not read' };
    if (stat.size > maxBytes) return { problem: tooLargeProblem(stat.size, maxBytes), tooLarge: { bytes: stat.size, limit: maxBytes } };
    // The size may be wrong (a file still growing, /proc): read to the end, but never past the limit.
    return readToEnd(fd, stat.size, maxBytes);
  } catch (e) {
    return { problem: `cannot read: ${(e as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input (`factlint -`), to its end, under the same limit and decoding as files. */
export function readStdin(maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  try {
    return readToEnd(0, 0, maxBytes);
  } catch (e) {
    return { problem: `cannot read: ${(e as Error).message}` };
  }
}

function readToEnd(fd: number, expected: number, maxBytes: number): ReadResult {
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(Math.max(expected - length + 1, 64 * 1024), maxBytes + 1 - length));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EOF') break; // Windows, at the end of a pipe
      if (code !== 'EAGAIN') throw e;
      // A non-blocking pipe with nothing in it yet: wait a little for the writer.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    length += n;
    // Past the limit the rest is not read, so the full size is unknown.
    if (length > maxBytes) return { problem: tooLargeProblem(undefined, maxBytes), tooLarge: { bytes: length, limit: maxBytes } };
  }
  return decode(Buffer.concat(chunks, length));
}

/** UTF-16 with a byte-order mark, else UTF-8. TextDecoder drops the mark, as editors do, so positions match theirs. */
function decode(bytes: Buffer): ReadResult {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.subarray(0, SNIFF_BYTES).includes(0)) return { problem: 'binary file, not checked' };
  try {
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: utf16 ?? (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8') };
  } catch {
    return { problem: `not valid ${utf16 ? 'UTF-16' : 'UTF-8'} text, not checked` };
  }
}

/** The bytes of `text` in `encoding`, byte-order mark included: for text read by this module, the file's bytes exactly. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16le' ? bytes : bytes.swap16();
}
