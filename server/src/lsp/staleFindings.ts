// Findings (and unused disable comments) of an older version of a document, moved to where they stand
// in the current one: a hover or a code action answers from the latest check at once, never waiting
// for the check of the newest version. One the edit touched is left out until that check comes.
import { changedRange } from '../engine/textChange';

export function moved<F extends { start: number; end: number }>(ranges: F[], before: string, after: string): F[] {
  if (before === after) return ranges;
  const { toA, fromA, toB } = changedRange(before, after);
  const by = toB - toA;
  const out: F[] = [];
  for (const f of ranges) {
    if (f.end <= fromA) out.push(f);
    else if (f.start >= toA) out.push({ ...f, start: f.start + by, end: f.end + by });
  }
  return out;
}
