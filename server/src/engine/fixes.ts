// The automatic fix for a mismatch: the source's figure in place of the draft's, when the sources
// give exactly one figure to put instead. The editor offers it as the preferred quick fix, and
// `factlint --fix` applies it; where sources disagree among themselves, a person has to choose.
import type { Finding } from './types';

/** The one replacement a mismatch can take, or undefined when there are none or several. */
export function singleReplacement(f: Finding): string | undefined {
  if (f.verdict !== 'mismatch' || f.suppressed) return undefined;
  const distinct = new Set(f.replacements);
  return distinct.size === 1 ? f.replacements[0] : undefined;
}

/** `text` with every single replacement applied, and how many figures changed; nothing else in it changes. */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; fixed: number } {
  const edits = findings
    .map((f) => ({ start: f.start, end: f.end, replacement: singleReplacement(f) }))
    .filter((e): e is { start: number; end: number; replacement: string } => e.replacement !== undefined && e.replacement !== text.slice(e.start, e.end))
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  let fixed = 0;
  for (const e of edits) {
    if (e.start < at) continue; // overlaps the figure fixed before it
    parts.push(text.slice(at, e.start), e.replacement);
    at = e.end;
    fixed++;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), fixed };
}
