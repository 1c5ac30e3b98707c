// Reads a draft or a corpus document as UTF-8 text, refusing binary files and invalid UTF-8 rather
// than checking (or citing) garbage.
import * as fs from 'node:fs';

/** Bytes looked at for a NUL, the usual sign of a binary file (Git looks at 8,000). */
const SNIFF_BYTES = 8000;

export type ReadResult = { text: string } | { problem: string };

export function readDraft(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { problem: `cannot read: ${(e as Error).message}` };
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { problem: 'binary file, not checked' };
  try {
    // TextDecoder drops a leading byte-order mark, as editors do, so positions match theirs.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'not valid UTF-8 text, not checked' };
  }
}
