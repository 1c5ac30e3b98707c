// The one range where a new version of a text differs from the old: what their common start and
// common end leave, in Lezer's ChangedRange shape (A the old text, B the new).

export interface TextChange {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

// Compared a block at a time first: equal slices compare as memory, far faster than character by character.
const BLOCK = 4096;

export function changedRange(before: string, after: string): TextChange {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= most && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  const room = most - start;
  while (end + BLOCK <= room && before.slice(before.length - end - BLOCK, before.length - end) === after.slice(after.length - end - BLOCK, after.length - end)) end += BLOCK;
  while (end < room && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { fromA: start, toA: before.length - end, fromB: start, toB: after.length - end };
}
